// The first answer given for each idempotency key, so a repeated request gets exactly that answer back.
import { createHash } from "node:crypto";
import type { SubmitAnswer } from "@barometre/shared";
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { isAlreadyExists } from "./firestore-errors.ts";
import { answersCol } from "./paths.ts";
import { asStored } from "./stored.ts";

/** Keys are caller-chosen text; their hash makes a safe, fixed-length document id. */
const keyId = (key: string) => createHash("sha256").update(key).digest("hex");

/** The first answer for a key, with the hash of the content it was given for (receivedContentHash). */
export interface StoredAnswer {
  contentHash: string;
  answer: SubmitAnswer;
}

const AS_ANSWER = asStored<StoredAnswer>();

/** The answer recorded for an idempotency key, read as StoredAnswer. */
const storedAnswer = (
  db: Firestore,
  t: { year: number; code: string; key: string },
): DocumentReference<StoredAnswer> =>
  answersCol(db, t.year, t.code).doc(keyId(t.key)).withConverter(AS_ANSWER);

export async function findAnswer(
  db: Firestore,
  year: number,
  code: string,
  key: string,
): Promise<StoredAnswer | null> {
  return (await storedAnswer(db, { year, code, key }).get()).data() ?? null;
}

/** Stores the answer unless one is already stored for the key, and returns the stored one: the first wins. */
export async function recordAnswer(
  db: Firestore,
  target: { year: number; code: string; key: string; contentHash: string },
  answer: SubmitAnswer,
): Promise<SubmitAnswer> {
  const ref = answersCol(db, target.year, target.code).doc(keyId(target.key));
  try {
    await ref.create({ idempotencyKey: target.key, contentHash: target.contentHash, answer });
    return answer;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    return (await ref.get()).get("answer") as SubmitAnswer;
  }
}
