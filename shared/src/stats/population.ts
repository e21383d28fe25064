// A campaign population indexed once (sorted columns and statistics per indicator, network and peer groups), queried per structure.
import type { Indicators } from "../indicators/compute.ts";
import {
  INDICATORS,
  type IndicatorKey,
  NUMERIC_INDICATOR_KEYS,
} from "../indicators/definitions.ts";
import { ascending, percentileRankSorted, quartileBand } from "./quantile.ts";
import { DEFAULT_MIN_GROUP_SIZE, type GroupStats, isSuppressed, summarise } from "./summary.ts";

/** One structure of the population: its code, peer group and indicators. */
export interface Member {
  structureCode: string;
  territory: string | null;
  indicators: Indicators;
}

export interface Position {
  value: number | null;
  percentileRank: number | null;
  quartile: 1 | 2 | 3 | 4 | null;
}

export type StatsByIndicator = Record<IndicatorKey, GroupStats>;

const BOOLEAN_KEYS = INDICATORS.filter((d) => d.unit === "bool").map((d) => d.key);

/** The values and statistics of one group (the network or a territory). */
export interface GroupIndex {
  size: number;
  sorted: Record<IndicatorKey, Float64Array>;
  stats: StatsByIndicator;
  /** Share of Oui among each Oui/Non indicator's answers, null when fewer than the minimum group size answered. */
  yesShare: Partial<Record<IndicatorKey, number | null>>;
  /** How many structures answered each Oui/Non indicator. */
  answered: Partial<Record<IndicatorKey, number>>;
}

export interface PopulationIndex {
  minGroupSize: number;
  network: GroupIndex;
  groups: Map<string, GroupIndex>;
}

const numeric = (m: Member, key: IndicatorKey): number | null => {
  const v = m.indicators[key].value;
  return typeof v === "number" ? v : null;
};

function indexGroup(members: readonly Member[], minGroupSize: number): GroupIndex {
  const sorted = {} as Record<IndicatorKey, Float64Array>;
  const stats = {} as StatsByIndicator;
  for (const key of NUMERIC_INDICATOR_KEYS) {
    const values: number[] = [];
    for (const m of members) {
      const v = numeric(m, key);
      if (v !== null) values.push(v);
    }
    sorted[key] = ascending(values);
    stats[key] = summarise(sorted[key], minGroupSize);
  }
  const yesShare: GroupIndex["yesShare"] = {};
  const answered: GroupIndex["answered"] = {};
  for (const key of BOOLEAN_KEYS) {
    const answers = members
      .map((m) => m.indicators[key].value)
      .filter((v) => typeof v === "boolean");
    answered[key] = answers.length;
    yesShare[key] =
      answers.length > 0 && answers.length >= minGroupSize
        ? answers.filter((v) => v).length / answers.length
        : null;
  }
  return { size: members.length, sorted, stats, yesShare, answered };
}

export function indexPopulation(
  members: readonly Member[],
  minGroupSize = DEFAULT_MIN_GROUP_SIZE,
): PopulationIndex {
  const byTerritory = new Map<string, Member[]>();
  for (const m of members) {
    if (m.territory === null) continue;
    const list = byTerritory.get(m.territory);
    if (list) list.push(m);
    else byTerritory.set(m.territory, [m]);
  }
  const groups = new Map<string, GroupIndex>();
  for (const territory of [...byTerritory.keys()].sort((a, b) => a.localeCompare(b, "fr"))) {
    groups.set(territory, indexGroup(byTerritory.get(territory) as Member[], minGroupSize));
  }
  return { minGroupSize, network: indexGroup(members, minGroupSize), groups };
}

/** Where a value stands in a group, or nulls when the group's statistics are suppressed. */
export function positionIn(group: GroupIndex, key: IndicatorKey, value: number | null): Position {
  const stats = group.stats[key];
  if (value === null || isSuppressed(stats)) return { value, percentileRank: null, quartile: null };
  return {
    value,
    percentileRank: percentileRankSorted(group.sorted[key], value),
    quartile: quartileBand(value, stats.q1, stats.median, stats.q3),
  };
}

export function memberValue(m: Member, key: IndicatorKey): number | null {
  return numeric(m, key);
}
