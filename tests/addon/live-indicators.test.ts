// After preparation the indicators are live formulas: editing an input changes them, and the sidebar's figures follow.
import { computeIndicators, field, indicatorName, setValue } from "@barometre/shared";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import { openWorkbook } from "./support/addon-session.ts";
import { namedRaw, namedReturn } from "./support/sheet-values.ts";

type Verified = {
  ok: true;
  value: { indicators: { lines: { key: string; value: string; band: string | null }[] }[] };
};

const line = (v: Verified, key: string) =>
  v.value.indicators.flatMap((g) => g.lines).find((l) => l.key === key);

describe("live indicators", () => {
  it("recompute when an input is edited, in the sheet and in the sidebar", async () => {
    const rt = await openWorkbook(fixture("04").xlsx);
    rt.run("runPrepare");
    const funds = rt.book.names.get("fld_finance_associationFunds");
    if (!funds) throw new Error("fld_finance_associationFunds missing");
    const before = namedRaw(rt.book, indicatorName("financialBalance"));
    expect(line(rt.run("runVerify") as Verified, "financialBalance")?.band).toBe("Rouge");

    rt.spreadsheet.getRange(`'${funds.sheet}'!B${funds.range.top + 1}`).setValue(150_000);
    const after = namedRaw(rt.book, indicatorName("financialBalance"));
    const expected = structuredClone(namedReturn(rt.book));
    setValue(expected, field("finance.associationFunds"), 150_000);
    expect(after).not.toBe(before);
    expect(after).toBeCloseTo(computeIndicators(expected).financialBalance.value as number, 9);

    const verified = rt.run("runVerify") as Verified;
    expect(line(verified, "financialBalance")).toMatchObject({ value: "1,95", band: "Vert" });
  });

  it("selects the cell of a finding when the sidebar asks", async () => {
    const rt = await openWorkbook(fixture("03").xlsx);
    rt.run("runPrepare");
    const verified = rt.run("runVerify") as { value: { findings: { cell: string | null }[] } };
    const cell = verified.value.findings.find((f) => f.cell)?.cell as string;
    expect(rt.run("selectCell", cell)).toEqual({ ok: true, value: null });
    const ref = `'${rt.book.active?.sheet}'!B${(rt.book.active?.range.top ?? 0) + 1}`;
    expect(ref).toBe(cell);
    expect(rt.run("selectCell", "'Onglet disparu'!B3")).toEqual({
      ok: false,
      message: "L'onglet « Onglet disparu » n'existe plus dans ce classeur.",
    });
  });
});
