// Everything stored about one structure, for data-protection requests: exported as JSON, or erased without a trace.
import { type DocumentReference, FieldValue, type Firestore } from "firebase-admin/firestore";
import { auditTrail } from "../audit/structure-trail.ts";
import { finalBatches } from "../close/final-benchmark.ts";
import { unionMailsNaming } from "../mail/union-mails.ts";
import { removeFromSnapshot } from "../positioning/population-snapshot.ts";
import { statusRows } from "../status/board.ts";
import { statusTable } from "../status/table.ts";
import { getCampaign, listCampaignYears } from "../storage/campaigns.ts";
import { getStructure } from "../storage/directory.ts";
import { type Json, toJson } from "../storage/firestore-json.ts";
import {
  answersCol,
  finalBenchmarkDoc,
  followupDoc,
  latestDoc,
  mailClaimsCol,
  mailCol,
  peersDoc,
  progressDoc,
  reviewsCol,
  revisionsCol,
  structureDoc,
  unionSheetDoc,
} from "../storage/paths.ts";
import { AS_PROGRESS } from "../storage/progress.ts";
import { AS_REVISION, bumpPopulation, storedLatestCopy } from "../storage/revisions.ts";
import { structureRow } from "../union-sheet/tables.ts";
import type { StructureDataKind } from "./data-kind.ts";

type Documents = (
  db: Firestore,
  code: string,
  years: readonly number[],
) => Promise<DocumentReference[]>;

/** Firestore's limit of writes per batch. */
const BATCH = 500;

/** A kind made of whole documents: exported as they are, erased by deleting them. */
function documentKind(name: string, label: string, documents: Documents): StructureDataKind {
  return {
    name,
    label,
    export: async (db, code, years) => {
      const refs = await documents(db, code, years);
      const snaps = refs.length ? await db.getAll(...refs) : [];
      return snaps
        .filter((s) => s.exists)
        .map((s) => ({ path: s.ref.path, data: toJson(s.data()) }));
    },
    erase: async (db, code, years) => {
      const refs = await documents(db, code, years);
      for (let i = 0; i < refs.length; i += BATCH) {
        const batch = db.batch();
        for (const ref of refs.slice(i, i + BATCH)) batch.delete(ref);
        await batch.commit();
      }
      return refs.length;
    },
  };
}

async function existing(db: Firestore, refs: DocumentReference[]): Promise<DocumentReference[]> {
  const snaps = refs.length ? await db.getAll(...refs) : [];
  return snaps.filter((s) => s.exists).map((s) => s.ref);
}

const perCampaign =
  (col: typeof revisionsCol): Documents =>
  async (db, code, years) => {
    const snaps = await Promise.all(years.map((y) => col(db, y, code).get()));
    return snaps.flatMap((s) => s.docs.map((d) => d.ref));
  };

const latestOf: Documents = (db, code, years) =>
  existing(
    db,
    years.map((y) => latestDoc(db, y, code)),
  );

const followupsOf: Documents = (db, code, years) =>
  existing(
    db,
    years.map((y) => followupDoc(db, y, code)),
  );

const peersOf: Documents = (db, code, years) =>
  existing(
    db,
    years.map((y) => peersDoc(db, y, code)),
  );

const progressOf: Documents = (db, code, years) =>
  existing(
    db,
    years.map((y) => progressDoc(db, y, code)),
  );

/** Its line on the Suivi tab of each campaign's sheet, which lists every registered structure. */
async function statusLines(db: Firestore, code: string, years: readonly number[]): Promise<Json[]> {
  const [entry, sheets] = await Promise.all([
    getStructure(db, code),
    existing(
      db,
      years.map((y) => unionSheetDoc(db, y)),
    ),
  ]);
  const lines = await Promise.all(
    sheets.map(async (sheet) => {
      const year = Number(sheet.id);
      const [latest, progress] = await Promise.all([
        storedLatestCopy(db, year, code).get(),
        progressDoc(db, year, code).withConverter(AS_PROGRESS).get(),
      ]);
      const [revision, prepared] = [latest.data(), progress.data()];
      const rows = statusRows(
        entry ? [entry] : [],
        revision ? [revision] : [],
        prepared ? [prepared] : [],
      );
      return statusTable(rows).rows.map((row) => ({ sheet: `Suivi ${year}`, row: row as Json }));
    }),
  );
  return lines.flat();
}

/** The mails about the structure (notices, reports) and the claims of their delivery attempts. */
const mails: Documents = async (db, code) => {
  const [sent, claims] = await Promise.all([
    mailCol(db).where("structureCode", "==", code).get(),
    mailClaimsCol(db).where("structureCode", "==", code).get(),
  ]);
  return [...sent.docs, ...claims.docs].map((d) => d.ref);
};

/**
 * Its rows in each campaign's consolidated sheet: the sheet is rebuilt from the directory, the latest revisions and
 * the progress records, so erasing the structure marks every campaign's sheet for a rewrite (the Suivi tab lists
 * every registered structure), which drops its rows at the next sync, within the hour.
 */
const sheetRows: StructureDataKind = {
  name: "unionSheetRows",
  label: "lignes du tableau consolidé de l'Union",
  export: async (db, code, years) => {
    const [entry, latest] = await Promise.all([getStructure(db, code), latestOf(db, code, years)]);
    // getAll is untyped: each latest copy is read through its typed reference.
    const snaps = await Promise.all(latest.map((ref) => ref.withConverter(AS_REVISION).get()));
    const structures = snaps.flatMap((s) => {
      const r = s.data();
      return r
        ? [{ sheet: `Structures ${r.year}`, row: structureRow(r, entry?.name) as Json }]
        : [];
    });
    return [...structures, ...(await statusLines(db, code, years))];
  },
  erase: async (db, _code, years) => {
    const sheets = await existing(
      db,
      years.map((y) => unionSheetDoc(db, y)),
    );
    await Promise.all(sheets.map((ref) => ref.update({ dirty: true })));
    return sheets.length;
  },
};

async function finalBatchesWith(db: Firestore, code: string, years: readonly number[]) {
  const snaps = await Promise.all(
    years.map((y) => finalBatches(db, y).where("codes", "array-contains", code).get()),
  );
  return snaps.flatMap((s) => s.docs);
}

/** Its entry in each closed campaign's final benchmark (the statistics, aggregates, stay as computed). */
const finalEntries: StructureDataKind = {
  name: "finalBenchmark",
  label: "positionnements finaux",
  export: async (db, code, years) =>
    (await finalBatchesWith(db, code, years)).flatMap((d) => {
      const members = JSON.parse(d.data().members) as { code: string }[];
      return members
        .filter((m) => m.code === code)
        .map((m) => ({ path: d.ref.path, data: m as Json }));
    }),
  erase: async (db, code, years) => {
    const docs = await finalBatchesWith(db, code, years);
    for (const d of docs) {
      const batch = d.data();
      const members = (JSON.parse(batch.members) as { code: string }[]).filter(
        (m) => m.code !== code,
      );
      await d.ref.update({
        codes: batch.codes.filter((c) => c !== code),
        members: JSON.stringify(members),
      });
      await finalBenchmarkDoc(db, Number(d.ref.parent.parent?.id)).update({
        memberCount: FieldValue.increment(-1),
      });
    }
    return docs.length;
  },
};

const latestCopies = documentKind("latest", "dernières révisions", latestOf);

/**
 * The latest copies, whose erasure changes their campaigns' populations: their entries leave the population
 * snapshots once the copies are gone, then the versions are raised.
 */
const latest: StructureDataKind = {
  ...latestCopies,
  erase: async (db, code, years) => {
    const campaigns = (await latestOf(db, code, years)).map((ref) => Number(ref.parent.parent?.id));
    const erased = await latestCopies.erase(db, code, years);
    await Promise.all(
      years.map(async (year) => {
        const shards = (await getCampaign(db, year))?.populationShards;
        if (shards) await removeFromSnapshot(db, year, shards, code);
      }),
    );
    await Promise.all(campaigns.map((year) => bumpPopulation(db, year)));
    return erased;
  },
};

/** In erase order: the directory entry first, so the structure's emails stop being accepted at once. */
export const STRUCTURE_DATA: StructureDataKind[] = [
  documentKind("directory", "annuaire", (db, code) => existing(db, [structureDoc(db, code)])),
  documentKind("revisions", "révisions", perCampaign(revisionsCol)),
  documentKind("reviews", "examens de l'Union", perCampaign(reviewsCol)),
  documentKind("idempotencyRecords", "réponses aux envois", perCampaign(answersCol)),
  documentKind("progress", "suivi de la préparation", progressOf),
  documentKind("followups", "suivis d'accompagnement de l'Union", followupsOf),
  documentKind("peers", "groupes de pairs choisis", peersOf),
  sheetRows,
  latest,
  documentKind("mails", "courriels et tentatives d'envoi", mails),
  unionMailsNaming,
  finalEntries,
  auditTrail,
];

export async function exportStructure(
  db: Firestore,
  code: string,
  kinds: readonly StructureDataKind[] = STRUCTURE_DATA,
): Promise<Record<string, Json>> {
  const years = await listCampaignYears(db);
  const out: Record<string, Json> = { structureCode: code };
  for (const kind of kinds) out[kind.name] = await kind.export(db, code, years);
  return out;
}

/** Erases every kind in order; returns how many items were removed, by kind name. */
export async function eraseStructure(
  db: Firestore,
  code: string,
  kinds: readonly StructureDataKind[] = STRUCTURE_DATA,
): Promise<Record<string, number>> {
  const years = await listCampaignYears(db);
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind.name] = await kind.erase(db, code, years);
  return counts;
}
