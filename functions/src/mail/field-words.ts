// How a mail names a field of the return for a person: its label and where the prepared workbook holds it, never its key.
import { a1, CANONICAL_TABS, findField, inputPosition } from "@barometre/shared";

/** « dont autres charges (onglet « Données financières », cellule B12) »; an unknown key is given as it is. */
export function fieldInWords(key: string): string {
  const f = findField(key);
  if (!f) return key;
  const at = inputPosition(f);
  return `${f.label} (onglet « ${CANONICAL_TABS[at.kind]} », cellule ${a1(at.row, at.col)})`;
}
