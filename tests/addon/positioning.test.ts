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
import { fixture, LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import { ATTESTATION } from "@barometre/testing/stack";
import { describe, expect, it } from "vitest";
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
      JSON.stringify({
        return: fx.ret,
        idempotencyKey: "cle-positionnement-04",
        attestation: ATTESTATION,
      }),
      fx.ret.identification.directorEmail as string,
    );
    expect(real.status).toBe(200);
    const population = indexPopulation(
      LEGACY_FIXTURES.map((f) => member(f.ret)),
      5,
    );
    // With a history: 2016 held with the structure's return, 2017 without it (a gap in the trajectory column).
    const positioning = positionStructure(population, member(fx.ret), undefined, {
      history: {
        year: 2018,
        past: [
          { year: 2016, population, member: member(fx.ret) },
          { year: 2017, population, member: null },
        ],
      },
    });
    const rt = await openConnected(fx, functions());
    await functions().setMode({
      kind: "answer",
      status: 200,
      body: { ...(real.body as object), positioning },
    });
    try {
      const outcome = submit(rt) as unknown as {
        sent: true;
        positioning: {
          summary: string;
          lines: {
            name: string;
            position: string;
            trajectory: { points: { year: number; value: string | null }[] } | null;
          }[];
        };
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
      const trajectory = rt.book.value(
        tab,
        L.firstRow,
        L.firstCol + L.metrics.indexOf("trajectory"),
      );
      expect(trajectory).toMatch(
        /^2016 : [^—]+ \([^—]+\) ; 2017 : — \([^—]+\) ; 2018 : [^—]+ \([^—]+\)$/,
      );
      expect(outcome.positioning.summary).toBe(expected.summary.value);
      // The sidebar's trajectories: the same years, the gap a gap.
      for (const line of outcome.positioning.lines)
        expect(line.trajectory?.points.map((p) => [p.year, p.value === null])).toEqual([
          [2016, expect.any(Boolean)],
          [2017, true],
          [2018, expect.any(Boolean)],
        ]);
      expect(
        outcome.positioning.lines.find((l) => l.name === "Équilibre financier")?.position,
      ).toMatch(
        /^(dans le quart le plus (haut|bas)|dans la moitié centrale|au niveau le plus (haut|bas))$/,
      );
    } finally {
      await functions().setMode({ kind: "pass" });
    }
  });

  it("is sent with the document lock released; a colleague holding it when the answer comes delays only the tab", async () => {
    const fx = fixture("05");
    const real = await functions().post(
      "submitReturn",
      JSON.stringify({
        return: fx.ret,
        idempotencyKey: "cle-positionnement-05",
        attestation: ATTESTATION,
      }),
      fx.ret.identification.directorEmail as string,
    );
    const population = indexPopulation(
      LEGACY_FIXTURES.map((f) => member(f.ret)),
      5,
    );
    // With a history: 2016 held with the structure's return, 2017 without it (a gap in the trajectory column).
    const positioning = positionStructure(population, member(fx.ret), undefined, {
      history: {
        year: 2018,
        past: [
          { year: 2016, population, member: member(fx.ret) },
          { year: 2017, population, member: null },
        ],
      },
    });
    const rt = await openConnected(fx, functions());
    const lockHeld: boolean[] = [];
    const fetch = rt.urlFetch.fetch.bind(rt.urlFetch);
    rt.urlFetch.fetch = ((...args: Parameters<typeof fetch>) => {
      lockHeld.push(rt.lock.hasLock());
      rt.lock.heldElsewhere = true; // a colleague clicks while the answer is on its way
      return fetch(...args);
    }) as typeof fetch;
    await functions().setMode({
      kind: "answer",
      status: 200,
      body: { ...(real.body as object), positioning },
    });
    try {
      const tab = rt.book.sheets.find((s) => s.name.startsWith("Positionnement"));
      if (!tab) throw new Error("no Positionnement tab");
      const L = POSITIONING_LAYOUT;
      const before = rt.book.value(tab, L.summaryRow, L.summaryCol);
      const busy = submit(rt);
      expect(lockHeld).toEqual([false]);
      expect(busy).toMatchObject({ sent: true });
      expect(busy.message).toContain(
        "Le positionnement n'a pas pu s'inscrire, une autre opération occupant le classeur : renvoyez le même retour pour l'inscrire (sans nouvelle révision).",
      );
      expect(rt.book.value(tab, L.summaryRow, L.summaryCol)).toBe(before);

      rt.urlFetch.fetch = fetch;
      rt.lock.heldElsewhere = false;
      expect(submit(rt)).toMatchObject({ sent: true });
      const expected = positioningCells(JSON.parse(JSON.stringify(positioning)));
      expect(rt.book.value(tab, L.summaryRow, L.summaryCol)).toBe(expected.summary.value);
    } finally {
      await functions().setMode({ kind: "pass" });
    }
  });
});
