// A fixture opened with the add-on configured to reach the local functions (through a fault proxy), signed in as its director.

import type { SubmitRequest } from "@barometre/shared";
import type { LegacyFixture } from "@barometre/testing/legacy-fixtures";
import type { GasRuntime } from "../../harness/gas-runtime.ts";
import { openWorkbook, type SessionOptions } from "./addon-session.ts";
import type { FunctionsThread } from "./functions-thread.ts";

export interface ConnectOptions extends SessionOptions {
  /** The base the add-on is configured with; default: the fault proxy in front of the functions. */
  base?: string;
  /** Signs in someone else than the fixture's director. */
  email?: string;
  token?: string;
  /** Prepares the workbook first (default). */
  prepare?: boolean;
  /** Types the attestation in the sidebar first (default), as a director does once before sending. */
  attest?: boolean;
}

/** The attestation a connected session types in the sidebar. */
export const SESSION_ATTESTATION = { name: "Claire Martin", role: "direction" } as const;

/** Opens the fixture with the add-on configured for the local functions, its director signed in. */
export async function openConnected(
  fx: LegacyFixture,
  functions: FunctionsThread,
  options: ConnectOptions = {},
): Promise<GasRuntime> {
  const base = options.base ?? functions.proxy;
  const token =
    options.token ??
    (await functions.token(options.email ?? (fx.ret.identification.directorEmail as string)));
  const rt = await openWorkbook(fx.xlsx, {
    whitelist: [base],
    identityToken: () => token,
    functionsUrl: base,
    fetchTimeoutMs: 30_000,
    ...options,
  });
  if (options.prepare !== false) {
    const prepared = rt.run("runPrepare") as { ok: boolean };
    if (!prepared.ok) throw new Error("prepare failed");
    rt.urlFetch.requests.length = 0;
  }
  if (options.attest !== false) {
    const saved = rt.run(
      "runSaveAttestation",
      SESSION_ATTESTATION.name,
      SESSION_ATTESTATION.role,
    ) as { ok: boolean };
    if (!saved.ok) throw new Error("attestation failed");
  }
  rt.book.calls.reset();
  return rt;
}

export type Outcome =
  | {
      sent: true;
      message: string;
      submission: { revision: number; who: string | null };
      warnings: { field: string | null }[];
      changes: string[];
    }
  | { sent: false; message: string; findings: { message: string; cell: string | null }[] };

export function submit(rt: GasRuntime): Outcome {
  const answer = rt.run("runSubmit") as
    | { ok: true; value: Outcome }
    | { ok: false; message: string };
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

/** The idempotency key of each submitReturn the add-on sent. */
export function sentKeys(rt: GasRuntime): string[] {
  return rt.urlFetch.requests
    .filter((r) => r.url.endsWith("/submitReturn"))
    .map((r) => (JSON.parse(r.payload ?? "{}") as SubmitRequest).idempotencyKey);
}
