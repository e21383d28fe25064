// One operation at a time on a document: preparing and sending hold the document lock.
import { UserError } from "./user-error.ts";

/** Long enough to wait out a colleague's send, short enough to answer before the user gives up. */
const LOCK_WAIT_MS = 20_000;

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) {
    throw new UserError(
      "Une autre opération (préparation ou envoi) est en cours sur ce classeur : réessayez dans un instant.",
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
