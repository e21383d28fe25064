// The network benchmark of `barometre benchmark --json` (docs/cli.md): statistics for the network and each territory, and each structure's position.
import { type IndicatorKey, NUMERIC_INDICATOR_KEYS } from "../indicators/definitions.ts";
import {
  indexPopulation,
  type Member,
  memberValue,
  type PopulationIndex,
  type Position,
  placeIn,
  type StatsByIndicator,
} from "./population.ts";
import type { RankIndex } from "./quantile.ts";
import type { GroupStats } from "./summary.ts";

export interface Benchmark {
  network: StatsByIndicator;
  groups: Record<string, StatsByIndicator>;
  positions: Record<string, Record<IndicatorKey, Position>>;
}

export interface BenchmarkOptions {
  minGroupSize?: number;
}

export function benchmark(members: readonly Member[], options: BenchmarkOptions = {}): Benchmark {
  return benchmarkOf(indexPopulation(members, options.minGroupSize), members);
}

/**
 * The benchmark of `members` from their population already indexed (indexPopulation of exactly these members):
 * a caller that also positions every structure, as a campaign close does, indexes the population once.
 */
export function benchmarkOf(index: PopulationIndex, members: readonly Member[]): Benchmark {
  const groups: Record<string, StatsByIndicator> = {};
  for (const [territory, group] of index.groups) groups[territory] = group.stats;
  // Each indicator's ranks and statistics looked up once.
  const columns = NUMERIC_INDICATOR_KEYS.map((key) => ({
    key,
    ranks: index.network.ranks[key],
    stats: index.network.stats[key],
  }));
  return { network: index.network.stats, groups, positions: positionsOf(columns, members) };
}

/**
 * Each structure's positions, filled in the same key order so that they all share one object shape instead of each
 * growing its own. A function of its own: V8 optimises a long loop while it runs, and the code it made inside
 * benchmarkOf had no type feedback for the lines after the loop, which sent every later call back to the
 * interpreter at its return (a deoptimisation per benchmark, about a millisecond of a 2,800-structure one).
 */
function positionsOf(
  columns: readonly { key: IndicatorKey; ranks: RankIndex; stats: GroupStats }[],
  members: readonly Member[],
): Benchmark["positions"] {
  const positions: Benchmark["positions"] = {};
  for (const m of members) {
    const mine = {} as Record<IndicatorKey, Position>;
    for (const c of columns) mine[c.key] = placeIn(c.ranks, c.stats, memberValue(m, c.key));
    positions[m.structureCode] = mine;
  }
  return positions;
}
