// Batching: preparing and verifying make as many Spreadsheet calls for a workbook ten times larger, and verifying reads each tab once.
import { describe, expect, it } from "vitest";
import type { Book } from "../harness/book.ts";
import type { CallKind } from "../harness/call-log.ts";
import { fixture } from "../helpers/legacy-fixtures.ts";
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

function counts(book: Book): Record<CallKind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, book.calls.count(k)])) as Record<CallKind, number>;
}

async function measure(grow: boolean) {
  const rt = await openWorkbook(fixture("02").xlsx);
  if (grow) tenfold(rt.book);
  const cells = rt.book.sheets.reduce(
    (n, s) => n + rt.book.extent(s).rows * rt.book.extent(s).cols,
    0,
  );
  rt.book.calls.reset();
  expect((rt.run("runPrepare") as { ok: boolean }).ok).toBe(true);
  const prepare = counts(rt.book);
  rt.book.calls.reset();
  expect((rt.run("runVerify") as { ok: boolean }).ok).toBe(true);
  const verify = counts(rt.book);
  const verifyReads = rt.book.calls.byMethod("read");
  return { cells, prepare, verify, verifyReads, sheets: rt.book.sheets.length };
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
});
