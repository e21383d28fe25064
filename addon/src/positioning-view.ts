// The positioning the server returned, as the sidebar summarises it beside the Positionnement tab.
import {
  formatIndicatorValue,
  indicator,
  isSuppressed,
  NUMERIC_INDICATOR_KEYS,
  type Positioning,
  positioningCells,
  VERDICT_WORDS,
} from "@barometre/shared";
import type { PositioningView } from "./panel-types.ts";

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
      };
    });
  return {
    summary: positioningCells(p).summary.value,
    lines,
    fragile: p.fragile.map((key) => indicator(key).name),
  };
}
