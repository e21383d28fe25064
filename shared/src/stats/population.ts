// A campaign population indexed once (sorted columns and statistics per indicator, network and peer groups), queried per structure.
import type { Indicators } from "../indicators/compute.ts";
import {
  INDICATORS,
  type IndicatorKey,
  NUMERIC_INDICATOR_KEYS,
} from "../indicators/definitions.ts";
import { mergeAscending, quartileBand, RankIndex } from "./quantile.ts";
import { sortAscending } from "./sort.ts";
import { DEFAULT_MIN_GROUP_SIZE, type GroupStats, isSuppressed, summarise } from "./summary.ts";

/** One structure of the population: its code, peer group and indicators. */
export interface Member {
  structureCode: string;
  territory: string | null;
  indicators: Indicators;
  /** Total charges and FTE, for the size groups; absent where they are not used (live answers). */
  size?: { charges: number | null; fte: number | null };
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
  /** The same values indexed for percentile ranks. */
  ranks: Record<IndicatorKey, RankIndex>;
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

/** Each numeric indicator's values among `members`, ascending: one pass over the members, then one sort per column. */
function sortedColumns(members: readonly Member[]): Float64Array[] {
  const columns = NUMERIC_INDICATOR_KEYS.map(() => new Float64Array(members.length));
  const counts = new Uint32Array(NUMERIC_INDICATOR_KEYS.length);
  for (const m of members) {
    const indicators = m.indicators;
    for (let k = 0; k < NUMERIC_INDICATOR_KEYS.length; k++) {
      const v = indicators[NUMERIC_INDICATOR_KEYS[k] as IndicatorKey].value;
      if (typeof v === "number") (columns[k] as Float64Array)[(counts[k] as number)++] = v;
    }
  }
  return columns.map((c, k) => sortAscending(c.subarray(0, counts[k])));
}

/** The group's statistics from its sorted columns (in NUMERIC_INDICATOR_KEYS order), and its Oui/Non shares. */
function indexGroup(
  members: readonly Member[],
  columns: readonly Float64Array[],
  minGroupSize: number,
): GroupIndex {
  const sorted = {} as Record<IndicatorKey, Float64Array>;
  const ranks = {} as Record<IndicatorKey, RankIndex>;
  const stats = {} as StatsByIndicator;
  NUMERIC_INDICATOR_KEYS.forEach((key, k) => {
    sorted[key] = columns[k] as Float64Array;
    ranks[key] = new RankIndex(sorted[key]);
    stats[key] = summarise(sorted[key], minGroupSize);
  });
  const yesShare: GroupIndex["yesShare"] = {};
  const answered: GroupIndex["answered"] = {};
  for (const key of BOOLEAN_KEYS) {
    let answers = 0;
    let yes = 0;
    for (const m of members) {
      const v = m.indicators[key].value;
      if (typeof v !== "boolean") continue;
      answers++;
      if (v) yes++;
    }
    answered[key] = answers;
    yesShare[key] = answers > 0 && answers >= minGroupSize ? yes / answers : null;
  }
  return { size: members.length, sorted, ranks, stats, yesShare, answered };
}

/**
 * Each peer group is sorted once; the network's columns are merged from the groups' (and the structures without a
 * territory), in linear time rather than sorted again.
 */
export function indexPopulation(
  members: readonly Member[],
  minGroupSize = DEFAULT_MIN_GROUP_SIZE,
): PopulationIndex {
  const byTerritory = new Map<string, Member[]>();
  const unplaced: Member[] = [];
  for (const m of members) {
    if (m.territory === null) {
      unplaced.push(m);
      continue;
    }
    const list = byTerritory.get(m.territory);
    if (list) list.push(m);
    else byTerritory.set(m.territory, [m]);
  }
  const runs: Float64Array[][] = NUMERIC_INDICATOR_KEYS.map(() => []);
  const addRuns = (columns: readonly Float64Array[]) => {
    columns.forEach((c, k) => {
      runs[k]?.push(c);
    });
    return columns;
  };
  const groups = new Map<string, GroupIndex>();
  for (const territory of [...byTerritory.keys()].sort((a, b) => a.localeCompare(b, "fr"))) {
    const list = byTerritory.get(territory) as Member[];
    groups.set(territory, indexGroup(list, addRuns(sortedColumns(list)), minGroupSize));
  }
  addRuns(sortedColumns(unplaced));
  return {
    minGroupSize,
    network: indexGroup(members, runs.map(mergeAscending), minGroupSize),
    groups,
  };
}

/**
 * Where a value stands among one indicator's ranks and statistics of a group, or nulls when they are suppressed.
 * Callers look them up once for many values: reading a record with a different key each time costs as much as
 * the search itself.
 */
export function placeIn(ranks: RankIndex, stats: GroupStats, value: number | null): Position {
  if (value === null || isSuppressed(stats)) return { value, percentileRank: null, quartile: null };
  return {
    value,
    percentileRank: ranks.percentileRank(value),
    quartile: quartileBand(value, stats.q1, stats.median, stats.q3),
  };
}

export function memberValue(m: Member, key: IndicatorKey): number | null {
  return numeric(m, key);
}
