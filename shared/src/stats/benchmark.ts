// The network benchmark of interfaces.md: statistics for the network and each territory, and each structure's position.
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
  const mine = members.map(() => ({}) as Record<IndicatorKey, Position>);
  // Indicator by indicator, so its sorted values stay in the processor's cache while every structure is placed.
  for (const key of NUMERIC_INDICATOR_KEYS) {
    const ranks = index.network.ranks[key];
    const stats = index.network.stats[key];
    members.forEach((m, i) => {
      (mine[i] as Record<IndicatorKey, Position>)[key] = placeIn(ranks, stats, memberValue(m, key));
    });
  }
  const positions: Benchmark["positions"] = {};
  members.forEach((m, i) => {
    positions[m.structureCode] = mine[i] as Record<IndicatorKey, Position>;
  });
  return { network: index.network.stats, groups, positions };
}
