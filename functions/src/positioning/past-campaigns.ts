// The campaigns held before a live answer's, for its trajectories: whether each past year had a campaign and its
// final statistics, from the record the campaign's document keeps of them (past-record.ts); for a campaign opened
// before that record existed, read once per instance and time-to-live (a closed campaign's final benchmark is
// computed once). And the structure's own latest return in each (the previous year's from the population cache).
import type { CampaignMedians, Member, PastCampaign } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { getFinalBenchmark } from "../close/final-benchmark.ts";
import { campaignDoc } from "../storage/paths.ts";
import { getLatest } from "../storage/revisions.ts";
import {
  mediansOf,
  type PastRecord,
  type PastYear,
  pastYearIn,
  pastYearsOf,
} from "./past-record.ts";
import { memberOfRevision } from "./population-cache.ts";

/** A campaign without final benchmark (not closed yet): no median to show beside the structure's value. */
const NO_MEDIANS: CampaignMedians = {
  network: { stats: {} },
  groups: new Map(),
};

/** How long an instance trusts what it read of a past campaign: the population cache's time-to-live. */
const PAST_TTL_MS = 10 * 60_000;

/** Past years read, per database (tests run several) and year: two reads a year per instance and time-to-live. */
const pastYears = new WeakMap<Firestore, Map<number, { at: number; past: PastYear }>>();

async function pastYearOf(db: Firestore, year: number, now: number): Promise<PastYear> {
  let years = pastYears.get(db);
  if (!years) {
    years = new Map();
    pastYears.set(db, years);
  }
  const kept = years.get(year);
  if (kept && now - kept.at < PAST_TTL_MS) return kept.past;
  const [campaign, head] = await Promise.all([
    campaignDoc(db, year).get(),
    getFinalBenchmark(db, year),
  ]);
  const past = { held: campaign.exists, medians: head ? mediansOf(head) : null };
  years.set(year, { at: now, past });
  return past;
}

/** The past campaigns (most recent TRAJECTORY_YEARS − 1) that hold a final benchmark or a return of the structure. */
export async function pastCampaignsOf(
  db: Firestore,
  year: number,
  code: string,
  /** The structure in the previous campaign, as the population cache holds it (null: no return that year). */
  previous: Member | null,
  now: Date,
  /** The campaign document's record of its past campaigns, as the population cache read it; null: none. */
  record: PastRecord | null,
): Promise<PastCampaign[]> {
  const found = await Promise.all(
    pastYearsOf(year).map(async (y): Promise<PastCampaign | null> => {
      const { held, medians } = record
        ? pastYearIn(record, y)
        : await pastYearOf(db, y, now.getTime());
      // The previous year's return is the population cache's; an earlier one is read only where a campaign was held.
      const member =
        y === year - 1
          ? previous
          : held
            ? await getLatest(db, y, code).then((r) => (r ? memberOfRevision(r) : null))
            : null;
      if (!medians && !member) return null;
      return { year: y, population: medians ?? NO_MEDIANS, member };
    }),
  );
  return found.filter((c): c is PastCampaign => c !== null);
}
