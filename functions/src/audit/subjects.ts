// The random subject that stands for a structure in the audit log. The log names no structure: erasing one deletes
// its subject, so its past entries stay (append-only) but no longer lead to it, and the log keeps none of its data.
import { randomUUID } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import { isAlreadyExists } from "../storage/firestore-errors.ts";
import { auditSubjectDoc, auditSubjectsCol, structureDoc } from "../storage/paths.ts";

/**
 * The structure's subject, created on its first audited action; null for a code the directory does not hold (an
 * erased structure read again gets no new link to the log).
 */
export async function subjectOf(db: Firestore, code: string): Promise<string | null> {
  const ref = auditSubjectDoc(db, code);
  const [snap, entry] = await Promise.all([ref.get(), structureDoc(db, code).get()]);
  if (snap.exists) return snap.get("subject") as string;
  if (!entry.exists) return null;
  const subject = randomUUID();
  try {
    await ref.create({ code, subject });
    return subject;
  } catch (error) {
    // Another request created it first: use theirs.
    if (!isAlreadyExists(error)) throw error;
    return (await ref.get()).get("subject") as string;
  }
}

/** The subject of a structure that has one, without creating it. */
export async function existingSubject(db: Firestore, code: string): Promise<string | null> {
  return ((await auditSubjectDoc(db, code).get()).get("subject") as string | undefined) ?? null;
}

/** Every structure still linked to the log, by subject. */
export async function subjectCodes(db: Firestore): Promise<Map<string, string>> {
  const snap = await auditSubjectsCol(db).get();
  return new Map(snap.docs.map((d) => [d.get("subject") as string, d.get("code") as string]));
}
