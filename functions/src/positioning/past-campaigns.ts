// The campaigns held before a live answer's, for its trajectories: each closed campaign's final statistics and the structure's own latest return, two reads a year.
import {
  type CampaignMedians,
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

/** The past campaigns (most recent TRAJECTORY_YEARS − 1) that hold a final benchmark or a return of the structure. */
export async function pastCampaignsOf(
  db: Firestore,
  year: number,
  code: string,
): Promise<PastCampaign[]> {
  const years = Array.from({ length: TRAJECTORY_YEARS - 1 }, (_, k) => year - 1 - k);
  const found = await Promise.all(
    years.map(async (y): Promise<PastCampaign | null> => {
      const [head, latest] = await Promise.all([getFinalBenchmark(db, y), getLatest(db, y, code)]);
      if (!head && !latest) return null;
      return {
        year: y,
        population: head ? mediansOf(head) : NO_MEDIANS,
        member: latest ? memberOfRevision(latest) : null,
      };
    }),
  );
  return found.filter((c): c is PastCampaign => c !== null);
}
