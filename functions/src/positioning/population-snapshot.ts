// A campaign's compact population snapshot: the group key and indicator values of every latest revision, in a few
// shard documents, so a new instance reads a campaign's population in a handful of reads instead of one per member.
//
// Shard k of S (campaigns/{YEAR}/snapshot/shard-{k}, S fixed in the campaign when it is created) holds two fields:
// - `m`, the entries added since the last compaction: keys `s{CODE}_{revision number}`, values the JSON text of
//   [territory, value of each indicator in INDICATOR_KEYS order] (JSON keeps every double exactly). A revision's
//   indicators never change, so an entry is immutable: writers only ever add keys (set with merge, one field path
//   each), which concurrent writers to the same shard cannot undo, and a reader keeps each structure's highest
//   number, which is its latest revision. The entry is added in the same batch as the latest copy (revisions.ts),
//   so the two agree whenever the latest copy is current.
// - `b`, the compacted base (snapshot-base.ts): one entry per structure as binary columns, which a new instance
//   decodes almost for free, where tens of thousands of map fields cost it (and Firestore) a field and a JSON text
//   each. A compaction (the hourly upkeep, close/upkeep.ts) merges `m` into `b` and empties `m` in one write made
//   on the condition that the shard has not changed since it was read: a writer that came in between makes it
//   fail, and the next compaction merges that entry too. So no entry is ever lost, and no compaction runs on a
//   submission.
//
// An erasure rewrites both fields without the structure, on the same condition (read again and retried when a
// writer came in between): the erased values leave the base at once, not at the next compaction. A review changes
// no member (only the review of a revision), so it adds nothing new.
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
import { snapshotShardDoc } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";
import { type BaseColumns, type BaseEntry, decodeBase, encodeBase } from "./snapshot-base.ts";

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

/** A shard document: its compacted base and its map of entries added since. */
const AS_SHARD = asStored<{ b?: Uint8Array; m?: Record<string, StoredEntry> }>();

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

const WIDTH = INDICATOR_KEYS.length;

/** The entries added to a shard since its base, parsed; null when one lacks the current indicators. */
function addedEntries(m: Record<string, StoredEntry> | undefined): BaseEntry[] | null {
  const added: BaseEntry[] = [];
  for (const [key, text] of Object.entries(m ?? {})) {
    const [territory, ...values] = JSON.parse(text) as Entry;
    if (values.length !== WIDTH) return null;
    const number = Number(key.slice(key.lastIndexOf("_") + 1));
    added.push({ code: codeOfKey(key), number, territory, values });
  }
  return added;
}

/** A shard's entries, each structure's highest revision; null when one lacks the current indicators. */
function shardEntries(b: Uint8Array | undefined, m: Record<string, StoredEntry> | undefined) {
  const entries = new Map<string, BaseEntry>();
  if (b) {
    const base = decodeBase(b);
    if (base.width !== WIDTH) return null;
    base.codes.forEach((code, i) => {
      entries.set(code, {
        code,
        number: base.numbers[i] as number,
        territory: base.territoryOf(i),
        values: Array.from({ length: WIDTH }, (_, k) => base.valueOf(i, k)),
      });
    });
  }
  const added = addedEntries(m);
  if (!added) return null;
  for (const e of added) if ((entries.get(e.code)?.number ?? 0) < e.number) entries.set(e.code, e);
  return entries;
}

/** The row of one structure's values. */
function rowOfEntry({ code, number, territory, values }: BaseEntry): Row {
  const indicators = {} as Indicators;
  INDICATOR_KEYS.forEach((k: IndicatorKey, i) => {
    indicators[k] = valueOnly(values[i] as IndicatorResult["value"]);
  });
  return { member: { structureCode: code, territory, indicators }, number };
}

/**
 * A member's indicators as its base's columns hold them: each result is made when read (positioning reads each
 * once per index it builds) instead of kept, so a new instance holds two small objects per member, not seventeen.
 */
class BaseIndicators {
  constructor(
    readonly base: BaseColumns,
    readonly i: number,
  ) {}
}
INDICATOR_KEYS.forEach((key, k) => {
  Object.defineProperty(BaseIndicators.prototype, key, {
    get(this: BaseIndicators) {
      return valueOnly(this.base.valueOf(this.i, k));
    },
  });
});

/** Rows of a decoded base, straight from its columns (a plain loop: it runs for every member of a new instance). */
function rowsOfBase(base: BaseColumns, rows: Map<string, Row>): void {
  const { codes, numbers } = base;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as string;
    const indicators = new BaseIndicators(base, i) as unknown as Indicators;
    rows.set(code, {
      member: { structureCode: code, territory: base.territoryOf(i), indicators },
      number: numbers[i] as number,
    });
  }
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
    const { b, m } = (snap.data() ?? {}) as { b?: Uint8Array; m?: Record<string, StoredEntry> };
    if (b) {
      const base = decodeBase(b);
      if (base.width !== WIDTH) return null;
      rowsOfBase(base, rows);
    }
    const added = addedEntries(m);
    if (!added) return null;
    for (const e of added)
      if ((rows.get(e.code)?.number ?? 0) < e.number) rows.set(e.code, rowOfEntry(e));
  }
  return [...rows.values()];
}

/** gRPC's FAILED_PRECONDITION: the shard changed since it was read. */
const FAILED_PRECONDITION = 9;

const changedMeanwhile = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === FAILED_PRECONDITION;

/**
 * Rewrites shard `shard` as `rewrite` makes it from its entries, unless a writer came in since it was read; returns
 * null when the shard changed meanwhile, else whether anything was written. `rewrite` returns null to leave it.
 */
async function rewriteShard(
  db: Firestore,
  year: number,
  shard: number,
  rewrite: (entries: Map<string, BaseEntry>, pending: number) => BaseEntry[] | null,
): Promise<boolean | null> {
  const ref = snapshotShardDoc(db, year, shard).withConverter(AS_SHARD);
  const snap = await ref.get();
  const stored = snap.data();
  if (!stored || !snap.updateTime) return false;
  const entries = shardEntries(stored.b, stored.m);
  const kept = entries && rewrite(entries, Object.keys(stored.m ?? {}).length);
  if (!kept) return false;
  try {
    await ref.update({ b: encodeBase(kept, WIDTH), m: {} }, { lastUpdateTime: snap.updateTime });
    return true;
  } catch (error) {
    if (changedMeanwhile(error)) return null;
    throw error;
  }
}

/**
 * Merges every shard's added entries into its base; a shard a writer changed meanwhile waits for the next
 * compaction. Returns the number of shards compacted.
 */
export async function compactSnapshot(
  db: Firestore,
  year: number,
  shards: number,
): Promise<number> {
  const done = await Promise.all(
    Array.from({ length: shards }, (_, k) =>
      rewriteShard(db, year, k, (entries, pending) => (pending > 0 ? [...entries.values()] : null)),
    ),
  );
  return done.filter((d) => d === true).length;
}

/** Attempts of an erasure against writers of the same shard (about one a second at a deadline rush). */
const ERASE_ATTEMPTS = 10;

/** Removes every entry of an erased structure, from the base and the added entries; returns whether there was any. */
export async function removeFromSnapshot(
  db: Firestore,
  year: number,
  shards: number,
  code: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
    const done = await rewriteShard(db, year, shardOf(code, shards), (entries) =>
      entries.delete(code) ? [...entries.values()] : null,
    );
    if (done !== null) return done;
  }
  throw new Error(
    `L'instantané de population ${year} change sans cesse : l'effacement de ${code} est à relancer.`,
  );
}
