// What a structure may receive of a group's statistics: quartiles, whiskers that are never one structure's extreme, and a mean only where no small group can be computed from it.
import { INDICATORS, type IndicatorKey } from "../indicators/definitions.ts";
import type { GroupIndex, PopulationIndex } from "./population.ts";
import { quantileSorted } from "./quantile.ts";
import { type GroupStats, isSuppressed, type Suppressed } from "./summary.ts";

/** A group's statistics as sent to a structure: no minimum or maximum, each of which is one other structure's value. */
export interface ShownSummary {
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** The 10th and 90th percentiles, null in a group too small for them to stay clear of the extremes. */
  whiskers: { low: number; high: number } | null;
  /** Null when publishing it would let someone compute the mean of a group under the minimum size. */
  mean: number | null;
}

export type ShownStats = ShownSummary | Suppressed;

/**
 * From this many values, the 10th and 90th percentiles (QUARTILE.INC interpolation, at rank (n − 1) × 0.1) lie
 * between the 2nd and the (n − 1)th values: neither the minimum nor the maximum ever enters them.
 */
export const WHISKER_MIN_SIZE = 11;

export function shownStats(
  stats: GroupStats,
  sorted: ArrayLike<number>,
  meanShown: boolean,
): ShownStats {
  if (isSuppressed(stats)) return stats;
  const whiskers =
    stats.n >= WHISKER_MIN_SIZE
      ? { low: quantileSorted(sorted, 0.1), high: quantileSorted(sorted, 0.9) }
      : null;
  const { n, q1, median, q3 } = stats;
  return { n, q1, median, q3, whiskers, mean: meanShown ? stats.mean : null };
}

/** The network's id among the groups whose mean may be shown. */
export const NETWORK_GROUP = "";

/** How many structures of a group enter an indicator's mean (or share of Oui), and whether the group is shown at all. */
interface Cell {
  id: string;
  n: number;
  open: boolean;
}

function cellOf(key: IndicatorKey, id: string, g: GroupIndex): Cell {
  const stats = g.stats[key];
  if (stats) return { id, n: stats.n, open: !isSuppressed(stats) };
  // An Oui/Non indicator: its share of Oui is the mean of its answers.
  return { id, n: g.answered[key] ?? 0, open: (g.yesShare[key] ?? null) !== null };
}

/**
 * For each indicator (INDICATORS order), whether the mean (or share of Oui) of group `id` (NETWORK_GROUP or a
 * territory) may be shown to structures.
 * Territories partition the network (with the structures that have none), so the network's mean minus the shown
 * groups' gives the mean of the rest: when the rest holds fewer than the minimum (but some) structures, the
 * smallest shown groups' means are withheld too until it holds enough (secondary suppression). Counts are per
 * indicator: only the structures with a value enter a mean.
 */
export function meansShown(index: PopulationIndex, id: string): readonly boolean[] {
  // The same for every structure of the population: decided once per population, for every group and indicator.
  let byGroup = decided.get(index);
  if (!byGroup) {
    const sets = INDICATORS.map((def) => decideMeans(index, def.key));
    byGroup = new Map(
      [NETWORK_GROUP, ...index.groups.keys()].map((g) => [g, sets.map((set) => set.has(g))]),
    );
    decided.set(index, byGroup);
  }
  return byGroup.get(id) ?? NONE_SHOWN;
}

const NONE_SHOWN: readonly boolean[] = INDICATORS.map(() => false);

const decided = new WeakMap<PopulationIndex, Map<string, boolean[]>>();

function decideMeans(index: PopulationIndex, key: IndicatorKey): Set<string> {
  const network = cellOf(key, NETWORK_GROUP, index.network);
  if (!network.open) return new Set();
  const shown = [...index.groups]
    .map(([id, g]) => cellOf(key, id, g))
    .filter((g) => g.open)
    .sort((a, b) => a.n - b.n || a.id.localeCompare(b.id, "fr"));
  let hidden = network.n - shown.reduce((sum, g) => sum + g.n, 0);
  while (hidden > 0 && hidden < index.minGroupSize && shown.length > 0)
    hidden += (shown.shift() as Cell).n;
  return new Set([NETWORK_GROUP, ...shown.map((g) => g.id)]);
}
