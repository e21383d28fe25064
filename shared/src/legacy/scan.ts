// One pass over a sheet: the governance grid, label/value rows, and label rows that match nothing.
import type { Cell } from "../grid/index.ts";
import {
  fold,
  isEmptyCell,
  parseBool,
  parseDate,
  parseNumber,
  type RawCell,
} from "../values/parse.ts";
import type { Candidate, RowLabel, UnknownLabel } from "./candidate.ts";
import { type GridHeader, gridHeader, meetingCandidates, meetingOf } from "./governance-grid.ts";
import { normaliseLabel } from "./normalise.ts";
import { isBlank, rightEdge, type SheetView } from "./sheet-view.ts";
import { FIELD_BY_LABEL, OWN_WORDS, UNIT_WORDS } from "./vocabulary.ts";

/** Labels are looked for in the first columns only, so a stray cell far right cannot make a row expensive. */
const MAX_COLUMNS = 100;
/** Longer texts are notes or paragraphs, never labels. */
const MAX_LABEL_LENGTH = 160;
/** docs/domain.md (legacy workbooks): the value is the first non-empty cell up to four columns right of the label. */
const VALUE_REACH = 4;

export interface SheetScan {
  candidates: Candidate[];
  unknown: UnknownLabel[];
}

function rowLabels(cells: readonly Cell[]): RowLabel[] {
  const labels: RowLabel[] = [];
  const end = Math.min(cells.length, MAX_COLUMNS);
  for (let col = 0; col < end; col++) {
    const raw = cells[col];
    if (typeof raw !== "string" || raw.length > MAX_LABEL_LENGTH || !/\p{L}/u.test(raw)) continue;
    const norm = normaliseLabel(raw);
    if (norm !== "") labels.push({ col, norm });
  }
  return labels;
}

/** The column of a label's value: the first typed cell in reach, skipping unit cells; null if another label comes first. */
function valueColumn(sheet: SheetView, row: number, labelCol: number): number | null {
  const cells = sheet.grid.rows[row] ?? [];
  const from = rightEdge(sheet, row, labelCol) + 1;
  for (let col = from; col < Math.min(from + VALUE_REACH, cells.length); col++) {
    const raw = cells[col];
    if (isBlank(raw)) continue;
    if (typeof raw === "string") {
      if (UNIT_WORDS.has(fold(raw))) continue;
      // A long text is never a label, and normalising one costs time that grows faster than its length.
      if (raw.length <= MAX_LABEL_LENGTH && FIELD_BY_LABEL.has(normaliseLabel(raw))) return null;
    }
    return col;
  }
  return null;
}

/** A figure, a date, a yes/no or an address: what a data row holds, unlike headers and notes. */
function looksLikeData(raw: RawCell): boolean {
  if (isEmptyCell(raw)) return false;
  if (typeof raw !== "string") return true;
  return parseNumber(raw).ok || parseDate(raw).ok || parseBool(raw).ok || /\S@\S/.test(raw.trim());
}

/** Label/value pairs of one row, left to right (a row may hold several); true when any label matched. */
function labelRow(
  sheet: SheetView,
  row: number,
  labels: readonly RowLabel[],
  out: Candidate[],
): boolean {
  let consumedUpTo = -1;
  let matched = false;
  for (const { col, norm } of labels) {
    const f = col > consumedUpTo ? FIELD_BY_LABEL.get(norm) : undefined;
    if (!f) continue;
    matched = true;
    const valueCol = valueColumn(sheet, row, col);
    const at = valueCol ?? rightEdge(sheet, row, col) + 1;
    out.push({
      key: f.key,
      sheet,
      row,
      col: at,
      raw: valueCol === null ? null : (sheet.grid.rows[row]?.[valueCol] ?? null),
    });
    consumedUpTo = valueCol ?? col;
  }
  return matched;
}

/** The leftmost text of a row with data beside it, when it is not one of the Baromètre's own words. */
function unknownLabel(
  sheet: SheetView,
  row: number,
  labels: readonly RowLabel[],
): UnknownLabel | null {
  const first = labels[0];
  if (!first || OWN_WORDS.has(first.norm)) return null;
  const valueCol = valueColumn(sheet, row, first.col);
  const cells = sheet.grid.rows[row] ?? [];
  const value = valueCol === null ? null : cells[valueCol];
  if (valueCol === null || !looksLikeData(value)) return null;
  return { sheet, row, col: first.col, text: String(cells[first.col]), value };
}

export function scanSheet(sheet: SheetView): SheetScan {
  const candidates: Candidate[] = [];
  const unknown: UnknownLabel[] = [];
  let header: GridHeader | null = null;
  sheet.grid.rows.forEach((cells, row) => {
    const labels = rowLabels(cells);
    if (labels.length === 0) return;
    const newHeader = gridHeader(labels, row);
    if (newHeader) {
      header = newHeader;
      return;
    }
    const meeting = meetingOf(labels);
    if (meeting) {
      candidates.push(...meetingCandidates(sheet, row, meeting, header));
      return;
    }
    if (labelRow(sheet, row, labels, candidates)) return;
    const stray = unknownLabel(sheet, row, labels);
    if (stray) unknown.push(stray);
  });
  return { candidates, unknown };
}
