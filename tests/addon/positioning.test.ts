// The positioning a 200 answer carries fills the Positionnement tab and the sidebar's summary.
import {
  computeIndicators,
  indexPopulation,
  type Member,
  type PimmsReturn,
  POSITIONING_LAYOUT,
  positioningCells,
  positionStructure,
} from "@barometre/shared";
import { describe, expect, it } from "vitest";
import { fixture, LEGACY_FIXTURES } from "../helpers/legacy-fixtures.ts";
import { openConnected, submit } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const functions = useFunctionsThread();

const member = (ret: PimmsReturn): Member => ({
  structureCode: ret.identification.structureCode as string,
  territory: ret.identification.territory,
  indicators: computeIndicators(ret),
});

describe("positioning", () => {
  it("is written into the Positionnement tab and summarised in the sidebar", async () => {
    const fx = fixture("04");
    // The functions answer positioning: null until the campaign is positioned; this answer is the
    // functions' own 200 with the positioning the shared code computes over the six fixtures.
    const real = await functions().post(
      "submitReturn",
      JSON.stringify({ return: fx.ret, idempotencyKey: "cle-positionnement-04" }),
      fx.ret.identification.directorEmail as string,
    );
    expect(real.status).toBe(200);
    const population = indexPopulation(
      LEGACY_FIXTURES.map((f) => member(f.ret)),
      5,
    );
    const positioning = positionStructure(population, member(fx.ret));
    const rt = await openConnected(fx, functions());
    await functions().setMode({
      kind: "answer",
      status: 200,
      body: { ...(real.body as object), positioning },
    });
    try {
      const outcome = submit(rt) as unknown as {
        sent: true;
        positioning: { summary: string; lines: { name: string; position: string }[] };
      };
      expect(outcome.sent).toBe(true);
      const expected = positioningCells(JSON.parse(JSON.stringify(positioning)));
      const tab = rt.book.sheets.find((s) => s.name.startsWith("Positionnement"));
      if (!tab) throw new Error("no Positionnement tab");
      const L = POSITIONING_LAYOUT;
      expect(rt.book.value(tab, L.summaryRow, L.summaryCol)).toBe(expected.summary.value);
      const written = expected.block.values.map((row, r) =>
        row.map((_, c) => rt.book.value(tab, L.firstRow + r, L.firstCol + c)),
      );
      expect(written).toEqual(expected.block.values.map((row) => row.map((v) => v ?? "")));
      expect(outcome.positioning.summary).toBe(expected.summary.value);
      expect(
        outcome.positioning.lines.find((l) => l.name === "Équilibre financier")?.position,
      ).toMatch(
        /^(dans le quart le plus (haut|bas)|dans la moitié centrale|au niveau le plus (haut|bas))$/,
      );
    } finally {
      await functions().setMode({ kind: "pass" });
    }
  });
});
