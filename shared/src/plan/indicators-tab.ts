// The Indicateurs tab: each indicator's live formula, status band from threshold cells, and its fiche.

import { a1 } from "../grid/index.ts";
import {
  type BandSettings,
  bandsFor,
  INDICATORS,
  type IndicatorDef,
  indicatorFormula,
  STATUS_LABELS,
  type Status,
  statusFormula,
} from "../indicators/index.ts";
import { thresholdFormat, UNIT_FORMATS, UNIT_TEXT } from "./indicator-formats.ts";
import { FORMATS, YES } from "./input-cell.ts";
import { FIRST_ROW } from "./layout.ts";
import { STATUS_COLOURS, STYLES } from "./styles.ts";
import { addRow, finishTab, rect, startTab } from "./tab-frame.ts";
import type { CellPlan, TabPlan } from "./types.ts";

export const INDICATOR_COLS = {
  number: 0,
  name: 1,
  value: 2,
  unit: 3,
  status: 4,
  green: 5,
  orange: 6,
  definition: 7,
  formula: 8,
} as const;

export const INDICATOR_HEADERS = [
  "N°",
  "Indicateur",
  "Valeur",
  "Unité",
  "Statut",
  "Seuil vert",
  "Seuil orange",
  "Définition",
  "Calcul",
] as const;

/** Shown in the status column of an indicator that has no bands. */
export const NO_BANDS = "sans objet";

const INTRO =
  "Les indicateurs se calculent en direct à partir des onglets validés ; une valeur qui ne peut pas être calculée affiche « non calculable » et sa raison. Le statut (Vert, Orange, Rouge) compare la valeur aux seuils de la campagne.";

/** The 0-based row of an indicator in the Indicateurs tab. */
export const indicatorRow = (def: IndicatorDef): number => FIRST_ROW + INDICATORS.indexOf(def);

function statusCells(
  def: IndicatorDef,
  row: number,
  settings: BandSettings,
): Record<number, CellPlan> {
  const bands = bandsFor(def.key, settings);
  const C = INDICATOR_COLS;
  if (bands === null) return { [C.status]: { value: NO_BANDS, style: STYLES.muted } };
  const status: CellPlan = {
    formula: statusFormula(bands, a1(row, C.value), a1(row, C.green), a1(row, C.orange)),
    style: STYLES.status,
  };
  if (bands.kind === "boolean")
    return { [C.status]: status, [C.green]: { value: YES, style: STYLES.unit } };
  const threshold = (band: typeof bands.green): CellPlan => {
    const cell: CellPlan = { value: band.value, style: STYLES.unit };
    const format = thresholdFormat(def.unit, band.op);
    if (format) cell.numberFormat = format;
    return cell;
  };
  return {
    [C.status]: status,
    [C.green]: threshold(bands.green),
    [C.orange]: threshold(bands.orange),
  };
}

export function indicatorsTab(name: string, settings: BandSettings = {}): TabPlan {
  const C = INDICATOR_COLS;
  const draft = startTab("indicators", INDICATOR_HEADERS, [INTRO]);
  for (const def of INDICATORS) {
    const row = indicatorRow(def);
    const value: CellPlan = { formula: indicatorFormula(def), style: STYLES.computed };
    const format = UNIT_FORMATS[def.unit];
    if (format) value.numberFormat = format;
    addRow(draft, {
      [C.number]: { value: def.number, numberFormat: FORMATS.text, style: STYLES.label },
      [C.name]: { value: def.name, style: STYLES.requiredLabel },
      [C.value]: value,
      [C.unit]: { value: UNIT_TEXT[def.unit], style: STYLES.unit },
      ...statusCells(def, row, settings),
      [C.definition]: { value: def.definition, style: STYLES.help },
      [C.formula]: { value: def.formulaInWords, style: STYLES.help },
    });
  }
  const statusRange = rect(FIRST_ROW, C.status, draft.rows.length - 1, C.status);
  return finishTab(draft, name, {
    columnWidths: [40, 300, 170, 170, 100, 100, 100, 420, 420],
    conditionalFormats: (Object.keys(STATUS_COLOURS) as Status[]).map((status) => ({
      range: statusRange,
      text: STATUS_LABELS[status],
      ...STATUS_COLOURS[status],
    })),
  });
}
