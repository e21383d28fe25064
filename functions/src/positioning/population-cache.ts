// A campaign's population (latest revision of each structure) kept between requests, refreshed by what changed.
//
// Every accepted revision changes the population, so a cache invalidated on any change would never be used.
// Instead each read asks Firestore two cheap questions in parallel: the latest revisions submitted since the
// cache's high-water mark (minus a margin for slow writers), merged in; and count() and sum(number) over the
// whole latest collection. Every new revision raises the sum and an erasure lowers the count, so when the
// merged cache disagrees with either, something was missed and the population is read again in full, as it
// also is after a time-to-live.
import type { Member, PopulationIndex } from "@barometre/shared";
import { indexPopulation } from "@barometre/shared";
import {
  AggregateField,
  type Firestore,
  type QueryDocumentSnapshot,
  Timestamp,
} from "firebase-admin/firestore";
import { latestCol } from "../layout.ts";
import type { StoredRevision } from "../revisions.ts";

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

function rowOf(doc: QueryDocumentSnapshot): Row {
  const r = doc.data() as Pick<StoredRevision, (typeof FIELDS)[number]>;
  return {
    member: { structureCode: r.structureCode, territory: r.territory, indicators: r.indicators },
    number: r.number,
    submittedAt: r.submittedAt.toMillis(),
  };
}

export const memberOfRevision = (r: StoredRevision): Member => ({
  structureCode: r.structureCode,
  territory: r.territory,
  indicators: r.indicators,
});

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

export class PopulationCache {
  private readonly entries = new Map<number, Entry>();
  private readonly refreshing = new Map<number, Promise<Entry>>();
  private readonly options: PopulationCacheOptions;
  /** Full reads and delta merges so far, for tests and benchmarks. */
  readonly counts = { full: 0, delta: 0 };

  constructor(options: Partial<PopulationCacheOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The population of `year` as it stands now; concurrent callers share one refresh. */
  async get(db: Firestore, year: number, now: Date): Promise<CampaignPopulation> {
    let refresh = this.refreshing.get(year);
    if (!refresh) {
      refresh = this.refresh(db, year, now.getTime()).finally(() => this.refreshing.delete(year));
      this.refreshing.set(year, refresh);
    }
    return view(await refresh);
  }

  private async refresh(db: Firestore, year: number, now: number): Promise<Entry> {
    const entry = this.entries.get(year);
    if (entry && now - entry.loadedAt < this.options.ttlMs && (await this.merge(db, year, entry)))
      return entry;
    return this.load(db, year, now);
  }

  private async load(db: Firestore, year: number, now: number): Promise<Entry> {
    const snap = await latestCol(db, year)
      .select(...FIELDS)
      .get();
    const rows = new Map(snap.docs.map((d) => [d.id, rowOf(d)]));
    const mark = Math.max(0, ...[...rows.values()].map((r) => r.submittedAt));
    const entry: Entry = { rows, loadedAt: now, mark, indexes: new Map() };
    this.entries.set(year, entry);
    this.counts.full++;
    return entry;
  }

  /** Merges what changed since the mark; false when the totals show something else changed too. */
  private async merge(db: Firestore, year: number, entry: Entry): Promise<boolean> {
    const col = latestCol(db, year);
    const since = Timestamp.fromMillis(entry.mark - this.options.marginMs);
    const [totals, delta] = await Promise.all([
      col.aggregate({ count: AggregateField.count(), sum: AggregateField.sum("number") }).get(),
      col
        .where("submittedAt", ">=", since)
        .select(...FIELDS)
        .get(),
    ]);
    let changed = false;
    for (const doc of delta.docs) {
      const row = rowOf(doc);
      if (entry.rows.get(doc.id)?.number === row.number) continue;
      entry.rows.set(doc.id, row);
      entry.mark = Math.max(entry.mark, row.submittedAt);
      changed = true;
    }
    if (changed) entry.indexes.clear();
    let sum = 0;
    for (const row of entry.rows.values()) sum += row.number;
    const { count, sum: stored } = totals.data();
    this.counts.delta++;
    return entry.rows.size === count && sum === stored;
  }
}
