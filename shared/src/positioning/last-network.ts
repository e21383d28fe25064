// Where a value typed now would stand in the last closed campaign's network: its quartiles, and its highest and lowest levels when at least three structures share them (so none is one structure's value).

import type { Indicators } from "../indicators/compute.ts";
import { type IndicatorKey, NUMERIC_INDICATOR_KEYS } from "../indicators/definitions.ts";
import type { PopulationIndex } from "../stats/population.ts";
import { isSuppressed } from "../stats/summary.ts";
import { countEqual, VERDICT_WORDS, type VerdictKind } from "./verdict.ts";

export interface LastNetworkIndicator {
  q1: number;
  median: number;
  q3: number;
  /** The network's highest value when at least three structures share it, else null. */
  highest: number | null;
  lowest: number | null;
}

/** What the add-on fetches once and keeps in the workbook. */
export interface LastNetwork {
  year: number;
  size: number;
  /** Indicators whose statistics were shown that year (a small network's are left out). */
  indicators: Partial<Record<IndicatorKey, LastNetworkIndicator>>;
}

const SHARED_BY = 3;

export function lastNetworkOf(year: number, index: PopulationIndex): LastNetwork {
  const indicators: LastNetwork["indicators"] = {};
  for (const key of NUMERIC_INDICATOR_KEYS) {
    const stats = index.network.stats[key];
    if (isSuppressed(stats)) continue;
    const sorted = index.network.sorted[key];
    const level = (v: number) => (countEqual(sorted, v) >= SHARED_BY ? v : null);
    indicators[key] = {
      q1: stats.q1,
      median: stats.median,
      q3: stats.q3,
      highest: level(stats.max),
      lowest: level(stats.min),
    };
  }
  return { year, size: index.network.size, indicators };
}

/** The kind of place `value` would take among last year's figures. */
export function standingKind(s: LastNetworkIndicator, value: number): VerdictKind {
  if (s.highest !== null && value >= s.highest) return "highest";
  if (s.lowest !== null && value <= s.lowest) return "lowest";
  if (value > s.q3) return "upperQuarter";
  if (value < s.q1) return "lowerQuarter";
  return "middleHalf";
}

/** Each numeric indicator's place in words, labelled as last year's network; null where nothing can be said. */
export function standings(
  last: LastNetwork,
  current: Indicators,
): Partial<Record<IndicatorKey, string>> {
  const out: Partial<Record<IndicatorKey, string>> = {};
  for (const key of NUMERIC_INDICATOR_KEYS) {
    const s = last.indicators[key];
    const v = current[key].value;
    if (!s || typeof v !== "number") continue;
    out[key] = `${VERDICT_WORDS[standingKind(s, v)]} du réseau ${last.year}`;
  }
  return out;
}
