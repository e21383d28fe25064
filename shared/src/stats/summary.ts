// The statistics of one group of values, or a suppression marker when the group is too small to show.
import { quantileSorted } from "./quantile.ts";

export interface Summary {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

export interface Suppressed {
  n: number;
  suppressed: true;
}

export type GroupStats = Summary | Suppressed;

export const DEFAULT_MIN_GROUP_SIZE = 5;

export const isSuppressed = <S extends object>(s: S | Suppressed): s is Suppressed =>
  "suppressed" in s;

/** The sentence shown in place of the statistics of a group that is too small. */
export function suppressionSentence(n: number, minGroupSize: number): string {
  return `Moins de ${minGroupSize} structures (${n}) : statistiques non affichées pour préserver l'anonymat.`;
}

export function summarise(
  sorted: ArrayLike<number>,
  minGroupSize = DEFAULT_MIN_GROUP_SIZE,
): GroupStats {
  const n = sorted.length;
  if (n === 0 || n < minGroupSize) return { n, suppressed: true };
  return {
    n,
    min: sorted[0] as number,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[n - 1] as number,
    mean: mean(sorted),
  };
}

/** The arithmetic mean, finite for any finite values (a sum past Number.MAX_VALUE is divided term by term). */
function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  if (Number.isFinite(sum)) return sum / values.length;
  let scaled = 0;
  for (let i = 0; i < values.length; i++) scaled += (values[i] as number) / values.length;
  return scaled;
}
