// A campaign's compact population snapshot: the group key and indicator values of every latest revision, in a few
// shard documents, so a new instance reads a campaign's population in a handful of reads instead of one per member.
//
// Shard k of S (campaigns/{YEAR}/snapshot/shard-{k}, S fixed in the campaign when it is created) holds one map field,
// `m`, whose keys are `s{CODE}_{revision number}` and whose values are the JSON text of [territory, value of each
// indicator in INDICATOR_KEYS order] (one string rather than an array: a new instance decodes a few thousand strings
// instead of a hundred thousand Firestore values; JSON keeps every double exactly). A revision's indicators never change, so an entry is immutable: writers only ever add
// keys (set with merge, one field path each), which concurrent writers to the same shard cannot undo, and a reader
// keeps each structure's highest number, which is its latest revision. The entry is added in the same batch as the
// latest copy (revisions.ts), so the two agree whenever the latest copy is current.
//
// An erasure must remove keys, which the emulator cannot do (it ignores FieldValue.delete): it replaces the shard's
// whole map without the structure, then adds back the entry of every latest copy of that shard, which restores
// whatever a concurrent writer added between the read and the replacement (its latest copy was written in the
// same batch as its entry). A review changes no member (only the review of a revision), so it adds nothing new.
import {
  INDICATOR_KEYS,
  type IndicatorKey,
  type IndicatorResult,
  type Indicators,
  type Member,
} from "@barometre/shared";
import {
  type DocumentReference,
  FieldValue,
  type Firestore,
  type Timestamp,
  type WriteBatch,
} from "firebase-admin/firestore";
import { latestCol, snapshotShardDoc } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";

/** One member as the positioning uses it (only the values of others count), with its revision number. */
export interface Row {
  member: Member;
  number: number;
  /**
   * When the revision was submitted (milliseconds), where known (not in a snapshot entry): after an erasure a
   * structure's revisions are numbered from 1 again, so a number alone does not tell two revisions apart.
   */
  at?: number;
}

/**
 * What positioning reads of a latest revision: fields of StoredRevision, written out here because
 * storage/revisions.ts imports this module (it passes its revisions to addEntry, which checks they fit).
 */
export interface Latest {
  structureCode: string;
  territory: string | null;
  indicators: Indicators;
  number: number;
  submittedAt: Timestamp;
}

/** Structures per shard when a campaign opens: about a write a second each at a deadline rush, 200 Kio each. */
const MEMBERS_PER_SHARD = 1_000;

/** Shards for a campaign of about `structures` members (at least two, so one shard never takes every write). */
export const shardCount = (structures: number): number =>
  Math.max(2, Math.ceil(structures / MEMBERS_PER_SHARD));

/** FNV-1a of the code: where a structure's entries live, stable for the campaign's life. */
export function shardOf(code: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}

const shardRefs = (db: Firestore, year: number, shards: number): DocumentReference[] =>
  Array.from({ length: shards }, (_, k) => snapshotShardDoc(db, year, k));

type Entry = [string | null, ...(number | boolean | null)[]];

/** An entry as stored: the JSON text of the Entry. */
type StoredEntry = string;

/** A latest copy as an entry is made of it. */
const AS_ENTRY_SOURCE = asStored<Latest & { year: number }>();

/** A shard document: its map of entries. */
const AS_SHARD = asStored<{ m: Record<string, StoredEntry> }>();

/**
 * `s{CODE}_{number}` with the code's hyphens as underscores (codes are [A-Z0-9-]): a field name that needs no
 * quoting in a field path, which the emulator's merge does not understand.
 */
const entryKey = (code: string, number: number) => `s${code.replaceAll("-", "_")}_${number}`;

const codeOfKey = (key: string) => key.slice(1, key.lastIndexOf("_")).replaceAll("_", "-");

/** Only the value of an indicator: its band and reason are the member's own business. */
const valueOnly = (value: IndicatorResult["value"]): IndicatorResult => ({
  value,
  status: null,
  reason: null,
});

/** The row positioning keeps of a latest revision, whichever way it was read. */
export function rowOf(r: Latest): Row {
  const indicators = {} as Indicators;
  for (const key of INDICATOR_KEYS) indicators[key] = valueOnly(r.indicators[key].value);
  return {
    member: { structureCode: r.structureCode, territory: r.territory, indicators },
    number: r.number,
    at: r.submittedAt.toMillis(),
  };
}

/**
 * Adds the revision's entry to the batch that writes its latest copy. The structure's earlier entries are deleted
 * on the way, only to keep the shard small (a reader ignores them anyway): Firestore removes them, the emulator
 * ignores field deletes, so nothing here depends on it.
 */
export function addEntry(
  batch: WriteBatch,
  db: Firestore,
  shards: number,
  r: Latest & { year: number },
): void {
  const entry: Entry = [r.territory, ...INDICATOR_KEYS.map((key) => r.indicators[key].value)];
  const m: Record<string, StoredEntry | FieldValue> = {};
  for (let n = 1; n < r.number; n++) m[entryKey(r.structureCode, n)] = FieldValue.delete();
  m[entryKey(r.structureCode, r.number)] = JSON.stringify(entry);
  batch.set(snapshotShardDoc(db, r.year, shardOf(r.structureCode, shards)), { m }, { merge: true });
}

function rowOfEntry(key: string, entry: Entry): Row {
  const indicators = {} as Indicators;
  INDICATOR_KEYS.forEach((k: IndicatorKey, i) => {
    indicators[k] = valueOnly(entry[i + 1] as IndicatorResult["value"]);
  });
  return {
    member: { structureCode: codeOfKey(key), territory: entry[0], indicators },
    number: Number(key.slice(key.lastIndexOf("_") + 1)),
  };
}

/**
 * Each structure's latest row as the snapshot holds it; null when an entry does not have the current indicators
 * (a snapshot written before an indicator was added): the caller then reads the latest copies.
 */
export async function readSnapshot(
  db: Firestore,
  year: number,
  shards: number,
): Promise<Row[] | null> {
  const rows = new Map<string, Row>();
  for (const snap of await db.getAll(...shardRefs(db, year, shards))) {
    const entries = (snap.get("m") ?? {}) as Record<string, StoredEntry>;
    for (const [key, text] of Object.entries(entries)) {
      const entry = JSON.parse(text) as Entry;
      if (entry.length !== INDICATOR_KEYS.length + 1) return null;
      const row = rowOfEntry(key, entry);
      const code = row.member.structureCode;
      if ((rows.get(code)?.number ?? 0) < row.number) rows.set(code, row);
    }
  }
  return [...rows.values()];
}

/** Firestore's limit of writes per batch. */
const BATCH = 500;

/**
 * Removes every entry of an erased structure, whose latest copy is already deleted (see the module comment);
 * returns whether there was any.
 */
export async function removeFromSnapshot(
  db: Firestore,
  year: number,
  shards: number,
  code: string,
): Promise<boolean> {
  const shard = shardOf(code, shards);
  const ref = snapshotShardDoc(db, year, shard).withConverter(AS_SHARD);
  const entries = (await ref.get()).data()?.m ?? {};
  const kept = Object.entries(entries).filter(([key]) => codeOfKey(key) !== code);
  if (kept.length === Object.keys(entries).length) return false;
  await ref.update({ m: Object.fromEntries(kept) });
  // Typed here rather than through storage/revisions.ts (AS_REVISION), which imports this module.
  const latest = (await latestCol(db, year).withConverter(AS_ENTRY_SOURCE).get()).docs
    .map((d) => d.data())
    .filter((r) => shardOf(r.structureCode, shards) === shard);
  for (let i = 0; i < latest.length; i += BATCH) {
    const batch = db.batch();
    for (const r of latest.slice(i, i + BATCH)) addEntry(batch, db, shards, r);
    await batch.commit();
  }
  return true;
}
