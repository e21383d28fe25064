// A workbook grid whose rows and cells count how often the importer reads them: work per cell, measured exactly.
import type { WorkbookGrid } from "@barometre/shared";

export function countCellReads(grid: WorkbookGrid): { grid: WorkbookGrid; reads(): number } {
  let reads = 0;
  const counted = <T>(items: T[]): T[] =>
    new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  return {
    grid: { sheets: grid.sheets.map((s) => ({ ...s, rows: counted(s.rows.map(counted)) })) },
    reads: () => reads,
  };
}
