// Reads a legacy "outil de données économiques et sociales" workbook (docs/domain.md, legacy workbooks) into a return with its findings.
import { cellRef, type WorkbookGrid } from "../grid/index.ts";
import type { ImportResult } from "../import-result.ts";
import {
  emptyReturn,
  FIELDS,
  type Field,
  type FieldValue,
  type PimmsReturn,
  sectionOf,
  setValue,
} from "../schema/index.ts";
import { type Finding, sortFindings, validateReturn } from "../validation/index.ts";
import { parseFieldValue } from "../values/field.ts";
import { formatRaw } from "../values/format.ts";
import type { Candidate } from "./candidate.ts";
import { spreadsheetError } from "./cell-error.ts";
import { rankCandidates } from "./choose.ts";
import { type SheetScan, scanSheet } from "./scan.ts";
import { viewSheet } from "./sheet-view.ts";
import { unknownLabelFindings } from "./unknown-labels.ts";

type Reading = { ok: true; value: FieldValue } | { ok: false; message: string };

function readCell(f: Field, c: Candidate): Reading {
  const error = spreadsheetError(c.raw);
  if (error) {
    return {
      ok: false,
      message: `« ${f.label} » : la cellule contient l'erreur ${error} (formule cassée) ; corrigez la formule ou saisissez la valeur.`,
    };
  }
  const parsed = parseFieldValue(f, c.raw);
  return parsed.problem === null
    ? { ok: true, value: parsed.value }
    : { ok: false, message: parsed.problem };
}

const at = (c: Candidate) => cellRef(c.sheet.grid.name, c.row, c.col);

function notFound(f: Field): Finding {
  return {
    severity: f.required ? "error" : "warning",
    field: f.key,
    cell: null,
    message: `« ${f.label} » est introuvable dans le classeur (attendu dans l'onglet « ${sectionOf(f.section).tab} »).`,
  };
}

/** A second cell for the same field whose value differs from the one kept. */
function conflict(
  f: Field,
  kept: Candidate,
  value: FieldValue,
  others: Candidate[],
): Finding | null {
  const other = others.find((c) => {
    const reading = readCell(f, c);
    return !reading.ok || reading.value !== value;
  });
  if (!other) return null;
  return {
    severity: "warning",
    field: f.key,
    cell: at(kept),
    message: `« ${f.label} » figure plusieurs fois avec des valeurs différentes : ${at(kept)} (« ${formatRaw(kept.raw)} ») est retenue, ${at(other)} (« ${formatRaw(other.raw)} ») est ignorée.`,
  };
}

const NOTHING_RECOGNISED: Finding = {
  severity: "error",
  field: null,
  cell: null,
  message:
    "Aucune donnée du Baromètre n'a été reconnue dans ce classeur : est-ce bien l'outil de données économiques et sociales ?",
};

/** Every sheet the reader scans, and the cells found for each field. */
function scanWorkbook(grid: WorkbookGrid): { scans: SheetScan[]; byKey: Map<string, Candidate[]> } {
  const scans = grid.sheets
    .map(viewSheet)
    .filter((sheet) => sheet.role !== "computed")
    .map(scanSheet);
  const byKey = new Map<string, Candidate[]>();
  for (const c of scans.flatMap((s) => s.candidates)) {
    const list = byKey.get(c.key);
    if (list) list.push(c);
    else byKey.set(c.key, [c]);
  }
  return { scans, byKey };
}

/**
 * The rows whose visibility can change what the reader keeps: those of a field found more than once. A reader
 * that pays a call per row to learn whether it is hidden (Apps Script) asks about these only.
 */
export function rowsWhereVisibilityMatters(grid: WorkbookGrid): { sheet: number; row: number }[] {
  const rows = new Map<string, { sheet: number; row: number }>();
  for (const candidates of scanWorkbook(grid).byKey.values()) {
    if (candidates.length < 2) continue;
    for (const c of candidates)
      rows.set(`${c.sheet.index}:${c.row}`, { sheet: c.sheet.index, row: c.row });
  }
  return [...rows.values()];
}

export function readLegacyWorkbook(grid: WorkbookGrid): ImportResult {
  const { scans, byKey } = scanWorkbook(grid);
  const ret: PimmsReturn = emptyReturn();
  const cells: Record<string, string> = {};
  const findings: Finding[] = [];
  // Fields already reported as missing or unreadable: validation would only repeat "obligatoire" for them.
  const reported = new Set<string>();
  for (const f of FIELDS) {
    const [kept, ...others] = rankCandidates(byKey.get(f.key) ?? [], f);
    if (!kept) {
      findings.push(notFound(f));
      reported.add(f.key);
      continue;
    }
    cells[f.key] = at(kept);
    const reading = readCell(f, kept);
    if (!reading.ok) {
      findings.push({ severity: "error", field: f.key, cell: at(kept), message: reading.message });
      reported.add(f.key);
      continue;
    }
    setValue(ret, f, reading.value);
    const clash = conflict(f, kept, reading.value, others);
    if (clash) findings.push(clash);
  }
  const rules = validateReturn(ret, (key) => cells[key] ?? null);
  findings.push(...rules.filter((r) => r.field === null || !reported.has(r.field)));
  findings.push(...unknownLabelFindings(scans.flatMap((s) => s.unknown)));
  if (Object.keys(cells).length === 0) findings.unshift(NOTHING_RECOGNISED);
  return { ret, findings: sortFindings(findings), cells };
}
