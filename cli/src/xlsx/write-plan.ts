// Applies a WorkbookPlan to an exceljs workbook: the validated tabs, their protection and the defined names.
import { a1, type Range0, type TabPlan, type WorkbookPlan } from "@barometre/shared";
import type { Workbook, Worksheet } from "exceljs";
import { argb, font, writeCell } from "./write-cell.ts";

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const inside = (r: Range0, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const rangeA1 = (r: Range0) => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** Excel column width (characters of the default font) for a width in pixels. */
const excelWidth = (px: number) => Math.round(((px - 5) / 7) * 100) / 100;

async function writeTab(ws: Worksheet, tab: TabPlan): Promise<void> {
  tab.cells.forEach((row, r) => {
    row.forEach((plan, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (plan) writeCell(cell, plan, r, c);
      // Excel's equivalent of the warning-only protection: the sheet is protected without a
      // password and only the cells of its editable areas are unlocked.
      if (tab.protection.editable.some((area) => inside(area, r, c))) {
        cell.protection = { locked: false };
      }
    });
  });
  for (const m of tab.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  tab.columnWidths.forEach((px, c) => {
    ws.getColumn(c + 1).width = excelWidth(px);
  });
  if (tab.frozenRows > 0) ws.views = [{ state: "frozen", xSplit: 0, ySplit: tab.frozenRows }];
  tab.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: rangeA1(cf.range),
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          formulae: [`"${cf.text.replace(/"/g, '""')}"`],
          priority: i + 1,
          style: {
            // A differential fill paints with bgColor (a cell fill with fgColor).
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.background) } },
            font: font({ fontColor: cf.fontColor }),
          },
        },
      ],
    });
  });
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

/** exceljs keeps tab order in this field; it has no public way to move a tab. */
type Ordered = Worksheet & { orderNo: number };

/**
 * Writes every planned tab: a tab listed in `replacing` (by planned tab name) takes that sheet's place,
 * the others go after the workbook's last tab. Defined names the plan uses, and every other fld_/ind_
 * name (a previous layout's), are replaced by the plan's; the workbook's other names are kept.
 */
export async function applyPlan(
  wb: Workbook,
  plan: WorkbookPlan,
  replacing: ReadonlyMap<string, Worksheet> = new Map(),
): Promise<void> {
  // Every replaced sheet goes first, so no planned name can meet a sheet that is about to leave.
  const places = new Map<string, number>();
  for (const [name, old] of replacing) {
    places.set(name, (old as Ordered).orderNo);
    wb.removeWorksheet(old.id);
  }
  for (const tab of plan.tabs) {
    const ws = wb.addWorksheet(tab.name) as Ordered;
    const place = places.get(tab.name);
    if (place !== undefined) ws.orderNo = place;
    await writeTab(ws, tab);
  }
  const ours = new Set(plan.names.map((n) => n.name));
  for (const { name, ranges } of wb.definedNames.model) {
    if (ours.has(name) || /^(fld|ind)_/.test(name)) {
      for (const range of ranges) wb.definedNames.remove(range, name);
    }
  }
  for (const n of plan.names) {
    wb.definedNames.add(
      `${quoteSheet(n.tab)}!$${a1(n.row, n.col).replace(/(\d+)$/, "$$$1")}`,
      n.name,
    );
  }
  // No cached results are written: Excel computes every formula when it opens the file.
  wb.calcProperties.fullCalcOnLoad = true;
}
