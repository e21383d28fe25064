// « Préparer le classeur »: adds the validated tabs the workbook lacks, pre-filled, and never touches the user's tabs;
// then tells the Union's functions the workbook is prepared (for the Union's status board).
import {
  buildWorkbookPlan,
  findPreparedTabs,
  type ImportResult,
  importWorkbook,
  type PreparedTab,
  setValue,
  TAB_KINDS,
} from "@barometre/shared";
import { applyNames, fillTab } from "./apply-plan.ts";
import { withDocumentLock } from "./document-lock.ts";
import type { PrepareOutcome } from "./panel-types.ts";
import { completeFromLegacy } from "./partial-import.ts";
import { leftoverTabs } from "./prepare-leftovers.ts";
import { type PreviousYear, previousYear } from "./previous-year.ts";
import { reportPrepared } from "./progress-report.ts";
import { addLayout, type ReadWorkbook, readWorkbook } from "./read-workbook.ts";
import { textStyles } from "./tab-matrices.ts";
import { UserError } from "./user-error.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ROLLED_BACK =
  "La préparation a été interrompue : les onglets qu'elle venait d'ajouter ont été retirés et vos onglets n'ont pas été modifiés. Relancez « Préparer le classeur ».";
const NOTHING_ADDED =
  "La préparation a été interrompue avant d'ajouter un onglet ; vos saisies n'ont pas été modifiées. Relancez « Préparer le classeur ».";
const LEFT_OVER =
  "La préparation a été interrompue et certains onglets ajoutés sont restés inachevés ; vos onglets n'ont pas été modifiés. Relancez « Préparer le classeur » : elle les complétera.";

/** What the workbook holds, read before the lock with the N-1 figures fetched from the Union. */
interface Reading {
  read: ReadWorkbook;
  prepared: PreparedTab[];
  /** Indexes, in `read`, of the blank tabs a stopped run left (see prepare-leftovers.ts). */
  leftovers: number[];
  result: ImportResult;
  previous: PreviousYear;
}

export function prepareWorkbook(): PrepareOutcome {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const reading = readAndFetch(ss);
  // The network call is over: the lock is held for the document's changes only, never for a call to the Union.
  const outcome = withDocumentLock(() => apply(ss, reading));
  reportPrepared(reading.result.ret);
  return outcome;
}

const missingKinds = (prepared: readonly PreparedTab[]) =>
  TAB_KINDS.filter((kind) => !prepared.some((t) => t.kind === kind));

function readAndFetch(ss: Spreadsheet): Reading {
  const read = readWorkbook(ss);
  const prepared = findPreparedTabs(read.grid);
  if (prepared.length === 0) addLayout(read);
  const result = importWorkbook(read.grid);
  const missing = missingKinds(prepared);
  if (prepared.length > 0 && missing.length > 0)
    completeFromLegacy(read, prepared, missing, result);
  return {
    read,
    prepared,
    leftovers: leftoverTabs(read.grid.sheets),
    result,
    previous: previousYear(result.ret),
  };
}

/**
 * Under the lock. A colleague's preparation that ran in between makes insertSheet refuse its tab names,
 * and any failure takes back the tabs this run inserted, so the message is true whatever happened.
 */
function apply(ss: Spreadsheet, { read, prepared, leftovers, result, previous }: Reading) {
  const missing = missingKinds(prepared);
  const kept = prepared.map((t) => t.sheet);
  if (missing.length > 0) {
    for (const { field, value } of previous.values) setValue(result.ret, field, value);
  }
  const plan = buildWorkbookPlan(result.ret, {
    occupied: read.grid.sheets.filter((_, i) => !leftovers.includes(i)).map((s) => s.name),
  });
  const byPlanName = new Map<string, Sheet>();
  for (const t of prepared) {
    const planned = plan.tabs.find((tab) => tab.kind === t.kind);
    const sheet = read.sheets[read.grid.sheets.findIndex((s) => s.name === t.sheet)];
    if (planned && sheet) byPlanName.set(planned.name, sheet);
  }
  const created = new Map<string, Sheet>();
  try {
    for (const i of leftovers) ss.deleteSheet(read.sheets[i] as Sheet);
    const styles = textStyles();
    const at = read.sheets.length - leftovers.length;
    for (const tab of plan.tabs.filter((t) => missing.includes(t.kind))) {
      const sheet = ss.insertSheet(tab.name, at + created.size);
      created.set(tab.name, sheet);
      byPlanName.set(tab.name, sheet);
      fillTab(sheet, tab, styles);
    }
    applyNames(ss, plan.names, byPlanName, prepared.length > 0);
    if (missing.length === 0) fillEmptyCells(ss, result, previous);
  } catch (error) {
    throw interrupted(ss, [...created.values()], error);
  }
  created.values().next().value?.activate();
  return { created: [...created.keys()], kept, previousYear: previous.sentence };
}

/** An already prepared workbook: the N-1 figures go only into cells still empty now, under the lock. */
function fillEmptyCells(ss: Spreadsheet, result: ImportResult, previous: PreviousYear): void {
  for (const { field, value } of previous.values) {
    const cell = result.cells[field.key];
    if (!cell) continue;
    const range = ss.getRange(cell);
    if (range.getValue() === "") range.setValue(value);
  }
}

function interrupted(ss: Spreadsheet, created: Sheet[], error: unknown): UserError {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (created.length === 0) return new UserError(NOTHING_ADDED);
  try {
    for (const sheet of created) ss.deleteSheet(sheet);
    return new UserError(ROLLED_BACK);
  } catch (cleanup) {
    console.error(cleanup instanceof Error ? cleanup.message : String(cleanup));
    return new UserError(LEFT_OVER);
  }
}
