// The local stack: Firestore emulator, functions server, SMTP sink, task queue, outbox watcher and token
// issuer, all on 127.0.0.1, for npm start, the tests and the bench.

export type { CallOptions } from "./call-function.ts";
export { callFunction } from "./call-function.ts";
export type { DevAuth, IdTokenOptions } from "./dev-auth.ts";
export { createDevAuth, trustedDevAuth } from "./dev-auth.ts";
export { TOKEN_PATH } from "./dev-paths.ts";
export type { FirestoreEmulator } from "./firestore-emulator.ts";
export { defaultApp, emulatorFirestore, startFirestoreEmulator } from "./firestore-emulator.ts";
export type { FirestoreOperations } from "./firestore-operations.ts";
export { operationsSince } from "./firestore-operations.ts";
export type { FunctionsServer, FunctionsServerOptions } from "./functions-server.ts";
export { startFunctionsServer } from "./functions-server.ts";
export { LOCAL_MAIL, localWork } from "./local-deps.ts";
export { watchOutbox } from "./outbox-watcher.ts";
export type { SmtpSink } from "./smtp-sink.ts";
export { startSmtpSink } from "./smtp-sink.ts";
