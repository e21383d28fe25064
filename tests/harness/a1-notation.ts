// A1 notation for the harness: "B3", "A1:C4", "'Données financières'!D12" to 0-based rectangles and back.
import { a1, type Range0 } from "@barometre/shared";

export interface SheetRange extends Range0 {
  /** Null when the notation names no sheet. */
  sheet: string | null;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function parseCell(text: string): { row: number; col: number } {
  const m = CELL.exec(text.toUpperCase());
  if (!m) throw new Error(`Exception: Range not found: ${text}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseA1(notation: string): SheetRange {
  let sheet: string | null = null;
  let rest = notation;
  const bang = notation.lastIndexOf("!");
  if (bang >= 0) {
    const raw = notation.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    rest = notation.slice(bang + 1);
  }
  const [from, to = from] = rest.split(":") as [string, string?];
  const start = parseCell(from);
  const end = parseCell(to);
  return {
    sheet,
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function formatA1(r: Range0): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}
