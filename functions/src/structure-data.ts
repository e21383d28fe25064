// Everything stored about one structure, for data-protection requests: exported as JSON, or erased without a trace.
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { listCampaignYears } from "./campaigns.ts";
import { type Json, toJson } from "./firestore-json.ts";
import { answersCol, latestDoc, revisionsCol, structureDoc } from "./layout.ts";

/**
 * One kind of data kept about a structure. Every kind is both exported and erased, so a kind added here (the
 * mail outbox, the Union's consolidated rows) cannot be forgotten by one of the two.
 */
export interface StructureDataKind {
  /** Its key in the export. */
  name: string;
  /** What it is, in the French summary of an erasure. */
  label: string;
  /** The documents of that kind for the structure, across the given campaign years. */
  documents(db: Firestore, code: string, years: readonly number[]): Promise<DocumentReference[]>;
}

async function existing(db: Firestore, refs: DocumentReference[]): Promise<DocumentReference[]> {
  const snaps = refs.length ? await db.getAll(...refs) : [];
  return snaps.filter((s) => s.exists).map((s) => s.ref);
}

const perCampaign =
  (col: typeof revisionsCol) => async (db: Firestore, code: string, years: readonly number[]) => {
    const snaps = await Promise.all(years.map((y) => col(db, y, code).get()));
    return snaps.flatMap((s) => s.docs.map((d) => d.ref));
  };

/** In erase order: the directory entry first, so the structure's emails stop being accepted at once. */
export const STRUCTURE_DATA: StructureDataKind[] = [
  {
    name: "directory",
    label: "annuaire",
    documents: (db, code) => existing(db, [structureDoc(db, code)]),
  },
  { name: "revisions", label: "révisions", documents: perCampaign(revisionsCol) },
  { name: "idempotencyRecords", label: "réponses aux envois", documents: perCampaign(answersCol) },
  {
    name: "latest",
    label: "dernières révisions",
    documents: (db, code, years) =>
      existing(
        db,
        years.map((y) => latestDoc(db, y, code)),
      ),
  },
];

/** Visits each kind of data in order with its documents for the structure, across every campaign. */
async function eachKind(
  db: Firestore,
  code: string,
  kinds: readonly StructureDataKind[],
  visit: (kind: StructureDataKind, refs: DocumentReference[]) => Promise<void>,
): Promise<void> {
  const years = await listCampaignYears(db);
  for (const kind of kinds) await visit(kind, await kind.documents(db, code, years));
}

export async function exportStructure(
  db: Firestore,
  code: string,
  kinds: readonly StructureDataKind[] = STRUCTURE_DATA,
): Promise<Record<string, Json>> {
  const out: Record<string, Json> = { structureCode: code };
  await eachKind(db, code, kinds, async (kind, refs) => {
    const snaps = refs.length ? await db.getAll(...refs) : [];
    out[kind.name] = snaps
      .filter((s) => s.exists)
      .map((s) => ({ path: s.ref.path, data: toJson(s.data()) }));
  });
  return out;
}

/** Firestore's limit of writes per batch. */
const BATCH = 500;

/** Deletes every document of every kind; returns how many were deleted, by kind name. */
export async function eraseStructure(
  db: Firestore,
  code: string,
  kinds: readonly StructureDataKind[] = STRUCTURE_DATA,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await eachKind(db, code, kinds, async (kind, refs) => {
    for (let i = 0; i < refs.length; i += BATCH) {
      const batch = db.batch();
      for (const ref of refs.slice(i, i + BATCH)) batch.delete(ref);
      await batch.commit();
    }
    counts[kind.name] = refs.length;
  });
  return counts;
}
