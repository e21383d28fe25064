// The functions as the local stack runs them: in-process Firestore emulator, local token issuer, express on 127.0.0.1.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addAdmin, saveStructure } from "@barometre/functions/admin";
import type { Attestation, FunctionName, PimmsReturn, Territory } from "@barometre/shared";
import {
  type CallOptions,
  callFunction,
  createDevAuth,
  type DevAuth,
  emulatorFirestore,
  type FirestoreEmulator,
  type FunctionsServer,
  type FunctionsServerOptions,
  type IdTokenOptions,
  startFirestoreEmulator,
  startFunctionsServer,
} from "@barometre/stack";
import type { Firestore } from "firebase-admin/firestore";

export const AUDIENCE = "1234567890-addon.apps.googleusercontent.com";
export const ADMIN = "union@pimms.example";

/** A JSON answer as tests read it: any shape, checked by the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: the answer of any endpoint, read by hundreds of assertions that check its shape; typing each belongs to the API contract in shared.
export type Reply = Record<string, any>;

export interface JsonResponse extends Response {
  json(): Promise<Reply>;
}

export interface TestStack {
  db: Firestore;
  url: string;
  auth: DevAuth;
  emulator: FirestoreEmulator;
  /** What the handlers logged as failures. */
  logged: string[];
  /** The handlers' dependencies and the in-process task queues behind them. */
  server: Pick<FunctionsServer, "deps" | "queues">;
  token(email: string, options?: Partial<IdTokenOptions>): Promise<string>;
  call(name: FunctionName, init?: CallOptions): Promise<JsonResponse>;
  close(): Promise<void>;
}

export async function startTestStack(
  options: Pick<
    FunctionsServerOptions,
    "clock" | "requestDeadlineMs" | "unionSheet" | "queue"
  > = {},
): Promise<TestStack> {
  const emulator = await startFirestoreEmulator(`demo-test-${process.pid}`);
  const db = emulatorFirestore(emulator);
  const auth = await createDevAuth();
  const logged: string[] = [];
  const server = await startFunctionsServer({
    db,
    audiences: [AUDIENCE],
    devAuth: auth,
    clock: options.clock,
    requestDeadlineMs: options.requestDeadlineMs,
    unionSheet: options.unionSheet,
    queue: options.queue,
    logError: (message) => logged.push(message),
  });
  return {
    db,
    url: server.url,
    auth,
    emulator,
    logged,
    server,
    token: (email, opts = {}) => auth.signIdToken(email, { audience: AUDIENCE, ...opts }),
    call: (name, init) => callFunction(server.url, name, init) as Promise<JsonResponse>,
    close: async () => {
      await server.close();
      emulator.stop();
    },
  };
}

const fixture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, "../fixtures/legacy-2018/04-pimms-rennes-A.truth.json"),
    "utf8",
  ),
) as { return: PimmsReturn };

/** A valid return (PIMMS Rennes 2018) under another code and year. */
export function sampleReturn(code = "PIMMS-RENNES", year = 2018): PimmsReturn {
  const ret = structuredClone(fixture.return);
  ret.identification.structureCode = code;
  ret.identification.year = year;
  return ret;
}

/** Who vouches for the figures of every test return. */
export const ATTESTATION: Attestation = { name: "Claire Martin", role: "direction" };

export const directorOf = (code: string) => `direction@${code.toLowerCase()}.example`;

/** Registers structures whose director is directorOf(code), and the Union admin. */
export async function seedDirectory(
  db: Firestore,
  codes: readonly string[],
  territory: Territory = "Urbain QPV",
): Promise<void> {
  const now = new Date();
  await Promise.all(
    codes.map((code) =>
      saveStructure(
        db,
        { code, name: `PIMMS ${code}`, territory, emails: [directorOf(code)] },
        now,
      ),
    ),
  );
  await addAdmin(db, ADMIN, "test", now);
}

/** Every document stored under a campaign for a structure: revisions, idempotency records, latest copy. */
export async function storedCount(db: Firestore, year: number, code: string): Promise<number> {
  const base = db.collection("campaigns").doc(String(year));
  const [revisions, answers, latest] = await Promise.all([
    base.collection("structures").doc(code).collection("revisions").count().get(),
    base.collection("structures").doc(code).collection("answers").count().get(),
    base.collection("latest").doc(code).get(),
  ]);
  return revisions.data().count + answers.data().count + (latest.exists ? 1 : 0);
}
