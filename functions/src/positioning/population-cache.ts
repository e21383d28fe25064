// A campaign's population (latest revision of each structure) kept between requests, checked with one read.
//
// Every change of a campaign's latest copies raises its population version (revisions.ts), after the change.
// A cached population remembers the version read before it was loaded; a read of the version then tells:
// - the same version: nothing changed;
// - one more, and the caller's own revision is the change (a director's submission, the common case): the
//   revision is merged in, nothing else is read;
// - otherwise: the latest copies submitted since the cache's high-water mark (minus a margin for slow writers)
//   are merged in, and count() and sum(number) over the whole collection check the result (every new revision
//   raises the sum, an erasure lowers the count); when they disagree, the population is read again in full,
//   as it also is after a time-to-live.
import type { Member, PopulationIndex } from "@barometre/shared";
import { indexPopulation } from "@barometre/shared";
import {
  AggregateField,
  type Firestore,
  type QueryDocumentSnapshot,
  Timestamp,
} from "firebase-admin/firestore";
import { latestCol } from "../layout.ts";
import { populationVersion, type StoredRevision } from "../revisions.ts";

export interface PopulationCacheOptions {
  /** After this, the population is read again in full whatever the checks say. */
  ttlMs: number;
  /** How far back before the high-water mark the delta looks: the longest a submission takes to be written. */
  marginMs: number;
}

const DEFAULTS: PopulationCacheOptions = { ttlMs: 10 * 60_000, marginMs: 2 * 60_000 };

interface Row {
  member: Member;
  number: number;
  submittedAt: number;
}

interface Entry {
  rows: Map<string, Row>;
  version: number;
  loadedAt: number;
  /** The latest submittedAt seen. */
  mark: number;
  /** Indexes already built from these rows, by minimum group size. */
  indexes: Map<number, PopulationIndex>;
}

/** One campaign's population as cached. */
export interface CampaignPopulation {
  members: ReadonlyMap<string, Member>;
  /** The indexed population (built once per version of the rows and minimum group size). */
  index(minGroupSize: number): PopulationIndex;
}

/** Only what positioning needs from a latest revision (the payload stays in Firestore). */
const FIELDS = ["structureCode", "territory", "indicators", "number", "submittedAt"] as const;

type Latest = Pick<StoredRevision, (typeof FIELDS)[number]>;

const rowOf = (r: Latest): Row => ({
  member: { structureCode: r.structureCode, territory: r.territory, indicators: r.indicators },
  number: r.number,
  submittedAt: r.submittedAt.toMillis(),
});

const fromDoc = (doc: QueryDocumentSnapshot) => rowOf(doc.data() as Latest);

export const memberOfRevision = (r: StoredRevision): Member => rowOf(r).member;

function view(entry: Entry): CampaignPopulation {
  const members = new Map([...entry.rows].map(([code, row]) => [code, row.member]));
  return {
    members,
    index: (min) => {
      let index = entry.indexes.get(min);
      if (!index) {
        index = indexPopulation([...members.values()], min);
        entry.indexes.set(min, index);
      }
      return index;
    },
  };
}

/** Merges rows newer than what the entry holds; returns whether any was. */
function merge(entry: Entry, rows: readonly Row[]): boolean {
  let changed = false;
  for (const row of rows) {
    const code = row.member.structureCode;
    if ((entry.rows.get(code)?.number ?? 0) >= row.number) continue;
    entry.rows.set(code, row);
    entry.mark = Math.max(entry.mark, row.submittedAt);
    changed = true;
  }
  if (changed) entry.indexes.clear();
  return changed;
}

export class PopulationCache {
  private readonly entries = new Map<number, Entry>();
  private readonly options: PopulationCacheOptions;
  /** Full reads, version checks answered from the cache, and delta merges so far, for tests and benchmarks. */
  readonly counts = { full: 0, cached: 0, delta: 0 };

  constructor(options: Partial<PopulationCacheOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * The population of `year` as it stands now. `own` is a revision the caller has just made latest (and whose
   * version raise it has written): when it is the only change, nothing else is read.
   */
  async get(
    db: Firestore,
    year: number,
    now: Date,
    own: StoredRevision | null = null,
  ): Promise<CampaignPopulation> {
    const version = await populationVersion(db, year);
    const entry = this.entries.get(year);
    if (!entry || now.getTime() - entry.loadedAt >= this.options.ttlMs)
      return view(await this.load(db, year, version, now.getTime()));
    if (version === entry.version) this.counts.cached++;
    else if (own?.year === year && version === entry.version + 1) {
      merge(entry, [rowOf(own)]);
      entry.version = version;
      this.counts.cached++;
    } else if (await this.catchUp(db, year, entry)) entry.version = version;
    else return view(await this.load(db, year, version, now.getTime()));
    return view(entry);
  }

  private async load(db: Firestore, year: number, version: number, now: number): Promise<Entry> {
    const snap = await latestCol(db, year)
      .select(...FIELDS)
      .get();
    const rows = new Map(snap.docs.map((d) => [d.id, fromDoc(d)]));
    const mark = Math.max(0, ...[...rows.values()].map((r) => r.submittedAt));
    const entry: Entry = { rows, version, loadedAt: now, mark, indexes: new Map() };
    this.entries.set(year, entry);
    this.counts.full++;
    return entry;
  }

  /** Merges what changed since the mark; false when the totals show something else changed too. */
  private async catchUp(db: Firestore, year: number, entry: Entry): Promise<boolean> {
    const col = latestCol(db, year);
    const since = Timestamp.fromMillis(entry.mark - this.options.marginMs);
    const [totals, delta] = await Promise.all([
      col.aggregate({ count: AggregateField.count(), sum: AggregateField.sum("number") }).get(),
      col
        .where("submittedAt", ">=", since)
        .select(...FIELDS)
        .get(),
    ]);
    merge(entry, delta.docs.map(fromDoc));
    this.counts.delta++;
    let sum = 0;
    for (const row of entry.rows.values()) sum += row.number;
    const { count, sum: stored } = totals.data();
    return entry.rows.size === count && sum === stored;
  }
}
