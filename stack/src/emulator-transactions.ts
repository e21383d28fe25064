// Makes the emulator isolate a transaction's reads (it ignores them), as Firestore does: a transactional commit fails
// ABORTED when a document the transaction read has been written since, so the client runs the transaction again
// on what is now stored. Firestore locks what a transaction reads instead; either way, no transaction commits on
// a read another write has made stale. Documents read by a query in a transaction are not tracked.
import { randomBytes } from "node:crypto";
import { type GrpcServer, refuse, wrapHandler } from "./emulator-handlers.ts";
import { type State, updatedAt } from "./emulator-preconditions.ts";

interface Message {
  transaction: Uint8Array;
  has_new_transaction?: boolean;
  documents?: string[];
}

type Call = { request: Message; write?(response: Message): unknown };

/** gRPC's ABORTED, which the Firestore clients retry a transaction on. */
const ABORTED = 10;

export function isolateTransactions(server: GrpcServer, state: State): void {
  /** What each open transaction read: document name → its update time then (null: missing). */
  const reads = new Map<string, Map<string, number | null>>();
  const key = (id: Uint8Array) => Buffer.from(id).toString("hex");
  const fresh = () => {
    const id = randomBytes(12);
    reads.set(key(id), new Map());
    return id;
  };
  wrapHandler<Call>(
    server,
    "BeginTransaction",
    (inner) => (call, callback) =>
      inner(call, (error, response) => {
        if (response) (response as Message).transaction = fresh();
        callback(error, response);
      }),
  );

  wrapHandler<Call>(server, "BatchGetDocuments", (inner) => (call, callback) => {
    const { request } = call;
    const id = request.has_new_transaction ? fresh() : request.transaction;
    const read = id.length ? reads.get(key(id)) : undefined;
    for (const name of request.documents ?? [])
      if (read && !read.has(name)) read.set(name, updatedAt(state, name));
    const write = call.write?.bind(call);
    if (write && request.has_new_transaction)
      call.write = (response) => {
        if (response.transaction.length) response.transaction = id;
        return write(response);
      };
    return inner(call, callback);
  });

  wrapHandler<Call>(server, "Commit", (inner) => (call, callback) => {
    const id = call.request.transaction;
    const read = id.length ? reads.get(key(id)) : undefined;
    if (read) reads.delete(key(id));
    const stale = read && [...read].find(([name, at]) => updatedAt(state, name) !== at)?.[0];
    if (!stale) return inner(call, callback);
    return refuse(
      callback,
      ABORTED,
      `Transaction aborted: ${stale} was written after the transaction read it.`,
    );
  });

  wrapHandler<Call>(server, "Rollback", (inner) => (call, callback) => {
    reads.delete(key(call.request.transaction));
    return inner(call, callback);
  });
}
