// Batching: preparing and verifying make as many Spreadsheet calls for a workbook ten times larger, verifying reads each tab once, preparing writes each attribute once per tab.
import { buildWorkbookPlan } from "@barometre/shared";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import { type Book, DEFAULT_COLUMN_WIDTH } from "../harness/book.ts";
import type { CallKind } from "../harness/call-log.ts";
import { openWorkbook } from "./support/addon-session.ts";

const KINDS: CallKind[] = ["read", "write", "meta", "handle"];

/** Nine more copies of every legacy tab's rows below it, as notes someone kept in the workbook. */
function tenfold(book: Book): void {
  for (const sheet of book.sheets) {
    const { rows, cols } = book.extent(sheet);
    const notes = Array.from({ length: rows * 9 }, (_, r) =>
      Array.from({ length: cols }, (_, c) =>
        c === 0 ? `Note de suivi n° ${r + 1}` : r * cols + c,
      ),
    );
    book.write(sheet, rows, 0, notes);
  }
}

function counts(book: Book) {
  return {
    ...(Object.fromEntries(KINDS.map((k) => [k, book.calls.count(k)])) as Record<CallKind, number>),
    service: book.calls.serviceCalls(),
    writeBatches: book.calls.writeBatches(),
  };
}

async function measure(grow: boolean) {
  const rt = await openWorkbook(fixture("02").xlsx);
  if (grow) tenfold(rt.book);
  const cells = rt.book.sheets.reduce(
    (n, s) => n + rt.book.extent(s).rows * rt.book.extent(s).cols,
    0,
  );
  rt.book.calls.reset();
  const prepared = rt.run("runPrepare") as { ok: boolean; value: { created: string[] } };
  expect(prepared.ok).toBe(true);
  const prepare = counts(rt.book);
  const prepareWrites = rt.book.calls.byMethod("write");
  rt.book.calls.reset();
  expect((rt.run("runVerify") as { ok: boolean }).ok).toBe(true);
  const verify = counts(rt.book);
  const verifyReads = rt.book.calls.byMethod("read");
  const created = prepared.value.created.length;
  return {
    cells,
    prepare,
    prepareWrites,
    created,
    verify,
    verifyReads,
    sheets: rt.book.sheets.length,
  };
}

describe("Spreadsheet calls", () => {
  it("do not grow with the workbook's size", async () => {
    const small = await measure(false);
    const large = await measure(true);
    expect(large.cells).toBeGreaterThanOrEqual(small.cells * 10);
    expect(large.prepare).toEqual(small.prepare);
    expect(large.verify).toEqual(small.verify);
    console.info(
      `prepare ${JSON.stringify(small.prepare)}, verify ${JSON.stringify(small.verify)} (${small.sheets} tabs)`,
    );
  });

  it("read each tab once when verifying", async () => {
    const { verifyReads, sheets } = await measure(false);
    expect(verifyReads).toEqual({ "Range.getValues": sheets });
  });

  it("write each attribute of a new tab in one call, every read done before the first write", async () => {
    const { prepare, prepareWrites, created } = await measure(false);
    const {
      "Spreadsheet.setNamedRange": names,
      "Sheet.setColumnWidths": widths,
      ...perTab
    } = prepareWrites;
    const plan = buildWorkbookPlan(null);
    expect(created).toBe(plan.tabs.length);
    // Spreadsheet.setNamedRange takes one name at a time.
    expect(names).toBe(plan.names.length);
    // One call per run of equal neighbouring widths, none where a new sheet's width is the planned one.
    const runs = plan.tabs.flatMap((t) =>
      t.columnWidths.filter((w, c) => w !== DEFAULT_COLUMN_WIDTH && w !== t.columnWidths[c - 1]),
    );
    expect(widths).toBe(runs.length);
    for (const [method, n] of Object.entries(perTab))
      expect(n, method).toBeLessThanOrEqual(created);
    expect(prepare.writeBatches).toBe(1);
  });
});
