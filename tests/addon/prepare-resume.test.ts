// « Préparer le classeur » interrupted, repeated or racing: the next run completes the workbook, every name points at its cell, and the message says what happened.
import { FIELDS, INDICATORS, indicatorName, planTabNames, TAB_KINDS } from "@barometre/shared";
import { expectIndicatorsAgree } from "@barometre/testing/indicator-agreement";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import type { GasRuntime } from "../harness/gas-runtime.ts";
import { snapshot } from "../harness/snapshot.ts";
import { openWorkbook } from "./support/addon-session.ts";
import { formulaWorkbook, namedReturn } from "./support/sheet-values.ts";

const fx = fixture("01");
type Answer =
  | { ok: true; value: { created: string[]; kept: string[] } }
  | { ok: false; message: string };
const FIRST_INDICATOR = indicatorName((INDICATORS[0] as (typeof INDICATORS)[number]).key);
const prepare = (rt: GasRuntime) => rt.run("runPrepare") as Answer;

const ROLLED_BACK =
  "La préparation a été interrompue : les onglets qu'elle venait d'ajouter ont été retirés et vos onglets n'ont pas été modifiés. Relancez « Préparer le classeur ».";

/** The workbook is whole: the originals, then the eight validated tabs once each, every name on a live cell, the values and indicators right. */
function expectComplete(rt: GasRuntime, originals: string[]) {
  const names = planTabNames(originals);
  expect(rt.book.sheets.map((s) => s.name)).toEqual([
    ...originals,
    ...TAB_KINDS.map((k) => names[k]),
  ]);
  const expected = [...FIELDS.map((f) => f.name), ...INDICATORS.map((d) => indicatorName(d.key))];
  for (const name of expected) expect(rt.book.names.get(name)?.sheet, name).toBeTruthy();
  expect(namedReturn(rt.book)).toEqual(fx.ret);
  expectIndicatorsAgree(formulaWorkbook(rt.book), fx.ret);
}

describe("prepare, interrupted and resumed", () => {
  it("takes back the tabs of a run that fails halfway, and the next run completes the workbook", async () => {
    const rt = await openWorkbook(fx.xlsx);
    const originals = rt.book.sheets.map((s) => s.name);
    const before = snapshot(rt.book);
    rt.book.calls.failOn("Range.setValues", 3);
    expect(prepare(rt)).toEqual({ ok: false, message: ROLLED_BACK });
    expect(snapshot(rt.book)).toEqual(before);
    expect(rt.lock.hasLock()).toBe(false);

    expect(prepare(rt)).toMatchObject({ ok: true, value: { kept: [] } });
    expectComplete(rt, originals);
  });

  it("replaces the blank tabs a stopped run left, keeps the finished ones and defines every name", async () => {
    const rt = await openWorkbook(fx.xlsx);
    const originals = rt.book.sheets.map((s) => s.name);
    rt.book.calls.failOn("Range.setValues", 3);
    rt.book.calls.failOn("Spreadsheet.deleteSheet");
    expect(prepare(rt)).toEqual({
      ok: false,
      message:
        "La préparation a été interrompue et certains onglets ajoutés sont restés inachevés ; vos onglets n'ont pas été modifiés. Relancez « Préparer le classeur » : elle les complétera.",
    });
    // Two finished tabs and a blank third one are left, no name defined yet.
    expect(rt.book.sheets).toHaveLength(originals.length + 3);
    expect(rt.book.names.size).toBe(0);

    const names = planTabNames(originals);
    const resumed = prepare(rt);
    expect(resumed).toMatchObject({
      ok: true,
      value: { kept: [names.identification, names.governance] },
    });
    expectComplete(rt, originals);
  });

  it("recreates a deleted tab and moves its names, left pointing at #REF!, onto the new one", async () => {
    const rt = await openWorkbook(fx.xlsx);
    const originals = rt.book.sheets.map((s) => s.name);
    expect(prepare(rt).ok).toBe(true);
    const indicators = planTabNames(originals).indicators;
    const ss = rt.spreadsheet;
    ss.deleteSheet(ss.getSheetByName(indicators) as GoogleAppsScript.Spreadsheet.Sheet);
    expect(rt.book.names.get(FIRST_INDICATOR)?.sheet).toBeNull();

    expect(prepare(rt)).toMatchObject({ ok: true, value: { created: [indicators] } });
    // The recreated tab sits at the end, after the other validated tabs.
    const order = rt.book.sheets.map((s) => s.name);
    expect(order.slice(-1)).toEqual([indicators]);
    expect(rt.book.names.get(FIRST_INDICATOR)?.sheet).toBe(indicators);
    expect(namedReturn(rt.book)).toEqual(fx.ret);
    expectIndicatorsAgree(formulaWorkbook(rt.book), fx.ret);
  });

  it("defines every name again on each run, so a name removed by hand comes back", async () => {
    const rt = await openWorkbook(fx.xlsx);
    const originals = rt.book.sheets.map((s) => s.name);
    prepare(rt);
    const name = FIELDS[0]?.name as string;
    rt.book.names.delete(name);
    rt.book.hf.removeNamedExpression(name);
    expect(prepare(rt)).toMatchObject({ ok: true, value: { created: [] } });
    expectComplete(rt, originals);
  });

  it("says nothing was added when a run over a prepared workbook fails, and the next one completes it", async () => {
    const rt = await openWorkbook(fx.xlsx);
    const originals = rt.book.sheets.map((s) => s.name);
    prepare(rt);
    const before = snapshot(rt.book);
    rt.book.calls.failOn("NamedRange.setRange", 10);
    expect(prepare(rt)).toEqual({
      ok: false,
      message:
        "La préparation a été interrompue avant d'ajouter un onglet ; vos saisies n'ont pas été modifiées. Relancez « Préparer le classeur ».",
    });
    expect(snapshot(rt.book)).toEqual(before);
    expect(prepare(rt)).toMatchObject({ ok: true, value: { created: [] } });
    expectComplete(rt, originals);
  });

  it("tells a lock held elsewhere from a lock that does not exist here", async () => {
    const rt = await openWorkbook(fx.xlsx);
    const before = snapshot(rt.book);
    rt.lock.unavailable = true;
    expect(prepare(rt)).toEqual({
      ok: false,
      message:
        "Le module n'a pas accès au classeur ouvert : ouvrez-le depuis le menu Extensions › Baromètre des PIMMS du classeur, puis réessayez.",
    });
    rt.lock.unavailable = false;
    rt.lock.heldElsewhere = true;
    expect(prepare(rt)).toEqual({
      ok: false,
      message:
        "Une autre opération (préparation ou envoi) est en cours sur ce classeur : réessayez dans un instant.",
    });
    expect(snapshot(rt.book)).toEqual(before);
  });
});
