// « Préparer le classeur » on each legacy fixture: validated tabs added after the untouched originals, values carried over, live indicators, a second run changes nothing.
import { computeIndicators, planTabNames, TAB_KINDS } from "@barometre/shared";
import { expectIndicatorsAgree } from "@barometre/testing/indicator-agreement";
import { LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import { snapshot } from "../harness/snapshot.ts";
import { openWorkbook } from "./support/addon-session.ts";
import { formulaWorkbook, namedReturn } from "./support/sheet-values.ts";

type Prepared = { ok: true; value: { created: string[]; kept: string[] } };

describe("prepare", () => {
  it.each(LEGACY_FIXTURES.map((f) => [f.name, f] as const))(
    "prepares %s without touching its tabs",
    async (_name, fx) => {
      const rt = await openWorkbook(fx.xlsx, { formulaResults: "cached" });
      const originals = snapshot(rt.book) as { sheets: unknown[] };
      const answer = rt.run("runPrepare") as Prepared;
      expect(answer.ok).toBe(true);

      const names = planTabNames(originals.sheets.map((s) => (s as { name: string }).name));
      expect(answer.value.created).toEqual(TAB_KINDS.map((k) => names[k]));
      const after = snapshot(rt.book) as { sheets: unknown[] };
      expect(after.sheets.slice(0, originals.sheets.length)).toEqual(originals.sheets);
      expect(rt.lock.acquisitions).toBe(1);
      expect(rt.lock.hasLock()).toBe(false);

      const ret = namedReturn(rt.book);
      expect(ret).toEqual(fx.ret);
      expectIndicatorsAgree(formulaWorkbook(rt.book), ret);
      for (const [key, value] of Object.entries(computeIndicators(ret))) {
        expect(fx.indicators[key], key).toBeCloseTo(value.value as number, 9);
      }
    },
  );

  it("changes nothing when run again", async () => {
    const rt = await openWorkbook(LEGACY_FIXTURES[0]?.xlsx as string);
    rt.run("runPrepare");
    const once = snapshot(rt.book);
    const again = rt.run("runPrepare") as Prepared;
    expect(again.value.created).toEqual([]);
    expect(again.value.kept).toHaveLength(8);
    expect(snapshot(rt.book)).toEqual(once);
  });

  it("waits for another operation holding the document lock, and says so in French", async () => {
    const rt = await openWorkbook(LEGACY_FIXTURES[0]?.xlsx as string);
    const before = snapshot(rt.book);
    rt.lock.heldElsewhere = true;
    const answer = rt.run("runPrepare") as { ok: false; message: string };
    expect(answer).toEqual({
      ok: false,
      message:
        "Une autre opération (préparation ou envoi) est en cours sur ce classeur : réessayez dans un instant.",
    });
    expect(snapshot(rt.book)).toEqual(before);
  });
});
