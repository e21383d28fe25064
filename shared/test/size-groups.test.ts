// Size groups: the Union's bands checked (no overlap, no gap), the default terciles of N-1, and each structure placed in its band against an independent count.
import { describe, expect, it } from "vitest";
import {
  bandsProblem,
  defaultSizeBands,
  demoCampaign,
  generateNetwork,
  memberOf,
  type SizeBand,
} from "../src/index.ts";

const open = (...cuts: number[]): SizeBand[] =>
  [0, ...cuts].map((min, i) => ({ min, max: cuts[i] ?? null }));

describe("size bands", () => {
  it("accept contiguous bands from 0 to an open last one", () => {
    expect(bandsProblem("charges", open(300_000, 600_000))).toBeNull();
    expect(bandsProblem("fte", open(7.5))).toBeNull();
  });

  it("refuse bands that overlap, leave a gap, or do not cover everything, in French", () => {
    expect(
      bandsProblem("charges", [
        { min: 0, max: 300_000 },
        { min: 250_000, max: null },
      ]),
    ).toBe(
      "Les tranches du total des charges se chevauchent : la tranche n° 2 commence avant la fin de la précédente.",
    );
    expect(
      bandsProblem("fte", [
        { min: 0, max: 10 },
        { min: 12, max: null },
      ]),
    ).toBe("Les tranches de l'effectif en ETP laissent un trou entre 10\u00a0ETP et 12\u00a0ETP.");
    expect(
      bandsProblem("fte", [
        { min: 5, max: null },
        { min: 6, max: null },
      ]),
    ).toMatch(/commencer à 0/);
    expect(bandsProblem("fte", open(5).slice(0, 1))).toMatch(/au moins deux/);
    expect(
      bandsProblem("fte", [
        { min: 0, max: 5 },
        { min: 5, max: 9 },
      ]),
    ).toMatch(/sans limite haute/);
    expect(
      bandsProblem("fte", [
        { min: 0, max: 5 },
        { min: 5, max: 4 },
        { min: 4, max: null },
      ]),
    ).toMatch(/finit avant de commencer/);
  });

  it("default to the terciles of the previous campaign, rounded to two significant digits", () => {
    const network = generateNetwork({ size: 90, seed: 3 });
    const previous = network.structures.flatMap((s) => (s.previous ? [memberOf(s.previous)] : []));
    const tercile = (values: number[], p: number) => {
      const x = [...values].sort((a, b) => a - b);
      const h = (x.length - 1) * p;
      const lo = Math.floor(h);
      const v =
        (x[lo] as number) + (h - lo) * ((x[lo + 1] ?? (x[lo] as number)) - (x[lo] as number));
      return Number(v.toPrecision(2));
    };
    const charges = previous.map((m) => m.size?.charges as number);
    const fte = previous.map((m) => m.size?.fte as number);
    expect(defaultSizeBands(previous)).toEqual({
      charges: open(tercile(charges, 1 / 3), tercile(charges, 2 / 3)),
      fte: open(tercile(fte, 1 / 3), tercile(fte, 2 / 3)),
    });
  });
});

describe("size groups in the positioning", () => {
  const network = generateNetwork({ size: 90, seed: 3 });
  const campaign = demoCampaign(network);
  const bands = defaultSizeBands(
    network.structures.flatMap((s) => (s.previous ? [memberOf(s.previous)] : [])),
  );

  it("place every structure in its band of each dimension, with its definition and size", () => {
    network.structures.forEach((s, i) => {
      const line = campaign.reports[i]?.positioning.indicators.find(
        (x) => x.key === "trainingRate",
      );
      const size = memberOf(s.current).size;
      const mine = (["charges", "fte"] as const).map((d) =>
        (bands[d] ?? []).find((b) => {
          const v = size?.[d] as number;
          return v >= b.min && (b.max === null || v < b.max);
        }),
      );
      expect(line?.sizes).toHaveLength(2);
      (["charges", "fte"] as const).forEach((d, k) => {
        const band = mine[k] as SizeBand;
        const members = network.structures.filter((t) => {
          const v = memberOf(t.current).size?.[d] as number;
          return v >= band.min && (band.max === null || v < band.max);
        });
        const view = line?.sizes[k];
        expect(view?.label.startsWith(d === "charges" ? "charges" : "effectif")).toBe(true);
        expect(view?.size, `${s.code} ${d}`).toBe(members.length);
        // Medians and quartiles only: no mean from a group that cuts across the territories.
        expect(view?.stats && !("suppressed" in view.stats) ? view.stats.mean : null).toBeNull();
      });
    });
  });
});
