// Records the queries the in-process emulator answers: which collection, filtered or not, how many documents.
import type { FirestoreEmulator } from "@barometre/stack";

export interface AnsweredQuery {
  /** The collection's path below the database, e.g. "campaigns/2018/latest". */
  collection: string;
  /** A where clause was given (a delta, a lookup), not a whole-collection read or aggregate. */
  filtered: boolean;
  /** Documents matched: returned by a query, counted by an aggregation. */
  matched: number;
}

interface QueryState {
  v1Query(
    parent: string,
    query: { from: { collection_id: string }[]; has_where: boolean },
  ): unknown[];
}

/** Starts recording; every query and aggregation the emulator runs is appended to the returned list. */
export function recordQueries(emulator: FirestoreEmulator): AnsweredQuery[] {
  const log: AnsweredQuery[] = [];
  const state = emulator.server.state as unknown as QueryState;
  const run = state.v1Query.bind(state);
  state.v1Query = (parent, query) => {
    const results = run(parent, query);
    const below = parent.replace(/^projects\/[^/]+\/databases\/[^/]+\/documents\/?/, "");
    log.push({
      collection: [below, query.from[0]?.collection_id].filter(Boolean).join("/"),
      filtered: query.has_where,
      matched: results.length,
    });
    return results;
  };
  return log;
}
