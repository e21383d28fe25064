// A group's view of one indicator for a structure: what every structure's view of the group shares (shown statistics, suppression sentence, verdict words, the whole Oui/Non view) is derived once per group.
import { INDICATORS, type IndicatorDef } from "../indicators/definitions.ts";
import type { GroupIndex, Position } from "../stats/population.ts";
import { quartileBand, type RankIndex } from "../stats/quantile.ts";
import { type ShownStats, shownStats } from "../stats/shown.ts";
import {
  type GroupStats,
  isSuppressed,
  type Summary,
  suppressionSentence,
} from "../stats/summary.ts";
import {
  kindAmong,
  tieAwareQuartile,
  type Verdict,
  type VerdictKind,
  verdictOf,
} from "./verdict.ts";

/** A group's view of one indicator: statistics (or their suppression) and where the structure stands. */
export interface GroupView {
  /** "Réseau" or the territory. */
  label: string;
  size: number;
  /** Null for the Oui/Non indicator, which has a share instead. No minimum or maximum: see ShownStats. */
  stats: ShownStats | null;
  yesShare: number | null;
  position: Position;
  /** Where the structure stands in words, null for the Oui/Non indicator. */
  verdict: Verdict | null;
  /** The French sentence shown instead of statistics when the group is too small. */
  suppressedSentence: string | null;
}

/** One indicator of one group, as every structure's view of it reads it. */
export interface GroupColumn {
  label: string;
  group: GroupIndex;
  def: IndicatorDef;
  /** The group's sorted values, ranks and statistics of the indicator (numeric indicators only), read once. */
  sorted: Float64Array;
  ranks: RankIndex;
  stats: GroupStats;
  /** The statistics when shown, null when suppressed (or for the Oui/Non indicator); the lowest and highest values. */
  summary: Summary | null;
  lowest: number;
  highest: number;
  /** "du réseau", "du groupe Rural": the verdicts' words. */
  scope: string;
  /** What every structure's view shares without, then with, the mean: built at first use. */
  shared: [SharedView | null, SharedView | null];
  /**
   * The verdicts of a value, by kind, and of a missing value: the words depend only on the kind (the highest and
   * lowest levels are single values).
   */
  verdicts: Map<VerdictKind | typeof NO_VALUE, Verdict>;
}

/**
 * The parts of a column's view that do not depend on the structure, for the population's minimum group size. They
 * are shared by reference between the structures' positionings, which nothing downstream mutates.
 */
interface SharedView {
  min: number;
  stats: ShownStats | null;
  suppressedSentence: string | null;
  /** The whole view of the Oui/Non indicator: a share, and no position. */
  view: GroupView | null;
}

/** The verdicts' key of a missing value. */
const NO_VALUE = "noValue";

/** A share withheld by secondary suppression, or in a live positioning (see PositioningOptions). */
const WITHHELD_SHARE =
  "Part de Oui non affichée : elle permettrait de déduire celle d'un petit groupe de structures (secret statistique).";

/** "du réseau", "du groupe Rural". */
const scopeOf = (label: string): string =>
  label === "Réseau" ? "du réseau" : `du groupe ${label}`;

/**
 * The group's columns in INDICATORS order, built once per group: keyed by the group, not its label, since a group
 * is always shown under the same label.
 */
export function columnsOf(group: GroupIndex, label: string): readonly GroupColumn[] {
  let columns = built.get(group);
  if (!columns) {
    const scope = scopeOf(label);
    columns = INDICATORS.map((def) => {
      const sorted = group.sorted[def.key];
      const stats = group.stats[def.key];
      return {
        label,
        group,
        def,
        sorted,
        ranks: group.ranks[def.key],
        stats,
        summary: stats && !isSuppressed(stats) ? stats : null,
        lowest: sorted?.[0] ?? Number.NaN,
        highest: sorted?.[sorted.length - 1] ?? Number.NaN,
        scope,
        shared: [null, null],
        verdicts: new Map(),
      };
    });
    built.set(group, columns);
  }
  return columns;
}

const built = new WeakMap<GroupIndex, GroupColumn[]>();

/** The view of `value` in one column; `min` is the population's minimum group size. */
export function viewIn(
  column: GroupColumn,
  value: number | boolean | null,
  min: number,
  meanShown: boolean,
): GroupView {
  const at = meanShown ? 1 : 0;
  let shared = column.shared[at];
  if (shared === null || shared.min !== min) {
    shared = sharedView(column, min, meanShown);
    column.shared[at] = shared;
  }
  if (shared.view !== null) return shared.view;
  const stats = shared.stats as ShownStats;
  const number = typeof value === "number" ? value : null;
  const verdict = verdictIn(column, stats, number);
  const summary = column.summary;
  let percentileRank: number | null = null;
  let quartile: Position["quartile"] = null;
  if (number !== null && summary !== null) {
    percentileRank = column.ranks.percentileRank(number);
    quartile = quartileBand(number, summary.q1, summary.median, summary.q3);
  }
  return {
    label: column.label,
    size: column.group.size,
    stats,
    yesShare: null,
    position: { value: number, percentileRank, quartile: tieAwareQuartile(quartile, verdict) },
    verdict,
    suppressedSentence: shared.suppressedSentence,
  };
}

function sharedView(column: GroupColumn, min: number, meanShown: boolean): SharedView {
  const { label, group, def } = column;
  const key = def.key;
  if (def.unit !== "bool") {
    const stats = shownStats(column.stats, column.sorted, meanShown);
    const sentence = isSuppressed(stats) ? suppressionSentence(stats.n, min) : null;
    return { min, stats, suppressedSentence: sentence, view: null };
  }
  const share = group.yesShare[key] ?? null;
  // A share withheld by secondary suppression says so like a small group's.
  const yesShare = meanShown ? share : null;
  const view: GroupView = {
    label,
    size: group.size,
    stats: null,
    yesShare,
    position: { value: null, percentileRank: null, quartile: null },
    verdict: null,
    suppressedSentence:
      share === null
        ? suppressionSentence(group.answered[key] ?? 0, min)
        : yesShare === null
          ? WITHHELD_SHARE
          : null,
  };
  return { min, stats: null, suppressedSentence: view.suppressedSentence, view };
}

/** verdictOf, each kind's verdict (and that of a missing value) built once per column. */
function verdictIn(column: GroupColumn, stats: ShownStats, value: number | null): Verdict {
  const summary = column.summary;
  const kind =
    value === null
      ? NO_VALUE
      : summary === null
        ? "notComparable"
        : kindAmong(column.lowest, column.highest, summary, value);
  let verdict = column.verdicts.get(kind);
  if (!verdict) {
    verdict = verdictOf(column.scope, column.sorted, stats, value, null);
    column.verdicts.set(kind, verdict);
  }
  return verdict;
}
