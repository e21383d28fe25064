// The audit log as `barometre audit` shows it: entries since a Paris day, or about one structure, oldest first.
import type { Firestore } from "firebase-admin/firestore";
import { Timestamp } from "firebase-admin/firestore";
import { parisDay } from "../storage/campaigns.ts";
import { auditCol } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";
import type { AuditEntry } from "./record.ts";
import { existingSubject, subjectCodes } from "./subjects.ts";

export interface AuditFilter {
  /** The first Paris day shown, "YYYY-MM-DD". */
  since?: string;
  structureCode?: string;
}

/** An entry with the structure's code when the structure is still linked to the log (null once erased). */
export interface AuditLine extends AuditEntry {
  id: string;
  structureCode: string | null;
}

const DAY_MS = 86_400_000;

export async function readAudit(db: Firestore, filter: AuditFilter = {}): Promise<AuditLine[]> {
  let query = auditCol(db).orderBy("at");
  if (filter.structureCode) {
    const subject = await existingSubject(db, filter.structureCode);
    if (!subject) return [];
    query = auditCol(db).where("subject", "==", subject);
  } else if (filter.since)
    // A day early in UTC, so the Paris day's first hours are in; the exact Paris day is checked below.
    query = auditCol(db).where(
      "at",
      ">=",
      Timestamp.fromMillis(Date.parse(`${filter.since}T00:00:00Z`) - DAY_MS),
    );
  const [snap, codes] = await Promise.all([
    query.withConverter(asStored<AuditEntry>()).get(),
    subjectCodes(db),
  ]);
  return snap.docs
    .map((d) => {
      const entry = d.data();
      return {
        ...entry,
        id: d.id,
        structureCode: entry.subject ? (codes.get(entry.subject) ?? null) : null,
      };
    })
    .filter((e) => !filter.since || parisDay(e.at.toDate()) >= filter.since)
    .sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.id.localeCompare(b.id));
}
