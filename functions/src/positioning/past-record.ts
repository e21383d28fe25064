// What a campaign's document records of the campaigns before it, for its live answers' trajectories: which past
// years held a campaign and, once closed, their final medians. A new instance reads it with the campaign's document,
// which its population cache reads anyway, instead of two documents for each past year.
//
// It is written whenever what it records can change: when the campaign is opened, and when a campaign of one of its
// past years is opened or gets its final benchmark. Each write reads every past year afresh and only adds fields
// (a year held stays held; a final benchmark is computed once and never changes), each under its own unquoted field
// path, so writers racing can only add to each other; an absent field means "not held" or "not closed". A campaign
// opened before the record existed has none, and its live answers read the past years themselves.
import {
  type CampaignMedians,
  type GroupMedians,
  type IndicatorKey,
  NUMERIC_INDICATOR_KEYS,
  type StatsByIndicator,
  TRAJECTORY_YEARS,
} from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { campaignDoc, finalBenchmarkDoc } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";

/** The campaign document's field holding the record. */
const FIELD = "pastCampaigns";

/** What the record reads of a final benchmark (close/final-benchmark.ts): its network's and groups' statistics. */
interface FinalStats {
  network: StatsByIndicator;
  groups: Record<string, StatsByIndicator>;
}

const AS_FINAL_STATS = asStored<FinalStats>();

/** Each past year's medians as stored: the network's and each group's, null where the statistics are not shown. */
interface StoredMedians {
  network: Partial<Record<IndicatorKey, number | null>>;
  groups: Record<string, Partial<Record<IndicatorKey, number | null>>>;
}

/** The record as stored; years are keyed `y2029`, a plain field name. */
export interface PastRecord {
  held?: Record<string, true>;
  /** JSON of StoredMedians, one short text a closed year. */
  medians?: Record<string, string>;
}

/** A past year as a live answer needs it: whether a campaign was held, and its medians once closed. */
export interface PastYear {
  held: boolean;
  medians: CampaignMedians | null;
}

const yearKey = (year: number): string => `y${year}`;

/** The past years a campaign's trajectories show, most recent first. */
export const pastYearsOf = (year: number): number[] =>
  Array.from({ length: TRAJECTORY_YEARS - 1 }, (_, k) => year - 1 - k);

/** Only the numeric indicators' medians: all the trajectories read. */
function stored(stats: StatsByIndicator): StoredMedians["network"] {
  const out: StoredMedians["network"] = {};
  for (const key of NUMERIC_INDICATOR_KEYS) {
    const s = stats[key];
    if (s) out[key] = "median" in s ? s.median : null;
  }
  return out;
}

function restored(medians: StoredMedians["network"]): GroupMedians {
  const out: GroupMedians = {};
  for (const [key, median] of Object.entries(medians))
    out[key as IndicatorKey] = median === null ? { suppressed: true } : { median };
  return out;
}

/** A closed campaign's final medians, as the trajectories read them. */
export const mediansOf = (head: FinalStats): CampaignMedians => ({
  network: { stats: head.network },
  groups: new Map(Object.entries(head.groups).map(([t, stats]) => [t, { stats }])),
});

/** The campaign document's record, or null for a campaign opened before it existed. */
export const pastRecordOf = (campaign: object | undefined): PastRecord | null =>
  ((campaign as Record<string, unknown> | undefined)?.[FIELD] as PastRecord | undefined) ?? null;

/** The campaign as stored without its record: the record is the live answers' own, not part of the campaign. */
export function withoutPastRecord<C extends object>(campaign: C): C {
  const { [FIELD]: _record, ...rest } = campaign as Record<string, unknown>;
  return rest as C;
}

/** What the record says of `year`. */
export function pastYearIn(record: PastRecord, year: number): PastYear {
  const json = record.medians?.[yearKey(year)];
  if (!json) return { held: record.held?.[yearKey(year)] === true, medians: null };
  const m = JSON.parse(json) as StoredMedians;
  return {
    held: true,
    medians: {
      network: { stats: restored(m.network) },
      groups: new Map(Object.entries(m.groups).map(([t, g]) => [t, { stats: restored(g) }])),
    },
  };
}

/** The record of `year` read afresh from every past year: what a campaign exists and which final benchmarks do. */
async function freshRecord(db: Firestore, year: number): Promise<Required<PastRecord>> {
  const fresh: Required<PastRecord> = { held: {}, medians: {} };
  await Promise.all(
    pastYearsOf(year).map(async (y) => {
      const [campaign, head] = await Promise.all([
        campaignDoc(db, y).get(),
        finalBenchmarkDoc(db, y).withConverter(AS_FINAL_STATS).get(),
      ]);
      if (campaign.exists) fresh.held[yearKey(y)] = true;
      const final = head.data();
      if (final) {
        const { network, groups } = final;
        const medians: StoredMedians = {
          network: stored(network),
          groups: Object.fromEntries(Object.entries(groups).map(([t, g]) => [t, stored(g)])),
        };
        fresh.medians[yearKey(y)] = JSON.stringify(medians);
      }
    }),
  );
  return fresh;
}

/**
 * Adds what the past years hold now to the campaign's record, one field path each; with `replace`, writes the
 * record afresh instead, which also drops what the past years no longer hold.
 */
async function record(db: Firestore, year: number, replace: boolean): Promise<void> {
  const fresh = await freshRecord(db, year);
  if (replace) {
    await campaignDoc(db, year).update({ [FIELD]: { recorded: true, ...fresh } });
    return;
  }
  const fields: Record<string, unknown> = { [`${FIELD}.recorded`]: true };
  for (const [key, held] of Object.entries(fresh.held)) fields[`${FIELD}.held.${key}`] = held;
  for (const [key, json] of Object.entries(fresh.medians)) fields[`${FIELD}.medians.${key}`] = json;
  await campaignDoc(db, year).update(fields);
}

/**
 * Brings up to date the records `year` appears in, after its campaign was opened or closed: those of the campaigns
 * of the next years that exist, and with `self`, its own. With `forget`, after the retention policy deleted the
 * campaign's final benchmark: its medians must not outlive it in later campaigns' records, which are written afresh
 * (a close racing such a purge could add them back; the purge is rare and its next run finds nothing to delete).
 */
export async function recordPastCampaigns(
  db: Firestore,
  year: number,
  options: { self: boolean; forget?: boolean },
): Promise<void> {
  const later = Array.from({ length: TRAJECTORY_YEARS - 1 }, (_, k) => year + 1 + k);
  const opened = await Promise.all(later.map((y) => campaignDoc(db, y).get()));
  const years = later.filter((_, k) => opened[k]?.exists);
  await Promise.all(
    [...(options.self ? [year] : []), ...years].map((y) => record(db, y, options.forget === true)),
  );
}
