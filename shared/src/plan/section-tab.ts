// A validated input tab of one section: one row per field with its label, input cell, unit and help.
import { FIELDS, type PimmsReturn, type SectionSpec } from "../schema/index.ts";
import { inputCell } from "./input-cell.ts";
import { FIRST_ROW, HEADER_ROW, SECTION_COLS } from "./layout.ts";
import { STYLES } from "./styles.ts";
import { addHeader, addRow, rect, startTab } from "./tab-frame.ts";
import type { TabPlan } from "./types.ts";

/** Appended to the label of a field required for a submission (the tab's sentence explains it). */
export const REQUIRED_MARK = " *";

const INTRO =
  "Saisissez les valeurs dans la colonne « Valeur » (cellules sur fond clair) ; les champs marqués * sont obligatoires pour l'envoi à l'Union. Le reste de l'onglet est protégé.";

export const SECTION_HEADERS = ["Libellé", "Valeur", "Unité", "Aide"] as const;

export function sectionTab(section: SectionSpec, name: string, ret: PimmsReturn | null): TabPlan {
  const draft = startTab(section.id, SECTION_HEADERS.length, [INTRO]);
  addHeader(draft, SECTION_HEADERS);
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
  const last = draft.rows.length - 1;
  return {
    kind: section.id,
    name,
    cells: draft.rows,
    columnWidths: [380, 170, 90, 560],
    frozenRows: FIRST_ROW,
    merges: draft.merges,
    protections: [
      {
        range: rect(0, 0, HEADER_ROW, draft.width - 1),
        description: "Titre et en-têtes du Baromètre",
      },
      {
        range: rect(FIRST_ROW, SECTION_COLS.label, last, SECTION_COLS.label),
        description: "Libellés du Baromètre",
      },
      {
        range: rect(FIRST_ROW, SECTION_COLS.unit, last, SECTION_COLS.help),
        description: "Unités et aides du Baromètre",
      },
    ],
    conditionalFormats: [],
  };
}
