// The input cells of a tab (those with a data validation) as the fewest rectangles, for one protection's editable areas.
import type { Range0 } from "../grid/index.ts";
import type { CellPlan } from "./types.ts";

/** Runs of input cells down each column, each joined to the run at its left spanning the same rows. */
export function inputAreas(cells: readonly (readonly (CellPlan | null)[])[]): Range0[] {
  const width = Math.max(0, ...cells.map((row) => row.length));
  const areas: Range0[] = [];
  const close = (top: number, bottom: number, col: number) => {
    const left = areas.find((a) => a.right === col - 1 && a.top === top && a.bottom === bottom);
    if (left) left.right = col;
    else areas.push({ top, left: col, bottom, right: col });
  };
  for (let col = 0; col < width; col++) {
    let top = -1;
    cells.forEach((row, r) => {
      const input = row[col]?.validation !== undefined;
      if (input && top < 0) top = r;
      if (!input && top >= 0) {
        close(top, r - 1, col);
        top = -1;
      }
    });
    if (top >= 0) close(top, cells.length - 1, col);
  }
  return areas;
}
