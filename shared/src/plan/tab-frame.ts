// What every validated tab shares: the title row with its marker, full-width sentences, the header row, one protection.
import type { Range0 } from "../grid/index.ts";
import { inputAreas } from "./input-areas.ts";
import { CANONICAL_TABS } from "./layout.ts";
import { markerText } from "./marker.ts";
import { STYLES } from "./styles.ts";
import type { CellPlan, ConditionalFormatPlan, TabKind, TabPlan } from "./types.ts";

export type Row = (CellPlan | null)[];

export interface TabDraft {
  kind: TabKind;
  width: number;
  /** The row of the column headers; the body starts below it. */
  headerRow: number;
  rows: Row[];
  merges: Range0[];
}

const blank = (width: number): Row => Array.from({ length: width }, () => null);

export const rect = (top: number, left: number, bottom: number, right: number): Range0 => ({
  top,
  left,
  bottom,
  right,
});

/** Title row (the canonical name, the marker in the last column), one merged row per sentence, the headers. */
export function startTab(
  kind: TabKind,
  headers: readonly string[],
  sentences: readonly string[],
): TabDraft {
  const width = headers.length;
  const title = blank(width);
  title[0] = { value: CANONICAL_TABS[kind], style: STYLES.title };
  title[width - 1] = { value: markerText(kind), style: STYLES.marker };
  const draft: TabDraft = {
    kind,
    width,
    headerRow: 1 + sentences.length,
    rows: [title],
    merges: [],
  };
  for (const sentence of sentences) {
    const row = blank(width);
    row[0] = { value: sentence, style: STYLES.intro };
    draft.merges.push(rect(draft.rows.length, 0, draft.rows.length, width - 1));
    draft.rows.push(row);
  }
  draft.rows.push(headers.map((value) => ({ value, style: STYLES.header })));
  return draft;
}

/** Appends a row given as column → cell. */
export function addRow(draft: TabDraft, cells: Readonly<Record<number, CellPlan>>): void {
  const row = blank(draft.width);
  for (const [col, cell] of Object.entries(cells)) row[Number(col)] = cell;
  draft.rows.push(row);
}

export interface TabFinish {
  /**
   * Pixels, one per column. 100 is a new Google sheet's own width and equal neighbours are set
   * together, so each other width costs the add-on one call: keep few distinct ones.
   */
  columnWidths: number[];
  conditionalFormats?: ConditionalFormatPlan[];
}

/** Shown in the spreadsheet's list of protected sheets. */
export const PROTECTION_DESCRIPTIONS = {
  inputs:
    "Baromètre des PIMMS : seules les cellules de saisie (sur fond clair) se modifient sans avertissement.",
  computed: "Baromètre des PIMMS : onglet calculé, toute modification demande une confirmation.",
} as const;

/** The finished tab: everything above the body is frozen; the whole tab warns before an edit, except its inputs. */
export function finishTab(draft: TabDraft, name: string, finish: TabFinish): TabPlan {
  const editable = inputAreas(draft.rows);
  return {
    kind: draft.kind,
    name,
    cells: draft.rows,
    columnWidths: finish.columnWidths,
    frozenRows: draft.headerRow + 1,
    merges: draft.merges,
    protection: {
      description:
        editable.length > 0 ? PROTECTION_DESCRIPTIONS.inputs : PROTECTION_DESCRIPTIONS.computed,
      editable,
    },
    conditionalFormats: finish.conditionalFormats ?? [],
  };
}
