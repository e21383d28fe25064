// The campaigns held before a live answer's, for its trajectories: each closed campaign's final statistics (read once
// per instance: a closed campaign's final benchmark is computed once) and the structure's own latest return (the
// previous year's from the population cache the answer already holds).
import {
  type CampaignMedians,
  type Member,
  type PastCampaign,
  type StatsByIndicator,
  TRAJECTORY_YEARS,
} from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { type FinalBenchmark, getFinalBenchmark } from "../close/final-benchmark.ts";
import { getLatest } from "../revisions.ts";
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

/** How long an instance trusts a final benchmark it read: the population cache's time-to-live. */
const MEDIANS_TTL_MS = 10 * 60_000;

/** Closed campaigns' medians, per database (tests run several) and year; a campaign not closed is asked again. */
const closedMedians = new WeakMap<
  Firestore,
  Map<number, { at: number; medians: CampaignMedians }>
>();

async function mediansOfYear(
  db: Firestore,
  year: number,
  now: number,
): Promise<CampaignMedians | null> {
  let years = closedMedians.get(db);
  if (!years) closedMedians.set(db, (years = new Map()));
  const kept = years.get(year);
  if (kept && now - kept.at < MEDIANS_TTL_MS) return kept.medians;
  const head = await getFinalBenchmark(db, year);
  if (!head) return null;
  const medians = mediansOf(head);
  years.set(year, { at: now, medians });
  return medians;
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
      const [medians, member] = await Promise.all([
        mediansOfYear(db, y, now.getTime()),
        y === year - 1
          ? previous
          : getLatest(db, y, code).then((r) => (r ? memberOfRevision(r) : null)),
      ]);
      if (!medians && !member) return null;
      return { year: y, population: medians ?? NO_MEDIANS, member };
    }),
  );
  return found.filter((c): c is PastCampaign => c !== null);
}
