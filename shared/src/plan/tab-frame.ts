// What every validated tab shares: the title row with its marker, full-width sentences, the protected header row.
import type { Range0 } from "../grid/index.ts";
import { CANONICAL_TABS } from "./layout.ts";
import { markerText } from "./marker.ts";
import { STYLES } from "./styles.ts";
import type { CellPlan, ConditionalFormatPlan, ProtectionPlan, TabKind, TabPlan } from "./types.ts";

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
  /** Pixels, one per column. */
  columnWidths: number[];
  /** Column ranges of the body (below the headers) the user is warned before editing. */
  protectedColumns: readonly { from: number; to: number; description: string }[];
  conditionalFormats?: ConditionalFormatPlan[];
}

/** The finished tab: everything above the body is frozen and protected, so are the listed body columns. */
export function finishTab(draft: TabDraft, name: string, finish: TabFinish): TabPlan {
  const header = draft.headerRow;
  const last = draft.rows.length - 1;
  const protections: ProtectionPlan[] = [
    { range: rect(0, 0, header, draft.width - 1), description: "Titre et en-têtes du Baromètre" },
    ...finish.protectedColumns.map((p) => ({
      range: rect(header + 1, p.from, last, p.to),
      description: p.description,
    })),
  ];
  return {
    kind: draft.kind,
    name,
    cells: draft.rows,
    columnWidths: finish.columnWidths,
    frozenRows: header + 1,
    merges: draft.merges,
    protections,
    conditionalFormats: finish.conditionalFormats ?? [],
  };
}
