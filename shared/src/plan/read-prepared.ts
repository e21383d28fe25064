// Reads a return back from the validated tabs of a prepared workbook, each input at its planned cell.
import { cellRef, type SheetGrid, type WorkbookGrid } from "../grid/index.ts";
import type { ImportResult } from "../import-result.ts";
import {
  emptyReturn,
  FIELDS,
  type Field,
  MEETINGS,
  OFFICERS,
  SECTION_LIST,
  setValue,
} from "../schema/index.ts";
import { type Finding, sortFindings, validateReturn } from "../validation/index.ts";
import { fold, parseFieldValue } from "../values/index.ts";
import { GOVERNANCE_COLS, HEADER_ROW, inputPosition, SECTION_COLS } from "./layout.ts";
import { findPreparedTabs } from "./marker.ts";

const text = (sheet: SheetGrid, row: number, col: number): string => {
  const cell = sheet.rows[row]?.[col];
  return typeof cell === "string" ? fold(cell.replace(/\s*\*$/, "")) : "";
};

/**
 * The planned row of a label, or the row where it now stands if the user inserted or deleted rows
 * (labels are protected only by a warning).
 */
function rowOf(sheet: SheetGrid, planned: number, col: number, label: string): number {
  const wanted = fold(label);
  if (text(sheet, planned, col) === wanted) return planned;
  const moved = sheet.rows.findIndex((_, r) => r > HEADER_ROW && text(sheet, r, col) === wanted);
  return moved < 0 ? planned : moved;
}

function colOf(sheet: SheetGrid, planned: number, header: string): number {
  const wanted = fold(header);
  if (text(sheet, HEADER_ROW, planned) === wanted) return planned;
  const moved = (sheet.rows[HEADER_ROW] ?? []).findIndex(
    (_, c) => text(sheet, HEADER_ROW, c) === wanted,
  );
  return moved < 0 ? planned : moved;
}

function cellOfField(sheet: SheetGrid, f: Field): { row: number; col: number } {
  const at = inputPosition(f);
  if (f.section !== "governance") {
    return { row: rowOf(sheet, at.row, SECTION_COLS.label, f.label), col: at.col };
  }
  const [meetingId, part] = f.path as [string, string];
  const meeting = MEETINGS.find((m) => m.id === meetingId);
  const officer = OFFICERS.find((o) => o.id === part);
  return {
    row: rowOf(sheet, at.row, GOVERNANCE_COLS.meeting, meeting?.label ?? ""),
    col: colOf(sheet, at.col, officer ? officer.label : "Date"),
  };
}

/** The return held in a prepared workbook's validated tabs, or null when it has none. */
export function readPrepared(grid: WorkbookGrid): ImportResult | null {
  const prepared = findPreparedTabs(grid);
  if (prepared.length === 0) return null;
  const ret = emptyReturn();
  const cells: Record<string, string> = {};
  const findings: Finding[] = [];
  const unreadable = new Set<string>();
  for (const section of SECTION_LIST) {
    const tabs = prepared.filter((t) => t.kind === section.id);
    const sheet = grid.sheets.find((s) => s.name === tabs[0]?.sheet);
    if (!sheet) {
      findings.push({
        severity: "warning",
        field: null,
        cell: null,
        message: `L'onglet validé « ${section.tab} » est absent du classeur : ses champs sont lus comme vides.`,
      });
      continue;
    }
    if (tabs.length > 1) {
      findings.push({
        severity: "warning",
        field: null,
        cell: null,
        message: `Le classeur contient ${tabs.length} onglets validés « ${section.tab} » : seul « ${sheet.name} » est lu.`,
      });
    }
    for (const f of FIELDS.filter((x) => x.section === section.id)) {
      const { row, col } = cellOfField(sheet, f);
      const ref = cellRef(sheet.name, row, col);
      cells[f.key] = ref;
      const parsed = parseFieldValue(f, sheet.rows[row]?.[col]);
      setValue(ret, f, parsed.value);
      if (parsed.problem) {
        unreadable.add(f.key);
        findings.push({ severity: "error", field: f.key, cell: ref, message: parsed.problem });
      }
    }
  }
  // A value that could not be read already has its finding: "est obligatoire" would only repeat it.
  const rules = validateReturn(ret, (key) => cells[key] ?? null).filter(
    (x) => x.field === null || !unreadable.has(x.field),
  );
  return { ret, findings: sortFindings([...findings, ...rules]), cells };
}
