// Counts the emulator's Firestore operations the way Firestore bills them, for the bench's reads and cost figures.
//
// Billing rules (cloud.google.com/firestore/pricing, "Reads, writes and deletes"): a get reads one document whether
// it exists or not; a query reads each document it returns, and one when it returns none; an aggregation reads one
// per batch of up to 1,000 index entries it matches; each set, update or create in a commit is one write, each
// delete one delete. Counted at the emulator's gRPC handlers, so nothing in the functions knows about it.

/** The billable operations served so far. */
export interface FirestoreOperations {
  reads: number;
  writes: number;
  deletes: number;
}

interface Handler {
  func: (call: Call, ...rest: unknown[]) => unknown;
}

interface Call {
  request: Record<string, any>;
  write(message: Record<string, any>): boolean;
}

interface CountedServer {
  handlers: Map<string, Handler>;
}

interface EmulatorState {
  v1Query(parent: string, query: unknown): unknown[];
}

const SERVICE = "/google.firestore.v1.Firestore/";

function wrap(server: CountedServer, method: string, before: (call: Call) => void): void {
  const handler = server.handlers.get(SERVICE + method);
  if (!handler) throw new Error(`L'émulateur Firestore ne sert pas ${method}.`);
  const inner = handler.func;
  handler.func = (call, ...rest) => {
    before(call);
    return inner(call, ...rest);
  };
}

/** Starts counting on a bound emulator; returns the live counters. */
export function countOperations(server: CountedServer, state: EmulatorState): FirestoreOperations {
  const ops: FirestoreOperations = { reads: 0, writes: 0, deletes: 0 };
  wrap(server, "BatchGetDocuments", (call) => {
    ops.reads += call.request.documents.length;
  });
  wrap(server, "RunQuery", (call) => {
    let returned = 0;
    const write = call.write.bind(call);
    call.write = (message) => {
      if (message.has_document) returned++;
      if (message.done) ops.reads += Math.max(1, returned);
      return write(message);
    };
  });
  wrap(server, "RunAggregationQuery", (call) => {
    const { parent, structured_aggregation_query: q } = call.request;
    const entries = state.v1Query(parent, q.structured_query).length;
    ops.reads += Math.max(1, Math.ceil(entries / 1000));
  });
  wrap(server, "Commit", (call) => {
    for (const write of call.request.writes as { has_delete: boolean }[])
      if (write.has_delete) ops.deletes++;
      else ops.writes++;
  });
  return ops;
}

/** What was counted between two readings of the counters. */
export const operationsSince = (
  now: FirestoreOperations,
  before: FirestoreOperations,
): FirestoreOperations => ({
  reads: now.reads - before.reads,
  writes: now.writes - before.writes,
  deletes: now.deletes - before.deletes,
});
