// Tabs a stopped preparation left behind: blank sheets named as a validated tab, which the next run replaces.
import { CANONICAL_TABS, CLASH_SUFFIX, type SheetGrid, TAB_KINDS } from "@barometre/shared";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Identification", "Identification ✓", "Identification ✓2": the names planTabNames gives. */
const PLANNED_NAME = new RegExp(
  `^(${TAB_KINDS.map((k) => escapeRegExp(CANONICAL_TABS[k])).join("|")})(${escapeRegExp(CLASH_SUFFIX)}\\d*)?$`,
  "i",
);

const isBlank = (grid: SheetGrid) =>
  grid.rows.every((row) => row.every((cell) => cell === "" || cell === null));

/**
 * Indexes of the sheets a preparation inserted but stopped before filling (Apps Script ends a run after
 * six minutes, whatever the script does): blank, so deleting one loses nothing.
 */
export function leftoverTabs(sheets: readonly SheetGrid[]): number[] {
  return sheets.flatMap((grid, i) => (PLANNED_NAME.test(grid.name) && isBlank(grid) ? [i] : []));
}
