// One operation at a time on a document: preparing and sending hold the document lock.
import { UserError } from "./user-error.ts";

/** Long enough to wait out a colleague's send, short enough to answer before the user gives up. */
const LOCK_WAIT_MS = 20_000;

export const LOCK_BUSY =
  "Une autre opération (préparation ou envoi) est en cours sur ce classeur : réessayez dans un instant.";

/** getDocumentLock() is null outside a document's context (reference of LockService.getDocumentLock). */
export const LOCK_UNAVAILABLE =
  "Le module n'a pas accès au classeur ouvert : ouvrez-le depuis le menu Extensions › Baromètre des PIMMS du classeur, puis réessayez.";

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) throw new UserError(LOCK_UNAVAILABLE);
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(LOCK_BUSY);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** `work` under the lock, or null when the lock cannot be had (busy or unavailable): for what may wait. */
export function whenDocumentFree<T>(work: () => T): T | null {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock?.tryLock(LOCK_WAIT_MS)) return null;
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
