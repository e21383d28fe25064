// The campaigns held before a live answer's, for its trajectories: whether each past year had a campaign and its
// final statistics (read once per instance and time-to-live: a closed campaign's final benchmark is computed once),
// and the structure's own latest return in each (the previous year's from the population cache the answer holds).
import {
  type CampaignMedians,
  type Member,
  type PastCampaign,
  type StatsByIndicator,
  TRAJECTORY_YEARS,
} from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { type FinalBenchmark, getFinalBenchmark } from "../close/final-benchmark.ts";
import { campaignDoc } from "../storage/paths.ts";
import { getLatest } from "../storage/revisions.ts";
import { memberOfRevision } from "./population-cache.ts";

/** A campaign without final benchmark (not closed yet): no median to show beside the structure's value. */
const NO_MEDIANS: CampaignMedians = {
  network: { stats: {} as StatsByIndicator },
  groups: new Map(),
};

const mediansOf = (head: FinalBenchmark): CampaignMedians => ({
  network: { stats: head.network },
  groups: new Map(Object.entries(head.groups).map(([t, stats]) => [t, { stats }])),
});

/** How long an instance trusts what it read of a past campaign: the population cache's time-to-live. */
const PAST_TTL_MS = 10 * 60_000;

/** A past year as a live answer needs it: whether a campaign was held, and its medians once closed. */
interface PastYear {
  held: boolean;
  medians: CampaignMedians | null;
}

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
): Promise<PastCampaign[]> {
  const years = Array.from({ length: TRAJECTORY_YEARS - 1 }, (_, k) => year - 1 - k);
  const found = await Promise.all(
    years.map(async (y): Promise<PastCampaign | null> => {
      const { held, medians } = await pastYearOf(db, y, now.getTime());
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
