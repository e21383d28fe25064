// What a structure did before submitting, as the add-on reports it: the first and last time its workbook was prepared.
import { Refusal } from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { isAlreadyExists } from "./firestore-errors.ts";
import { progressCol, progressDoc } from "./paths.ts";
import { asStored } from "./stored.ts";

export interface Progress {
  structureCode: string;
  year: number;
  /** The first preparation: when the structure started, which a later one never moves. */
  preparedAt: Timestamp;
  preparedBy: string;
  lastPreparedAt: Timestamp;
  lastPreparedBy: string;
}

/** Progress records read as Progress. */
export const AS_PROGRESS = asStored<Progress>();

/**
 * Records a preparation: create() keeps the first one whoever races, later ones only move `lastPrepared…`.
 * Returns the record as it now stands.
 */
export async function recordPrepared(
  db: Firestore,
  target: { year: number; code: string },
  by: string,
  now: Date,
): Promise<Progress> {
  const at = Timestamp.fromDate(now);
  const ref = progressDoc(db, target.year, target.code).withConverter(AS_PROGRESS);
  const first: Progress = {
    structureCode: target.code,
    year: target.year,
    preparedAt: at,
    preparedBy: by,
    lastPreparedAt: at,
    lastPreparedBy: by,
  };
  try {
    await ref.create(first);
    return first;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  await ref.update({ lastPreparedAt: at, lastPreparedBy: by });
  const progress = (await ref.get()).data();
  if (!progress)
    throw new Refusal(
      "not-found",
      `La préparation de « ${target.code} » pour ${target.year} vient d'être effacée.`,
    );
  return progress;
}

export async function listProgress(db: Firestore, year: number): Promise<Progress[]> {
  const snap = await progressCol(db, year)
    .withConverter(AS_PROGRESS)
    .orderBy("structureCode")
    .get();
  return snap.docs.map((d) => d.data());
}
