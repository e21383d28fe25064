// The positioning the server returned, as the sidebar summarises it beside the Positionnement tab.
import {
  formatIndicatorValue,
  type IndicatorPositioning,
  indicator,
  isSuppressed,
  NUMERIC_INDICATOR_KEYS,
  type Positioning,
  positioningCells,
  VERDICT_WORDS,
} from "@barometre/shared";
import type { PositioningView, TrajectoryView } from "./panel-types.ts";

const DIRECTIONS = {
  up: ["↗", "en hausse"],
  down: ["↘", "en baisse"],
  same: ["→", "stable"],
} as const;

/** The values per campaign and the direction from the first value to the last (stable when they read the same). */
function trajectoryView(i: IndicatorPositioning): TrajectoryView | null {
  const points = i.trajectory ?? [];
  if (points.length < 2) return null;
  const said = (v: number) => formatIndicatorValue(i.key, v);
  const known = points.flatMap((t) => (t.value === null ? [] : [{ ...t, value: t.value }]));
  const [first, last] = [known[0], known[known.length - 1]];
  const direction =
    !first || !last || known.length < 2
      ? null
      : said(first.value) === said(last.value)
        ? DIRECTIONS.same
        : DIRECTIONS[last.value > first.value ? "up" : "down"];
  return {
    points: points.map((t) => ({ year: t.year, value: t.value === null ? null : said(t.value) })),
    arrow: direction?.[0] ?? null,
    trend: direction && first ? `${direction[1]} depuis ${first.year}` : null,
  };
}

export function positioningView(p: Positioning): PositioningView {
  const lines = p.indicators
    .filter((i) => NUMERIC_INDICATOR_KEYS.includes(i.key))
    .map((i) => {
      const stats = i.network.stats;
      return {
        name: indicator(i.key).name,
        value: formatIndicatorValue(i.key, i.value),
        median:
          stats === null || isSuppressed(stats)
            ? "masquée"
            : formatIndicatorValue(i.key, stats.median),
        // In words that hold with ties (a value at the network's highest level is never "Q2").
        position: i.network.verdict ? VERDICT_WORDS[i.network.verdict.kind] : "—",
        trajectory: trajectoryView(i),
      };
    });
  return {
    summary: positioningCells(p).summary.value,
    lines,
    fragile: p.fragile.map((key) => indicator(key).name),
  };
}
