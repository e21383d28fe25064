// addon.*: Spreadsheet-service calls the built add-on makes to prepare and verify a legacy workbook, counted by the harness.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { openWorkbook } from "@barometre/tests/addon-session";
import type { CallKind, GasRuntime } from "@barometre/tests/harness";
import type { Measured } from "../figure.ts";
import { cellCount, growTenfold } from "../support/grow-workbook.ts";
import { round } from "../support/sample-stats.ts";

/** The fixture prepared (legacy layout B, PIMMS Artois-Gohelle). */
const FIXTURE = "02";
/** Calls that reach the document; "handle" calls (getRange, builders) only navigate and are recorded apart. */
const DOCUMENT_CALLS: readonly CallKind[] = ["read", "write", "meta"];

interface Session {
  cells: number;
  prepare: Record<CallKind, number>;
  verify: Record<CallKind, number>;
  prepareWrites: Record<string, number>;
  verifyReads: number;
  tabs: number;
}

const kinds = (rt: GasRuntime): Record<CallKind, number> => ({
  read: rt.book.calls.count("read"),
  write: rt.book.calls.count("write"),
  meta: rt.book.calls.count("meta"),
  handle: rt.book.calls.count("handle"),
});

const documentCalls = (counts: Record<CallKind, number>) =>
  DOCUMENT_CALLS.reduce((n, k) => n + counts[k], 0);

/** "Spreadsheet.setNamedRange × 83, …": where the calls go, biggest first. */
const biggest = (byMethod: Record<string, number>, count: number) =>
  Object.entries(byMethod)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([method, n]) => `${method} × ${n}`)
    .join(", ");

/** Prepares then verifies the fixture (grown tenfold or not) through the menu functions, counting calls for each. */
async function session(grow: boolean): Promise<Session> {
  const rt = await openWorkbook(fixture(FIXTURE).xlsx);
  if (grow) growTenfold(rt.book);
  const cells = cellCount(rt.book);
  rt.book.calls.reset();
  const prepared = rt.run("runPrepare") as { ok: boolean };
  if (!prepared.ok) throw new Error("le module n'a pas pu préparer le classeur");
  const prepare = kinds(rt);
  const prepareWrites = rt.book.calls.byMethod("write");
  rt.book.calls.reset();
  const verified = rt.run("runVerify") as { ok: boolean };
  if (!verified.ok) throw new Error("le module n'a pas pu vérifier le classeur");
  return {
    cells,
    prepare,
    verify: kinds(rt),
    prepareWrites,
    verifyReads: rt.book.calls.count("read"),
    tabs: rt.book.sheets.length,
  };
}

export async function run(): Promise<Measured[]> {
  const normal = await session(false);
  const large = await session(true);
  const calls = documentCalls(normal.prepare);
  return [
    {
      key: "addon.validateReadsPerTab",
      value: round(normal.verifyReads / normal.tabs, 2),
      inputs: { fixture: fixture(FIXTURE).name, tabs: normal.tabs, verifyCalls: normal.verify },
    },
    {
      key: "addon.prepareCalls",
      value: calls,
      inputs: {
        fixture: fixture(FIXTURE).name,
        cells: normal.cells,
        counted: DOCUMENT_CALLS,
        byKind: normal.prepare,
        writesByMethod: normal.prepareWrites,
      },
      note: `Lectures ${normal.prepare.read}, écritures ${normal.prepare.write}, métadonnées ${normal.prepare.meta} ; écritures les plus nombreuses : ${biggest(normal.prepareWrites, 4)}.`,
    },
    {
      key: "addon.prepareCallsGrowth",
      value: round(documentCalls(large.prepare) / calls, 3),
      inputs: {
        cells: { normal: normal.cells, large: large.cells },
        prepare: { normal: normal.prepare, large: large.prepare },
        verify: { normal: normal.verify, large: large.verify },
      },
    },
  ];
}
