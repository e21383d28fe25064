// A validated input tab of one section: one row per field with its label, input cell, unit and help.
import { FIELDS, type PimmsReturn, type SectionSpec } from "../schema/index.ts";
import { inputCell } from "./input-cell.ts";
import { SECTION_COLS } from "./layout.ts";
import { STYLES } from "./styles.ts";
import { addRow, finishTab, startTab } from "./tab-frame.ts";
import type { TabPlan } from "./types.ts";

/** Appended to the label of a field required for a submission (the tab's sentence explains it). */
export const REQUIRED_MARK = " *";

const INTRO =
  "Saisissez les valeurs dans la colonne « Valeur » (cellules sur fond clair) ; les champs marqués * sont obligatoires pour l'envoi à l'Union. Le reste de l'onglet est protégé.";

export const SECTION_HEADERS = ["Libellé", "Valeur", "Unité", "Aide"] as const;

export function sectionTab(section: SectionSpec, name: string, ret: PimmsReturn | null): TabPlan {
  const draft = startTab(section.id, SECTION_HEADERS, [INTRO]);
  for (const f of FIELDS.filter((x) => x.section === section.id)) {
    addRow(draft, {
      [SECTION_COLS.label]: {
        value: f.required ? f.label + REQUIRED_MARK : f.label,
        style: f.required ? STYLES.requiredLabel : STYLES.label,
      },
      [SECTION_COLS.value]: inputCell(f, ret),
      [SECTION_COLS.unit]: { value: f.unit ?? null, style: STYLES.unit },
      [SECTION_COLS.help]: { value: f.help, style: STYLES.help },
    });
  }
  return finishTab(draft, name, {
    columnWidths: [380, 170, 100, 560],
  });
}
