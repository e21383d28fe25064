// A campaign's population (latest revision of each structure) kept between requests, checked with one read.
//
// Every change of a campaign's latest copies raises its population version (revisions.ts), after the change.
// A cached population remembers the version read before it was loaded; a read of the version then tells:
// - the same version: nothing changed;
// - one more, and the caller's own revision is the change (a director's submission, the common case): the
//   revision is merged in, nothing else is read;
// - otherwise, for an open campaign: the latest copies submitted since the previous check (minus a margin for
//   slow writers) are merged in; for a campaign that was not open when loaded (closed: no submission can change
//   it, only a review or an erasure), nothing is fetched. Then count() and sum(number) over the whole collection
//   check the result (every new revision raises the sum, an erasure lowers the count); when they disagree, the
//   population is read again in full, as it also is after a time-to-live.
// The delta starts from the time of the previous check, not from the newest submission seen: latest copies that
// share one submittedAt (a bulk import) are fetched while they are recent, not on every check forever after.
// A first load (a new instance, or after the time-to-live) reads the campaign's population snapshot, a few shard
// documents (population-snapshot.ts); a campaign without one, and a reload after the totals disagreed, read the
// latest copies themselves.
// Only the fields listed below are used: the emulator ignores select() and returns whole documents, which costs
// time but changes nothing (see the emulator-conformance test).
import type { Member, PopulationIndex } from "@barometre/shared";
import { indexPopulation, sizeOf } from "@barometre/shared";
import {
  AggregateField,
  type Firestore,
  type QueryDocumentSnapshot,
  Timestamp,
} from "firebase-admin/firestore";
import type { Campaign } from "../storage/campaigns.ts";
import { campaignDoc, latestCol } from "../storage/paths.ts";
import { populationVersion, type StoredRevision } from "../storage/revisions.ts";
import { asStored } from "../storage/stored.ts";
import { type PastRecord, pastRecordOf } from "./past-record.ts";
import { type Latest, type Row, readSnapshot, rowOf } from "./population-snapshot.ts";

export interface PopulationCacheOptions {
  /** After this, the population is read again in full whatever the checks say. */
  ttlMs: number;
  /** How far back before the previous check the delta looks: the longest a submission takes to be written. */
  marginMs: number;
}

const DEFAULTS: PopulationCacheOptions = { ttlMs: 10 * 60_000, marginMs: 2 * 60_000 };

interface Entry {
  rows: Map<string, Row>;
  version: number;
  loadedAt: number;
  /** When the rows were last known complete: every copy submitted before this, less the margin, is in them. */
  checkedAt: number;
  /** Whether the campaign was open when loaded: only then can submissions change it. */
  open: boolean;
  /** Indexes already built from these rows, by minimum group size. */
  indexes: Map<number, PopulationIndex>;
  /** The members of these rows, built once per version of the rows: views handed out earlier keep theirs. */
  members: Map<string, Member> | null;
  /** What the campaign's document recorded of its past campaigns when loaded (past-record.ts). */
  past: PastRecord | null;
}

/** One campaign's population as cached. */
export interface CampaignPopulation {
  members: ReadonlyMap<string, Member>;
  /** The indexed population (built once per version of the rows and minimum group size). */
  index(minGroupSize: number): PopulationIndex;
  /** The campaign's record of its past campaigns, read with it (null: a campaign opened before the record). */
  past: PastRecord | null;
}

/** Only what positioning needs from a latest revision (the payload stays in Firestore). */
const FIELDS = [
  "structureCode",
  "territory",
  "indicators",
  "number",
  "submittedAt",
] as const satisfies readonly (keyof Latest)[];

/** What positioning reads of a campaign document. */
const AS_CAMPAIGN = asStored<Pick<Campaign, "state" | "populationShards">>();

/** The selected fields of a latest copy, read as Latest. */
const AS_LATEST = asStored<Latest>();

const fromDoc = (doc: QueryDocumentSnapshot<Latest>) => rowOf(doc.data());

/** The member a revision is positioned as at the close: its own bands and reasons, and its size for the size groups. */
export const memberOfRevision = (r: StoredRevision): Member => ({
  structureCode: r.structureCode,
  territory: r.territory,
  indicators: r.indicators,
  size: sizeOf(r.payload),
});

function view(entry: Entry): CampaignPopulation {
  entry.members ??= new Map([...entry.rows].map(([code, row]) => [code, row.member]));
  const members = entry.members;
  return {
    members,
    past: entry.past,
    index: (min) => {
      // A view kept across a merge indexes its own members, and does not touch the entry's indexes.
      if (entry.members !== members) return indexPopulation([...members.values()], min);
      let index = entry.indexes.get(min);
      if (!index) {
        index = indexPopulation([...members.values()], min);
        entry.indexes.set(min, index);
      }
      return index;
    },
  };
}

/**
 * Whether `row` replaces the cached `held`: a higher revision number, or the same number submitted at another time
 * (the structure was erased and has sent its return again: its revisions were numbered from 1 again).
 */
const supersedes = (row: Row, held: Row | undefined): boolean =>
  !held ||
  row.number > held.number ||
  (row.number === held.number && row.at !== undefined && row.at !== held.at);

/** Merges rows newer than what the entry holds; returns whether any was. */
function merge(entry: Entry, rows: readonly Row[]): boolean {
  let changed = false;
  for (const row of rows) {
    const code = row.member.structureCode;
    if (!supersedes(row, entry.rows.get(code))) continue;
    entry.rows.set(code, row);
    changed = true;
  }
  if (changed) {
    entry.indexes.clear();
    entry.members = null;
  }
  return changed;
}

export class PopulationCache {
  private readonly entries = new Map<number, Entry>();
  /** The check running for each campaign, if any. */
  private readonly checking = new Map<number, Promise<CampaignPopulation>>();
  private readonly options: PopulationCacheOptions;
  /**
   * Loads from the snapshot, full reads of the latest copies, version checks answered from the cache, and delta
   * merges so far, for tests and benchmarks.
   */
  readonly counts = { snapshot: 0, full: 0, cached: 0, delta: 0 };

  constructor(options: Partial<PopulationCacheOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * The population of `year` as it stands now. `own` is a revision the caller has just made latest (and whose
   * version raise it has written): when it is the only change, nothing else is read.
   *
   * One check at a time per campaign: requests arriving during a check wait for it and then mostly find the
   * population current, instead of each reading it again (at a deadline rush, or when the cache expires, every
   * concurrent request would otherwise load the whole campaign).
   */
  async get(
    db: Firestore,
    year: number,
    now: Date,
    own: StoredRevision | null = null,
  ): Promise<CampaignPopulation> {
    for (let running = this.checking.get(year); running; running = this.checking.get(year))
      await running.catch(() => undefined);
    const check = this.check(db, year, now, own);
    this.checking.set(year, check);
    try {
      return await check;
    } finally {
      if (this.checking.get(year) === check) this.checking.delete(year);
    }
  }

  private async check(
    db: Firestore,
    year: number,
    now: Date,
    own: StoredRevision | null,
  ): Promise<CampaignPopulation> {
    const version = await populationVersion(db, year);
    const entry = this.entries.get(year);
    const at = now.getTime();
    if (!entry || at - entry.loadedAt >= this.options.ttlMs)
      return view(await this.load(db, year, version, at, true));
    if (version === entry.version) this.counts.cached++;
    else if (own?.year === year && version === entry.version + 1) {
      merge(entry, [rowOf(own)]);
      entry.version = version;
      this.counts.cached++;
    } else if (await this.catchUp(db, year, entry)) entry.version = version;
    else return view(await this.load(db, year, version, at, false));
    entry.checkedAt = at;
    return view(entry);
  }

  /** Reads the population in full: from the snapshot when `fromSnapshot` and the campaign has one. */
  private async load(
    db: Firestore,
    year: number,
    version: number,
    now: number,
    fromSnapshot: boolean,
  ): Promise<Entry> {
    const campaign = (await campaignDoc(db, year).withConverter(AS_CAMPAIGN).get()).data();
    const shards = campaign?.populationShards;
    const snapshot = fromSnapshot && shards ? await readSnapshot(db, year, shards) : null;
    const rows =
      snapshot ??
      (
        await latestCol(db, year)
          .select(...FIELDS)
          .withConverter(AS_LATEST)
          .get()
      ).docs.map(fromDoc);
    const entry: Entry = {
      rows: new Map(rows.map((row) => [row.member.structureCode, row])),
      version,
      loadedAt: now,
      checkedAt: now,
      open: campaign?.state === "open",
      indexes: new Map(),
      members: null,
      past: pastRecordOf(campaign),
    };
    this.entries.set(year, entry);
    if (snapshot) this.counts.snapshot++;
    else this.counts.full++;
    return entry;
  }

  /** Merges what changed since the previous check; false when the totals show something else changed too. */
  private async catchUp(db: Firestore, year: number, entry: Entry): Promise<boolean> {
    const col = latestCol(db, year);
    const since = Timestamp.fromMillis(entry.checkedAt - this.options.marginMs);
    const [totals, delta] = await Promise.all([
      col.aggregate({ count: AggregateField.count(), sum: AggregateField.sum("number") }).get(),
      entry.open
        ? col
            .where("submittedAt", ">=", since)
            .select(...FIELDS)
            .withConverter(AS_LATEST)
            .get()
        : null,
    ]);
    if (delta) {
      merge(entry, delta.docs.map(fromDoc));
      this.counts.delta++;
    }
    let sum = 0;
    for (const row of entry.rows.values()) sum += row.number;
    const { count, sum: stored } = totals.data();
    return entry.rows.size === count && sum === stored;
  }
}
