// The random subject that stands for a structure in the audit log. The log names no structure: erasing one deletes
// its subject, so its past entries stay (append-only) but no longer lead to it, and the log keeps none of its data.
import { randomUUID } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import { isAlreadyExists } from "../storage/firestore-errors.ts";
import { auditSubjectDoc, auditSubjectsCol, structureDoc } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";

/** auditSubjects/{CODE}: the link between a structure and its subject in the log. */
interface AuditSubject {
  code: string;
  subject: string;
}

const AS_SUBJECT = asStored<AuditSubject>();

/**
 * The structure's subject, created on its first audited action; null for a code the directory does not hold (an
 * erased structure read again gets no new link to the log).
 */
export async function subjectOf(db: Firestore, code: string): Promise<string | null> {
  const ref = auditSubjectDoc(db, code).withConverter(AS_SUBJECT);
  const [snap, entry] = await Promise.all([ref.get(), structureDoc(db, code).get()]);
  const linked = snap.data();
  if (linked) return linked.subject;
  if (!entry.exists) return null;
  const subject = randomUUID();
  try {
    await ref.create({ code, subject });
    return subject;
  } catch (error) {
    // Another request created it first: use theirs.
    if (!isAlreadyExists(error)) throw error;
    return (await ref.get()).data()?.subject ?? null;
  }
}

/** The subject of a structure that has one, without creating it. */
export async function existingSubject(db: Firestore, code: string): Promise<string | null> {
  const linked = (await auditSubjectDoc(db, code).withConverter(AS_SUBJECT).get()).data();
  return linked?.subject ?? null;
}

/** Every structure still linked to the log, by subject. */
export async function subjectCodes(db: Firestore): Promise<Map<string, string>> {
  const snap = await auditSubjectsCol(db).withConverter(AS_SUBJECT).get();
  return new Map(snap.docs.map((d) => [d.data().subject, d.data().code]));
}
