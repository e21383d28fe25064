// A structure's place in a group in plain words that hold with ties: a value at the group's highest level is never read as below the middle.
import type { Position } from "../stats/population.ts";
import type { ShownStats } from "../stats/shown.ts";
import { isSuppressed } from "../stats/summary.ts";
import { formatNumber } from "../values/format.ts";

export type VerdictKind =
  | "highest"
  | "lowest"
  | "same"
  | "upperQuarter"
  | "middleHalf"
  | "lowerQuarter"
  | "notComparable";

export interface Verdict {
  kind: VerdictKind;
  /** "dans le quart le plus haut du réseau", "non comparable : …". */
  text: string;
}

/** The verdict's words without the group's name, where a column or a heading already gives it. */
export const VERDICT_WORDS: Record<VerdictKind, string> = {
  highest: "au niveau le plus haut",
  lowest: "au niveau le plus bas",
  same: "au même niveau que toutes",
  upperQuarter: "dans le quart le plus haut",
  middleHalf: "dans la moitié centrale",
  lowerQuarter: "dans le quart le plus bas",
  notComparable: "non comparable",
};

/** A count of other structures is given only when at least three structures share the value, so none is singled out. */
const SHARED_BY = 3;

/** How many values of the ascending array equal `value` (binary searches for both ends of its run). */
export function countEqual(sorted: ArrayLike<number>, value: number): number {
  const edge = (strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = sorted[mid] as number;
      if (v < value || (!strict && v === value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return edge(false) - edge(true);
}

const others = (n: number) =>
  n > 1 ? `${formatNumber(n)} autres structures` : "1 autre structure";

/**
 * `scope` names the group ("du réseau", "du groupe Rural"). The highest and lowest levels are told from the
 * group's sorted values, then the quartiles place the rest: above Q3, below Q1, or the middle half.
 */
export function verdictOf(
  scope: string,
  sorted: ArrayLike<number>,
  stats: ShownStats,
  value: number | null,
  notComparable: string | null,
): Verdict {
  if (notComparable !== null || value === null)
    return {
      kind: "notComparable",
      text: `non comparable : ${notComparable ?? "valeur non calculable"}`,
    };
  const kind = kindOf(sorted, stats, value);
  if (kind === "notComparable")
    return { kind, text: "non comparable : le groupe compte trop peu de structures" };
  if (kind === "same") return { kind, text: `au même niveau que toutes les structures ${scope}` };
  if (kind === "highest" || kind === "lowest") {
    const tied = countEqual(sorted, value) - 1;
    const like = tied + 1 >= SHARED_BY ? `, comme ${others(tied)}` : "";
    return { kind, text: `${VERDICT_WORDS[kind]} ${scope}${like}` };
  }
  return { kind, text: `${VERDICT_WORDS[kind]} ${scope}` };
}

/** The kind verdictOf gives, without its words. */
export function kindOf(
  sorted: ArrayLike<number>,
  stats: ShownStats,
  value: number | null,
): VerdictKind {
  if (value === null || isSuppressed(stats)) return "notComparable";
  return kindAmong(sorted[0] as number, sorted[sorted.length - 1] as number, stats, value);
}

/** kindOf in a group shown, from its lowest and highest values. */
export function kindAmong(
  lowest: number,
  highest: number,
  stats: { q1: number; q3: number },
  value: number,
): Exclude<VerdictKind, "notComparable"> {
  if (lowest === highest) return "same";
  if (value >= highest) return "highest";
  if (value <= lowest) return "lowest";
  if (value > stats.q3) return "upperQuarter";
  if (value < stats.q1) return "lowerQuarter";
  return "middleHalf";
}

/** The quartile band read with the verdict: 4 at the highest level, 1 at the lowest, none when all are equal. */
export function tieAwareQuartile(
  quartile: Position["quartile"],
  verdict: Verdict,
): Position["quartile"] {
  if (verdict.kind === "highest") return 4;
  if (verdict.kind === "lowest") return 1;
  if (verdict.kind === "same") return null;
  return quartile;
}
