// The in-process Firestore emulator (@firestore-emulator/server) on 127.0.0.1, and an admin Firestore connected to it.
import { createRequire } from "node:module";
import {
  FirestoreServer,
  FirestoreStateCollection,
  FirestoreStateDocument,
} from "@firestore-emulator/server";
import { type App, getApps, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { honourPreconditions } from "./emulator-preconditions.ts";
import { isolateTransactions } from "./emulator-transactions.ts";
import { countOperations, type FirestoreOperations } from "./firestore-operations.ts";

/** Loads a module as the emulator package itself resolves it. */
const emulatorRequire = createRequire(
  createRequire(import.meta.url).resolve("@firestore-emulator/server"),
);

/** The grpc-js the emulator package itself uses: its server must be bound with credentials of that copy. */
const grpc = emulatorRequire("@grpc/grpc-js") as {
  ServerCredentials: { createInsecure(): unknown };
};

// The emulator keeps its state with immer, which deep-freezes every state it produces: a development check that
// costs about half the emulator's time on large documents (a campaign's 2,800 returns) and guards nothing here.
(emulatorRequire("immer") as { setAutoFreeze(on: boolean): void }).setAutoFreeze(false);

interface Collection {
  documents: Record<string, unknown>;
  emitter: unknown;
  database: unknown;
}

// Adding a document to a collection copies all of the collection's documents (immer's produce over them): storing a
// campaign of 28,000 latest copies took quadratic time, most of it in immer's shallowCopy. No earlier version of the
// state is ever kept (no transactions, no freezing), so a new document is added in place instead.
(
  FirestoreStateCollection.prototype as unknown as { getDocument(name: string): unknown }
).getDocument = function (this: Collection, name: string) {
  this.documents[name] ??= new FirestoreStateDocument(
    this.emitter as never,
    this.database as never,
    this as never,
    name,
    {},
    {},
  );
  return this.documents[name];
};

interface GrpcServer {
  handlers: Map<string, { func: (...args: unknown[]) => unknown }>;
  bindAsync(
    address: string,
    credentials: unknown,
    callback: (error: Error | null, port: number) => void,
  ): void;
  unbind(address: string): void;
  /** grpc-js's open HTTP/2 sessions (an internal field). */
  sessions: Map<{ destroy(): void }, unknown>;
}

export interface FirestoreEmulator {
  /** "127.0.0.1:PORT", also set as FIRESTORE_EMULATOR_HOST. */
  host: string;
  projectId: string;
  server: FirestoreServer;
  /** The billable reads, writes and deletes served so far (live counters). */
  operations: FirestoreOperations;
  /**
   * An outage, for fault tests: the port stops listening and open connections drop, so calls in flight fail
   * UNAVAILABLE and new ones cannot connect; the data stays in memory.
   */
  interrupt(): void;
  /** Back from an outage: listens again on the same address, with the same data. */
  resume(): Promise<void>;
  stop(): void;
}

const bind = (server: GrpcServer, address: string) =>
  new Promise<number>((resolve, reject) =>
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );

/**
 * Starts the emulator on a free port of 127.0.0.1 and points firebase-admin at it through the environment.
 * FirestoreServer.start() binds every interface on a chosen port, so its gRPC server is bound here instead.
 */
export async function startFirestoreEmulator(
  projectId = "demo-barometre",
): Promise<FirestoreEmulator> {
  const server = new FirestoreServer();
  const grpcServer = (server as unknown as { server: GrpcServer }).server;
  const port = await bind(grpcServer, "127.0.0.1:0");
  const host = `127.0.0.1:${port}`;
  process.env.FIRESTORE_EMULATOR_HOST = host;
  process.env.METADATA_SERVER_DETECTION = "none";
  process.env.GCLOUD_PROJECT = projectId;
  const operations = countOperations(grpcServer, server.state);
  // After the counting: a commit refused for its precondition writes nothing.
  honourPreconditions(grpcServer as never, server.state as never);
  isolateTransactions(grpcServer as never, server.state as never);
  return {
    host,
    projectId,
    server,
    operations,
    interrupt: () => {
      grpcServer.unbind(host);
      // Without a GOAWAY code: the client sees dropped connections (UNAVAILABLE), not cancelled calls.
      for (const session of grpcServer.sessions.keys()) session.destroy();
    },
    resume: async () => {
      await bind(grpcServer, host);
    },
    stop: () => server.stop(),
  };
}

/** The default admin app, found by name: firebase-functions registers an app of its own. */
export function defaultApp(projectId: string): App {
  return getApps().find((a) => a.name === "[DEFAULT]") ?? initializeApp({ projectId });
}

/** The admin Firestore of the default app, talking to the emulator started in this process. */
export function emulatorFirestore(emulator: FirestoreEmulator): Firestore {
  return getFirestore(defaultApp(emulator.projectId));
}
