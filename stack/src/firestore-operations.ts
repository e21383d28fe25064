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

/** A gRPC call as the emulator's handlers get it: the request in protobuf field names. */
interface Call<Request = unknown> {
  request: Request;
  write(message: Record<string, unknown>): boolean;
}

interface CountedServer {
  handlers: Map<string, Handler>;
}

interface EmulatorState {
  v1Query(parent: string, query: unknown): unknown[];
}

interface AggregationRequest {
  parent: string;
  structured_aggregation_query: { structured_query: unknown };
}

const SERVICE = "/google.firestore.v1.Firestore/";

/** Runs `before` ahead of the handler of `method`, whose requests have the shape `Request`. */
function wrap<Request>(
  server: CountedServer,
  method: string,
  before: (call: Call<Request>) => void,
): void {
  const handler = server.handlers.get(SERVICE + method);
  if (!handler) throw new Error(`L'émulateur Firestore ne sert pas ${method}.`);
  const inner = handler.func;
  handler.func = (call, ...rest) => {
    before(call as Call<Request>);
    return inner(call, ...rest);
  };
}

/** Starts counting on a bound emulator; returns the live counters. */
export function countOperations(server: CountedServer, state: EmulatorState): FirestoreOperations {
  const ops: FirestoreOperations = { reads: 0, writes: 0, deletes: 0 };
  wrap<{ documents: string[] }>(server, "BatchGetDocuments", (call) => {
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
  wrap<AggregationRequest>(server, "RunAggregationQuery", (call) => {
    const { parent, structured_aggregation_query: q } = call.request;
    const entries = state.v1Query(parent, q.structured_query).length;
    ops.reads += Math.max(1, Math.ceil(entries / 1000));
  });
  wrap<{ writes: { has_delete: boolean }[] }>(server, "Commit", (call) => {
    for (const write of call.request.writes)
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
