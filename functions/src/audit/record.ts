// recordAudit: appends one entry to the audit log. The log is append-only: entries are created, never updated or
// deleted (no code here or elsewhere writes to audit/ otherwise; firestore.rules deny every client).
import { Refusal } from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { auditCol } from "../storage/paths.ts";
import type { AuditAction, AuditChannel } from "./actions.ts";
import { subjectOf } from "./subjects.ts";

export interface AuditEvent {
  /** The admin's address, or who ran the command ("ligne de commande (login)"), or the upkeep. */
  actor: string;
  via: AuditChannel;
  action: AuditAction;
  /** The structure acted on or read, if any; stored as its subject, never as its code. */
  structureCode?: string | null;
  year?: number | null;
  /** A short French detail that holds no data of a return (a count, a setting's name, a review state). */
  detail?: string | null;
}

export type AuditOutcome = "ok" | "failed";

/** A stored entry. */
export interface AuditEntry {
  at: Timestamp;
  actor: string;
  via: AuditChannel;
  action: AuditAction;
  subject: string | null;
  year: number | null;
  outcome: AuditOutcome;
  detail: string | null;
}

export async function recordAudit(
  db: Firestore,
  event: AuditEvent,
  now: Date,
  outcome: AuditOutcome = "ok",
): Promise<void> {
  const entry: AuditEntry = {
    at: Timestamp.fromDate(now),
    actor: event.actor,
    via: event.via,
    action: event.action,
    subject: event.structureCode ? await subjectOf(db, event.structureCode) : null,
    year: event.year ?? null,
    outcome,
    detail: event.detail ?? null,
  };
  await auditCol(db).doc().create(entry);
}

/**
 * Why an action failed, for the log: the French message meant for the user, nothing internal, and the structure's
 * code taken out (the log names structures only through their subject).
 */
function failure(error: unknown, code: string | null | undefined): string {
  if (!(error instanceof Refusal || (error instanceof Error && error.name === "UserError")))
    return "erreur inattendue";
  const message = code ? error.message.replaceAll(code, "la structure") : error.message;
  return message.slice(0, 500);
}

/**
 * Runs an action and records it, done or failed. The entry is written before the result is returned, so a read
 * whose entry could not be written is not answered.
 */
export async function audited<T>(
  db: Firestore,
  event: AuditEvent,
  now: Date,
  run: () => Promise<T>,
  /** The detail, when it depends on what the action did (how many documents a purge deleted). */
  detailOf?: (result: T) => string | null,
): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    const detail = failure(error, event.structureCode);
    // The action's own error matters more than a failure to record it.
    await recordAudit(db, { ...event, detail }, now, "failed").catch(() => {});
    throw error;
  }
  await recordAudit(db, detailOf ? { ...event, detail: detailOf(result) } : event, now);
  return result;
}
