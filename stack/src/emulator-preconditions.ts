// Makes the emulator honour a write's update-time precondition (it ignores it), as Firestore does: a commit whose
// write names a document's update time fails FAILED_PRECONDITION when the document has changed since. Each write
// of a document gets an update time after the previous one (the emulator keeps milliseconds, and two commits in the
// same millisecond would otherwise share it), so a precondition can tell any two versions of a document apart.
import { FirestoreState } from "@firestore-emulator/server";
import { type GrpcServer, refuse, wrapHandler } from "./emulator-handlers.ts";

interface Timestamp {
  seconds: number;
  nanos: number;
}

interface Write {
  has_update: boolean;
  update: { name: string };
  has_delete: boolean;
  delete: string;
  has_current_document: boolean;
  current_document: { has_update_time: boolean; update_time: Timestamp };
}

interface StoredDocument {
  metadata: { hasExist: boolean; updatedAt: Date | null };
}

export interface State {
  getDocument(path: string): StoredDocument;
  writeV1Document(date: Date, write: Write): unknown;
}

/** gRPC's FAILED_PRECONDITION. */
const FAILED_PRECONDITION = 9;

const nameOf = (write: Write): string | null =>
  write.has_update ? write.update.name : write.has_delete ? write.delete : null;

/** The document's update time in milliseconds, or null when it does not exist. */
export function updatedAt(state: State, name: string): number | null {
  const { metadata } = state.getDocument(name);
  return metadata.hasExist && metadata.updatedAt ? metadata.updatedAt.getTime() : null;
}

/** The first write whose update-time precondition the current state fails, if any. */
function failing(state: State, writes: readonly Write[]): string | null {
  for (const write of writes) {
    const name = nameOf(write);
    if (!name || !write.has_current_document || !write.current_document.has_update_time) continue;
    const { seconds, nanos } = write.current_document.update_time;
    if (updatedAt(state, name) !== seconds * 1000 + Math.floor(nanos / 1e6)) return name;
  }
  return null;
}

let patched = false;

/** Installs the checks on a bound emulator's Commit handler (and, once per process, its writes' update times). */
export function honourPreconditions(server: GrpcServer, state: State): void {
  if (!patched) {
    patched = true;
    const proto = FirestoreState.prototype as unknown as State;
    const write = proto.writeV1Document;
    proto.writeV1Document = function (this: State, date: Date, w: Write) {
      const name = nameOf(w);
      const previous = name ? updatedAt(this, name) : null;
      const at = previous !== null && date.getTime() <= previous ? new Date(previous + 1) : date;
      return write.call(this, at, w);
    };
  }
  wrapHandler<{ request: { writes: Write[] } }>(server, "Commit", (inner) => (call, callback) => {
    const name = failing(state, call.request.writes);
    if (!name) return inner(call, callback);
    return refuse(
      callback,
      FAILED_PRECONDITION,
      `the stored version does not match the required base version: ${name}`,
    );
  });
}
