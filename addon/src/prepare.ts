// « Préparer le classeur »: adds the validated tabs the workbook lacks, pre-filled, and never touches the user's tabs;
// then tells the Union's functions the workbook is prepared (for the Union's status board).
import {
  buildWorkbookPlan,
  findPreparedTabs,
  importWorkbook,
  type PimmsReturn,
  setValue,
  TAB_KINDS,
} from "@barometre/shared";
import { applyNames, applyTab } from "./apply-plan.ts";
import { withDocumentLock } from "./document-lock.ts";
import type { PrepareOutcome } from "./panel-types.ts";
import { previousYear } from "./previous-year.ts";
import { reportPrepared } from "./progress-report.ts";
import { addLayout, readWorkbook } from "./read-workbook.ts";
import { textStyles } from "./tab-matrices.ts";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function prepareWorkbook(): PrepareOutcome {
  const { outcome, ret } = prepareUnderLock();
  // After the lock: the report is a network call other editors need not wait for.
  reportPrepared(ret);
  return outcome;
}

function prepareUnderLock(): { outcome: PrepareOutcome; ret: PimmsReturn } {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const read = readWorkbook(ss);
    const prepared = findPreparedTabs(read.grid);
    if (prepared.length === 0) addLayout(read);
    const result = importWorkbook(read.grid);
    const previous = previousYear(result.ret);
    const kept = prepared.map((t) => t.sheet);
    const missing = TAB_KINDS.filter((kind) => !prepared.some((t) => t.kind === kind));

    if (missing.length === 0) {
      // Already prepared: only empty N-1 cells may still be filled.
      for (const { field, value } of previous.values) {
        const cell = result.cells[field.key];
        if (cell) ss.getRange(cell).setValue(value);
      }
      return { outcome: { created: [], kept, previousYear: previous.sentence }, ret: result.ret };
    }

    for (const { field, value } of previous.values) setValue(result.ret, field, value);
    const plan = buildWorkbookPlan(result.ret, { occupied: read.grid.sheets.map((s) => s.name) });
    const created = new Map<string, Sheet>();
    const styles = textStyles();
    for (const tab of plan.tabs.filter((t) => missing.includes(t.kind))) {
      created.set(tab.name, applyTab(ss, tab, read.sheets.length + created.size, styles));
    }
    applyNames(ss, plan.names, created);
    created.values().next().value?.activate();
    return {
      outcome: { created: [...created.keys()], kept, previousYear: previous.sentence },
      ret: result.ret,
    };
  });
}
