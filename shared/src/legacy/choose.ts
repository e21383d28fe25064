// When a field is found more than once: its expected tab first, then visible rows, then a cell with a value.
import type { Field } from "../schema/index.ts";
import type { Candidate } from "./candidate.ts";
import { isBlank, isVisibleRow } from "./sheet-view.ts";

/** 0 in the field's own tab, 1 for identification at the top of the first tab, 2 anywhere else. */
function placeRank(c: Candidate, f: Field): number {
  if (c.sheet.role === f.section) return 0;
  return f.section === "identification" && c.sheet.index === 0 ? 1 : 2;
}

function ranks(c: Candidate, f: Field): number[] {
  return [placeRank(c, f), isVisibleRow(c.sheet, c.row) ? 0 : 1, isBlank(c.raw) ? 1 : 0];
}

/** The candidates best first; ties keep workbook order (sheets, then rows). */
export function rankCandidates(candidates: readonly Candidate[], f: Field): Candidate[] {
  const keyed = candidates.map((c, order) => ({ c, key: [...ranks(c, f), order] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = (a.key[i] as number) - (b.key[i] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  return keyed.map((k) => k.c);
}
