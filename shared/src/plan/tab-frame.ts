// What every validated tab shares: the title row with its marker, full-width sentences, the header row.
import type { Range0 } from "../grid/index.ts";
import { CANONICAL_TABS } from "./layout.ts";
import { markerText } from "./marker.ts";
import { STYLES } from "./styles.ts";
import type { CellPlan, TabKind } from "./types.ts";

export type Row = (CellPlan | null)[];

export interface TabDraft {
  width: number;
  rows: Row[];
  merges: Range0[];
}

const blank = (width: number): Row => Array.from({ length: width }, () => null);

/** Title row (the canonical name, the marker in the last column), then one merged row per sentence. */
export function startTab(kind: TabKind, width: number, sentences: readonly string[]): TabDraft {
  const title = blank(width);
  title[0] = { value: CANONICAL_TABS[kind], style: STYLES.title };
  title[width - 1] = { value: markerText(kind), style: STYLES.marker };
  const draft: TabDraft = { width, rows: [title], merges: [] };
  for (const sentence of sentences) {
    const row = blank(width);
    row[0] = { value: sentence, style: STYLES.intro };
    draft.merges.push({
      top: draft.rows.length,
      left: 0,
      bottom: draft.rows.length,
      right: width - 1,
    });
    draft.rows.push(row);
  }
  return draft;
}

export function addHeader(draft: TabDraft, labels: readonly string[]): void {
  draft.rows.push(labels.map((value) => ({ value, style: STYLES.header })));
}

/** Appends a row given as column → cell. */
export function addRow(draft: TabDraft, cells: Readonly<Record<number, CellPlan>>): void {
  const row = blank(draft.width);
  for (const [col, cell] of Object.entries(cells)) row[Number(col)] = cell;
  draft.rows.push(row);
}

export const rect = (top: number, left: number, bottom: number, right: number): Range0 => ({
  top,
  left,
  bottom,
  right,
});
