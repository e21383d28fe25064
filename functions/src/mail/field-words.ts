// How a mail names a field of the return for a person: its label and where the prepared workbook holds it, never its key.
import { findField, plannedCell, sectionOf } from "@barometre/shared";

/** « dont autres charges (onglet « Données financières », cellule B12) »; an unknown key is given as it is. */
export function fieldInWords(key: string): string {
  const f = findField(key);
  if (!f) return key;
  const cell = plannedCell(key).split("!").pop();
  return `${f.label} (onglet « ${sectionOf(f.section).tab} », cellule ${cell})`;
}
