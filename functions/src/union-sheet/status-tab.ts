// The Suivi tab of the Union's sheet: the campaign's status board, one line per registered structure, then its
// response rate, share on time and share accepted after a blank line.
import type { StatusRates, StatusRow } from "../status/board.ts";
import { ratesLines, statusTable } from "../status/table.ts";
import type { SheetTab } from "./tables.ts";

export function statusTab(year: number, rows: readonly StatusRow[], rates: StatusRates): SheetTab {
  const table = statusTable(rows);
  return {
    kind: "status",
    title: `Suivi ${year}`,
    formats: table.head.map(() => undefined),
    rows: [
      table.head,
      ...table.rows.map((cells) => cells.map((c) => c ?? "")),
      [],
      ...ratesLines(rates),
    ],
  };
}
