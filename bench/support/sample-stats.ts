// Summaries of repeated measurements, on the shared type-7 quantiles (the same definition as the product's statistics).
import { ascending, quantileSorted } from "@barometre/shared";

/** The p-quantile (0 ≤ p ≤ 1) of the samples, interpolated between closest ranks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("aucune mesure dont prendre un centile");
  if (!(p >= 0 && p <= 1)) throw new Error(`centile : p doit être compris entre 0 et 1, pas ${p}`);
  return quantileSorted(ascending(samples), p);
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);

/** Rounds for results.json: enough digits to compare runs, none of the float noise. */
export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
