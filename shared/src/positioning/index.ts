// A structure's positioning against its campaign: each indicator's value and band, network and peer-group figures, and changes since N-1.
import type { Status } from "../indicators/bands.ts";
import { fragileKeys } from "../indicators/compute.ts";
import { INDICATORS, type IndicatorDef, type IndicatorKey } from "../indicators/definitions.ts";
import { changeSince, medianChange } from "../stats/change.ts";
import {
  type GroupIndex,
  type Member,
  type PopulationIndex,
  type Position,
  placeIn,
} from "../stats/population.ts";
import { type GroupStats, isSuppressed, suppressionSentence } from "../stats/summary.ts";

/** A group's view of one indicator: statistics (or their suppression) and where the structure stands. */
export interface GroupView {
  /** "Réseau" or the territory. */
  label: string;
  size: number;
  /** Null for the Oui/Non indicator, which has a share instead. */
  stats: GroupStats | null;
  yesShare: number | null;
  position: Position;
  /** The French sentence shown instead of statistics when the group is too small. */
  suppressedSentence: string | null;
}

export interface IndicatorPositioning {
  key: IndicatorKey;
  value: number | boolean | null;
  status: Status | null;
  reason: string | null;
  network: GroupView;
  /** The peer group (territory), null when the structure has no territory. */
  group: GroupView | null;
  previousValue: number | boolean | null;
  /** Change since the structure's previous exercice, in the indicator's unit (fractions for rates). */
  change: number | null;
  networkMedianChange: number | null;
}

export interface Positioning {
  structureCode: string;
  territory: string | null;
  minGroupSize: number;
  networkSize: number;
  indicators: IndicatorPositioning[];
  /** Indicators in the red band. */
  fragile: IndicatorKey[];
}

export interface PreviousExercice {
  /** The previous campaign's population, when it exists. */
  population: PopulationIndex | null;
  /** The structure's own member in it, when it filed a return that year. */
  member: Member | null;
}

function view(
  label: string,
  group: GroupIndex,
  def: IndicatorDef,
  value: number | boolean | null,
  min: number,
): GroupView {
  const key = def.key;
  if (def.unit === "bool") {
    const yesShare = group.yesShare[key] ?? null;
    return {
      label,
      size: group.size,
      stats: null,
      yesShare,
      position: { value: null, percentileRank: null, quartile: null },
      suppressedSentence:
        yesShare === null ? suppressionSentence(group.answered[key] ?? 0, min) : null,
    };
  }
  const stats = group.stats[key];
  return {
    label,
    size: group.size,
    stats,
    yesShare: null,
    position: placeIn(group.ranks[key], stats, typeof value === "number" ? value : null),
    suppressedSentence: isSuppressed(stats) ? suppressionSentence(stats.n, min) : null,
  };
}

export function positionStructure(
  population: PopulationIndex,
  member: Member,
  previous: PreviousExercice = { population: null, member: null },
): Positioning {
  const min = population.minGroupSize;
  const peer = member.territory ? population.groups.get(member.territory) : undefined;
  const previousIndicators = previous.member?.indicators ?? null;
  const previousStats = previous.population?.network.stats ?? null;
  const indicators = INDICATORS.map((def): IndicatorPositioning => {
    const result = member.indicators[def.key];
    const before = previousIndicators?.[def.key].value ?? null;
    const prevStats = previousStats?.[def.key] ?? null;
    const nowStats = population.network.stats[def.key];
    return {
      key: def.key,
      value: result.value,
      status: result.status,
      reason: result.reason,
      network: view("Réseau", population.network, def, result.value, min),
      group: peer && member.territory ? view(member.territory, peer, def, result.value, min) : null,
      previousValue: before,
      change: changeSince(member.indicators, previousIndicators, def.key),
      networkMedianChange: def.unit === "bool" ? null : medianChange(nowStats, prevStats),
    };
  });
  return {
    structureCode: member.structureCode,
    territory: member.territory,
    minGroupSize: min,
    networkSize: population.network.size,
    indicators,
    fragile: fragileKeys(member.indicators),
  };
}
