// The local stack of npm start, in this process and on 127.0.0.1 only: the Firestore emulator, the real functions
// over HTTP trusting a local token issuer, an SMTP server keeping every mail as .eml, and the outbox sender.

import type { ReportRenderer } from "@barometre/functions/admin";
import { RETRY_POLICY, smtpTransport } from "@barometre/functions/admin";
import type { FunctionName } from "@barometre/shared";
import {
  type CallOptions,
  callFunction,
  createDevAuth,
  defaultApp,
  emulatorFirestore,
  type FirestoreEmulator,
  type FunctionsServer,
  LOCAL_MAIL,
  type SmtpSink,
  startFirestoreEmulator,
  startFunctionsServer,
  startSmtpSink,
  watchOutbox,
} from "@barometre/stack";
import { deleteApp } from "firebase-admin/app";
import type { Firestore } from "firebase-admin/firestore";

/** The audience of the local stack's tokens: no deployed function accepts it. */
export const LOCAL_AUDIENCE = "barometre-local-stack";

const PROJECT_ID = "demo-barometre";

export interface LocalStackOptions {
  /** The functions' port; 0 for any free one. */
  port: number;
  /** Where every mail the SMTP server receives is written as .eml. */
  mailDir: string;
  renderer: ReportRenderer;
  /** A failure the handlers or the background work reported. */
  onIncident(message: string): void;
}

export interface LocalStack {
  /** "http://127.0.0.1:PORT": each function at {url}/{name}. */
  url: string;
  /** "127.0.0.1:PORT" of the Firestore emulator, for `FIRESTORE_EMULATOR_HOST`. */
  firestoreHost: string;
  db: Firestore;
  server: FunctionsServer;
  sink: SmtpSink;
  /** An ID token for the address, signed by this stack's own key. */
  token(email: string): Promise<string>;
  /** Subscribes to the ids of the outbox's mails as they are written (created, then updated by the sender). */
  mailWrites(onWrite: (id: string) => void): () => void;
  /** A function called over HTTP: POST with a JSON body, GET without. */
  call(name: FunctionName, options?: CallOptions): Promise<Response>;
  /** Resolves once the background work (report batches) is done and every queued mail is delivered. */
  settled(): Promise<void>;
  /** Stops everything it started, so the process can end on its own. */
  close(): Promise<void>;
}

/** The ids of the outbox's documents as the in-process emulator writes them, heard from its own write events. */
function mailWrites(emulator: FirestoreEmulator) {
  const { emitter } = emulator.server.state;
  return (onWrite: (id: string) => void) => {
    const heard = ({ document }: { document: { getPath(): string } }) => {
      const id = /\/documents\/mail\/([^/]+)$/.exec(document.getPath())?.[1];
      if (id) onWrite(id);
    };
    emitter.on("create-document", heard);
    emitter.on("update-document", heard);
    return () => {
      emitter.off("create-document", heard);
      emitter.off("update-document", heard);
    };
  };
}

/** Stops what started, last first; every stop is tried even if one fails. */
async function stopAll(stops: (() => unknown)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const stop of [...stops].reverse())
    try {
      await stop();
    } catch (error) {
      failures.push(error);
    }
  if (failures.length) throw failures[0];
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stops: (() => unknown)[] = [];
  try {
    const emulator = await startFirestoreEmulator(PROJECT_ID);
    stops.push(() => emulator.stop());
    const db = emulatorFirestore(emulator);
    // The admin app holds gRPC channels to the emulator: deleted, so nothing keeps the process alive.
    stops.push(() => deleteApp(defaultApp(PROJECT_ID)));
    const logger = {
      error: (message: string, details: Record<string, unknown>) =>
        options.onIncident(`${message}${details.detail ? ` : ${String(details.detail)}` : ""}`),
    };
    const sink = await startSmtpSink({ outDir: options.mailDir });
    stops.push(() => sink.stop());
    const auth = await createDevAuth();
    const server = await startFunctionsServer({
      db,
      audiences: [LOCAL_AUDIENCE],
      devAuth: auth,
      port: options.port,
      renderer: options.renderer,
      logError: logger.error,
    });
    stops.push(() => server.close());
    const transport = await smtpTransport({
      host: sink.host,
      port: sink.port,
      user: null,
      password: null,
    });
    stops.push(() => transport.close());
    const writes = mailWrites(emulator);
    const watcher = watchOutbox(
      {
        db,
        clock: () => new Date(),
        transport,
        from: LOCAL_MAIL.from,
        policy: RETRY_POLICY,
        logger,
      },
      { mailWrites: writes },
    );
    stops.push(() => watcher.stop());
    return {
      url: server.url,
      firestoreHost: emulator.host,
      db,
      server,
      sink,
      token: (email) => auth.signIdToken(email, { audience: LOCAL_AUDIENCE }),
      mailWrites: writes,
      call: (name, options) => callFunction(server.url, name, options),
      settled: async () => {
        await server.queues.idle();
        await watcher.drained();
      },
      close: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops).catch(() => {});
    throw error;
  }
}
