// The Positionnement tab: the layout that receives the network figures once the return is sent to the Union.
import { indicator, NUMERIC_INDICATOR_KEYS } from "../indicators/index.ts";
import { changeFormat, UNIT_FORMATS } from "./indicator-formats.ts";
import { HEADER_ROW } from "./layout.ts";
import { STYLES } from "./styles.ts";
import { addRow, finishTab, startTab } from "./tab-frame.ts";
import type { CellPlan, TabPlan } from "./types.ts";

/** The figures of one indicator row, in column order after the indicator's name. */
export const POSITIONING_METRICS = [
  "value",
  "networkMedian",
  "networkQ1",
  "networkQ3",
  "percentileRank",
  "quartile",
  "groupMedian",
  "change",
  "trajectory",
] as const;
export type PositioningMetric = (typeof POSITIONING_METRICS)[number];

export const POSITIONING_HEADERS = [
  "Indicateur",
  "Votre valeur",
  "Médiane du réseau",
  "Q1 du réseau",
  "Q3 du réseau",
  "Rang centile",
  "Quartile",
  "Médiane du groupe",
  "Évolution depuis N-1",
  "Trajectoire : votre valeur (médiane du réseau) par campagne",
] as const;

export const POSITIONING_INTRO =
  "Les chiffres du réseau arrivent après l'envoi du retour à l'Union : ils s'inscrivent alors ici (médiane, quartiles, rang centile, quartile, médiane du groupe de territoire, évolution depuis l'exercice précédent et trajectoire sur les campagnes tenues, « — » marquant une année sans valeur).";

/** The summary line before any figures have arrived. */
export const POSITIONING_WAITING = "En attente de l'envoi du retour à l'Union.";

/** Where the add-on writes a Positioning: one summary cell, then one row per numeric indicator. */
export const POSITIONING_LAYOUT = {
  summaryRow: HEADER_ROW,
  summaryCol: 0,
  headerRow: HEADER_ROW + 1,
  firstRow: HEADER_ROW + 2,
  /** Column of the first metric (the indicator's name is in column 0). */
  firstCol: 1,
  rows: NUMERIC_INDICATOR_KEYS,
  metrics: POSITIONING_METRICS,
} as const;

function metricFormat(metric: PositioningMetric, key: (typeof NUMERIC_INDICATOR_KEYS)[number]) {
  const unit = indicator(key).unit;
  if (metric === "trajectory") return null;
  if (metric === "percentileRank") return "0";
  if (metric === "quartile") return '"Q"0';
  if (metric === "change") return changeFormat(unit);
  return UNIT_FORMATS[unit];
}

export function positioningTab(name: string): TabPlan {
  const L = POSITIONING_LAYOUT;
  const draft = startTab("positioning", POSITIONING_HEADERS, [
    POSITIONING_INTRO,
    POSITIONING_WAITING,
  ]);
  const summary = draft.rows[L.summaryRow]?.[L.summaryCol];
  if (summary) summary.style = STYLES.muted;
  for (const key of L.rows) {
    const cells: Record<number, CellPlan> = {
      0: { value: indicator(key).name, style: STYLES.requiredLabel },
    };
    L.metrics.forEach((metric, i) => {
      const cell: CellPlan = { value: null, style: STYLES.computed };
      const format = metricFormat(metric, key);
      if (format) cell.numberFormat = format;
      cells[L.firstCol + i] = cell;
    });
    addRow(draft, cells);
  }
  return finishTab(draft, name, {
    // The trajectory's text runs on into the empty cells at its right; an equal width keeps one width call.
    columnWidths: [300, 130, 130, 100, 100, 100, 100, 150, 150, 150],
  });
}
