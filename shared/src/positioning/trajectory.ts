// A structure's trajectory on each indicator: its value in each campaign held (the latest five at most) beside the network's and its peer group's medians of that year, gaps left as gaps.
import { type IndicatorKey, NUMERIC_INDICATOR_KEYS } from "../indicators/definitions.ts";
import type { Member } from "../stats/population.ts";

/** What the trajectories read of a group's statistics: each indicator's median, or that it is not shown. */
export type GroupMedians = Partial<Record<IndicatorKey, { median: number } | { suppressed: true }>>;

/**
 * What the trajectories read of a campaign's groups: a PopulationIndex, a closed campaign's final benchmark, or the
 * medians a campaign's document records of the campaigns before it.
 */
export interface CampaignMedians {
  network: { stats: GroupMedians };
  groups: ReadonlyMap<string, { stats: GroupMedians }>;
}

/** A campaign before the current one, as the trajectories read it. */
export interface PastCampaign {
  year: number;
  population: CampaignMedians;
  /** The structure's own member that year, null when it filed no return. */
  member: Member | null;
}

export interface TrajectoryPoint {
  year: number;
  /** Null for a year not submitted or a value not computable: a gap, never a zero. */
  value: number | null;
  /** Null when the group's statistics were suppressed that year (or the group did not exist). */
  networkMedian: number | null;
  groupMedian: number | null;
}

/** At most this many campaigns, the current one included. */
export const TRAJECTORY_YEARS = 5;

const median = (group: { stats: GroupMedians } | undefined, key: IndicatorKey): number | null => {
  const stats = group?.stats[key];
  return stats && "median" in stats ? stats.median : null;
};

const numberOf = (m: Member | null, key: IndicatorKey): number | null => {
  const v = m?.indicators[key].value;
  return typeof v === "number" ? v : null;
};

/**
 * Each numeric indicator's points, oldest first: the past campaigns held (most recent TRAJECTORY_YEARS − 1 of
 * them) and the current one. The peer group is the structure's territory of the current campaign, in every year.
 */
export function trajectoriesOf(
  current: PastCampaign,
  past: readonly PastCampaign[],
): Partial<Record<IndicatorKey, TrajectoryPoint[]>> {
  const years = [...past]
    .filter((c) => c.year < current.year)
    .sort((a, b) => a.year - b.year)
    .slice(-(TRAJECTORY_YEARS - 1));
  const campaigns = [...years, current];
  const territory = current.member?.territory ?? null;
  const out: Partial<Record<IndicatorKey, TrajectoryPoint[]>> = {};
  for (const key of NUMERIC_INDICATOR_KEYS)
    out[key] = campaigns.map((c) => ({
      year: c.year,
      value: numberOf(c.member, key),
      networkMedian: median(c.population.network, key),
      groupMedian: territory === null ? null : median(c.population.groups.get(territory), key),
    }));
  return out;
}
