// The values the add-on writes into the Positionnement tab from a structure's Positioning, in two rectangles.

import { formatIndicatorValue, indicator } from "../indicators/index.ts";
import type { GroupView, IndicatorPositioning, Positioning } from "../positioning/index.ts";
import { isSuppressed } from "../stats/index.ts";
import { formatNumber } from "../values/index.ts";
import { POSITIONING_LAYOUT, type PositioningMetric } from "./positioning-tab.ts";

export type SheetValue = string | number | null;

/** Written where a statistic is hidden because its group is too small (the summary says why). */
export const HIDDEN = "masqué";

export interface PositioningCells {
  summary: { row: number; col: number; value: string };
  /** Values of the rectangle starting at (row, col): one row per numeric indicator, one column per metric. */
  block: { row: number; col: number; values: SheetValue[][] };
}

function median(view: GroupView | null): SheetValue {
  if (!view?.stats) return null;
  return isSuppressed(view.stats) ? HIDDEN : view.stats.median;
}

function quantiles(view: GroupView): { q1: SheetValue; q3: SheetValue } {
  const s = view.stats;
  if (!s) return { q1: null, q3: null };
  return isSuppressed(s) ? { q1: HIDDEN, q3: HIDDEN } : { q1: s.q1, q3: s.q3 };
}

function metricValues(p: IndicatorPositioning): Record<PositioningMetric, SheetValue> {
  const { q1, q3 } = quantiles(p.network);
  const rate = indicator(p.key).unit === "percent";
  return {
    value: typeof p.value === "number" ? p.value : p.reason ? "non calculable" : null,
    networkMedian: median(p.network),
    networkQ1: q1,
    networkQ3: q3,
    percentileRank: p.network.position.percentileRank,
    quartile: p.network.position.quartile,
    groupMedian: median(p.group),
    // A rate's change is a fraction: shown in percentage points like the reasons' changes.
    change: p.change === null ? null : rate ? p.change * 100 : p.change,
    trajectory: trajectoryText(p),
  };
}

/** "2016 : 12,3 % (11,0 %) ; 2017 : — (11,4 %) ; 2018 : 14,0 % (12,0 %)": a gap is a dash, never a zero. */
function trajectoryText(p: IndicatorPositioning): SheetValue {
  const points = p.trajectory ?? [];
  if (points.length === 0) return null;
  const said = (v: number | null) => (v === null ? "—" : formatIndicatorValue(p.key, v));
  return points.map((t) => `${t.year} : ${said(t.value)} (${said(t.networkMedian)})`).join(" ; ");
}

function summary(p: Positioning): string {
  const parts = [
    `Positionnement parmi ${formatNumber(p.networkSize)} structure${p.networkSize > 1 ? "s" : ""} du réseau${p.territory ? ` ; groupe de comparaison : ${p.territory}` : ""}.`,
  ];
  const hidden = p.indicators
    .flatMap((i) => [i.network, i.group])
    .find((v) => v?.suppressedSentence);
  if (hidden?.suppressedSentence) parts.push(`« ${HIDDEN} » : ${hidden.suppressedSentence}`);
  return parts.join(" ");
}

export function positioningCells(p: Positioning): PositioningCells {
  const L = POSITIONING_LAYOUT;
  const byKey = new Map(p.indicators.map((i) => [i.key, i]));
  const values = L.rows.map((key) => {
    const row = byKey.get(key);
    return L.metrics.map((metric) => (row ? metricValues(row)[metric] : null));
  });
  return {
    summary: { row: L.summaryRow, col: L.summaryCol, value: summary(p) },
    block: { row: L.firstRow, col: L.firstCol, values },
  };
}
