// The governance grid of legacy workbooks: meeting rows under a Date / Président / Trésorier / Secrétaire header, in any order.
import type { MeetingId } from "../schema/index.ts";
import type { Candidate, RowLabel } from "./candidate.ts";
import type { SheetView } from "./sheet-view.ts";
import { GRID_COLUMN_BY_HEADER, type GridColumn, MEETING_BY_LABEL } from "./vocabulary.ts";

/** How many rows below its header a meeting row may sit (blank, hidden and note rows occur in between). */
const HEADER_REACH = 12;

export interface GridHeader {
  row: number;
  columns: ReadonlyMap<number, GridColumn>;
}

/** The row is a grid header when at least two distinct columns (date or officers) are named in it. */
export function gridHeader(labels: readonly RowLabel[], row: number): GridHeader | null {
  const columns = new Map<number, GridColumn>();
  for (const { col, norm } of labels) {
    const column = GRID_COLUMN_BY_HEADER.get(norm);
    if (column && ![...columns.values()].includes(column)) columns.set(col, column);
  }
  return columns.size >= 2 ? { row, columns } : null;
}

export function meetingOf(labels: readonly RowLabel[]): MeetingId | null {
  for (const { norm } of labels) {
    const meeting = MEETING_BY_LABEL.get(norm);
    if (meeting) return meeting;
  }
  return null;
}

/** The cells of one meeting row under the header above it, or nothing when no header is in reach. */
export function meetingCandidates(
  sheet: SheetView,
  row: number,
  meeting: MeetingId,
  header: GridHeader | null,
): Candidate[] {
  if (!header || row - header.row > HEADER_REACH) return [];
  const cells = sheet.grid.rows[row] ?? [];
  return [...header.columns].map(([col, column]) => ({
    key: `governance.${meeting}.${column}`,
    sheet,
    row,
    col,
    raw: cells[col] ?? null,
  }));
}
