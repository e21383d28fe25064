// The network benchmark of interfaces.md: statistics for the network and each territory, and each structure's position.
import { type IndicatorKey, NUMERIC_INDICATOR_KEYS } from "../indicators/definitions.ts";
import {
  indexPopulation,
  type Member,
  memberValue,
  type Position,
  positionIn,
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
  const index = indexPopulation(members, options.minGroupSize);
  const groups: Record<string, StatsByIndicator> = {};
  for (const [territory, group] of index.groups) groups[territory] = group.stats;
  const positions: Benchmark["positions"] = {};
  for (const m of members) {
    const mine = {} as Record<IndicatorKey, Position>;
    for (const key of NUMERIC_INDICATOR_KEYS)
      mine[key] = positionIn(index.network, key, memberValue(m, key));
    positions[m.structureCode] = mine;
  }
  return { network: index.network.stats, groups, positions };
}
