// Where everything sits in the validated tabs: tab kinds, canonical names, rows, columns and each input's cell.
import { cellRef } from "../grid/index.ts";
import {
  type Field,
  field as fieldOf,
  MEETINGS,
  OFFICERS,
  SECTION_LIST,
  type SectionId,
} from "../schema/index.ts";
import type { TabKind } from "./types.ts";

/** The layout version written in every validated tab; bump it when rows or columns move. */
export const PLAN_VERSION = 1;

/** Tab kinds in workbook order (docs/domain.md). */
export const TAB_KINDS: readonly TabKind[] = [
  ...SECTION_LIST.map((s) => s.id),
  "indicators",
  "positioning",
];

export type TabNames = Record<TabKind, string>;

export const CANONICAL_TABS: TabNames = {
  ...(Object.fromEntries(SECTION_LIST.map((s) => [s.id, s.tab])) as Record<SectionId, string>),
  indicators: "Indicateurs",
  positioning: "Positionnement",
};

/** Rows every validated tab opens with: the title (with the marker at its right end), one sentence, the headers. */
export const TITLE_ROW = 0;
export const INTRO_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;

/** Columns of a section tab: one field per row. */
export const SECTION_COLS = { label: 0, value: 1, unit: 2, help: 3 } as const;

/** Columns of the governance grid: one meeting per row, the date then one column per officer. */
export const GOVERNANCE_COLS = {
  meeting: 0,
  date: 1,
  firstOfficer: 2,
  help: 2 + OFFICERS.length,
} as const;

export interface InputPosition {
  kind: SectionId;
  row: number;
  col: number;
}

/** The 0-based cell of a field's input in its validated tab. */
export function inputPosition(f: Field): InputPosition {
  if (f.section === "governance") {
    const [meeting, part] = f.path as [string, string];
    const officer = OFFICERS.findIndex((o) => o.id === part);
    return {
      kind: f.section,
      row: FIRST_ROW + MEETINGS.findIndex((m) => m.id === meeting),
      col: officer < 0 ? GOVERNANCE_COLS.date : GOVERNANCE_COLS.firstOfficer + officer,
    };
  }
  const section = SECTION_LIST.find((s) => s.id === f.section);
  const index = section?.fields.findIndex((spec) => spec.id === f.id) ?? -1;
  return { kind: f.section, row: FIRST_ROW + index, col: SECTION_COLS.value };
}

/**
 * The A1 reference ("'Données financières'!B7") of a field's input cell in the validated tabs, so findings
 * point at the cell to fix; pass the workbook's tab names when a clash renamed them (see planTabNames).
 */
export function plannedCell(fieldKey: string, names: TabNames = CANONICAL_TABS): string {
  const at = inputPosition(fieldOf(fieldKey));
  return cellRef(names[at.kind], at.row, at.col);
}
