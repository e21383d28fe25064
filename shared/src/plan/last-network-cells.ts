// Before sending: the Positionnement tab shows the last closed campaign's network, with formulas that place each live indicator in it as it is typed.
import { indicatorName } from "../indicators/formula.ts";
import type { LastNetwork, LastNetworkIndicator } from "../positioning/last-network.ts";
import { formatNumber } from "../values/format.ts";
import type { PositioningCells, SheetValue } from "./positioning-cells.ts";
import { POSITIONING_LAYOUT, type PositioningMetric } from "./positioning-tab.ts";

/** The quartile the value would take, the highest and lowest levels first (ties never read below the middle). */
function quartileFormula(x: string, s: LastNetworkIndicator): string {
  let f = `IF(${x}>${s.q3},4,IF(${x}>${s.median},3,IF(${x}>=${s.q1},2,1)))`;
  if (s.lowest !== null) f = `IF(${x}<=${s.lowest},1,${f})`;
  if (s.highest !== null) f = `IF(${x}>=${s.highest},4,${f})`;
  return `=IF(ISNUMBER(${x}),${f},"")`;
}

export function lastNetworkCells(last: LastNetwork): PositioningCells {
  const L = POSITIONING_LAYOUT;
  const values = L.rows.map((key) => {
    const s = last.indicators[key];
    const x = indicatorName(key);
    const cells: Record<PositioningMetric, SheetValue> = {
      value: `=${x}`,
      networkMedian: s?.median ?? null,
      networkQ1: s?.q1 ?? null,
      networkQ3: s?.q3 ?? null,
      percentileRank: null,
      quartile: s ? quartileFormula(x, s) : null,
      groupMedian: null,
      change: null,
      trajectory: null,
    };
    return L.metrics.map((m) => cells[m]);
  });
  return {
    summary: {
      row: L.summaryRow,
      col: L.summaryCol,
      value: `Avant envoi : vos valeurs placées dans le réseau ${last.year} (dernière campagne close, ${formatNumber(last.size)} structures). Après l'envoi, les chiffres de la campagne en cours les remplacent.`,
    },
    block: { row: L.firstRow, col: L.firstCol, values },
  };
}
