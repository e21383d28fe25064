// The generated network: deterministic, valid, realistic (docs/domain.md), with fragile structures and N-1 returns, at any size.
import { describe, expect, it } from "vitest";
import {
  computeIndicators,
  fragileKeys,
  generateNetwork,
  type PimmsReturn,
  validateReturn,
} from "../src/index.ts";

const POSITIVE = [
  "exitsDurableJob",
  "exitsTransitionJob",
  "exitsTraining",
  "exitsBusiness",
] as const;
const EXITS = [...POSITIVE, "exitsJobSeeking", "exitsOther"] as const;

const sum = (returns: readonly PimmsReturn[], pick: (r: PimmsReturn) => number | null) =>
  returns.reduce((acc, r) => acc + (pick(r) ?? 0), 0);

describe("generateNetwork", () => {
  const net = generateNetwork();
  const current = net.structures.map((s) => s.current);

  it("is deterministic for a seed and differs for another", () => {
    expect(generateNetwork()).toEqual(net);
    expect(generateNetwork({ seed: 7 })).not.toEqual(net);
  });

  it("has 35 structures by default: 32 urban (26 in QPV) and 3 rural, with unique valid codes", () => {
    const count = (t: string) => net.structures.filter((s) => s.territory === t).length;
    expect(net.structures).toHaveLength(35);
    expect([count("Urbain QPV"), count("Urbain hors QPV"), count("Rural")]).toEqual([26, 6, 3]);
    const codes = net.structures.map((s) => s.code);
    expect(new Set(codes).size).toBe(35);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9][A-Z0-9-]{2,39}$/);
  });

  it("produces returns without any error or warning finding, N-1 included", () => {
    for (const s of net.structures)
      for (const ret of [s.current, s.previous])
        if (ret) expect(validateReturn(ret), s.code).toEqual([]);
  });

  it("has the 2018 network's orders of magnitude", () => {
    const total = (pick: (r: PimmsReturn) => number | null) => sum(current, pick);
    const positive = total((r) => POSITIVE.reduce((acc, k) => acc + (r.social[k] ?? 0), 0));
    const exits = total((r) => EXITS.reduce((acc, k) => acc + (r.social[k] ?? 0), 0));
    const checks: [string, number, number, number][] = [
      ["visitors", total((r) => r.activity.visitors), 653_905, 0.25],
      ["reasons", total((r) => r.activity.reasonsTotal), 1_829_881, 0.3],
      ["employees", total((r) => r.social.staffTotal), 450, 0.25],
      ["sites", total((r) => r.identification.sites), 66, 0.3],
      ["mediator exits", exits, 201, 0.35],
      ["positive exits", positive / exits, 0.64, 0.2],
      [
        "mediators",
        total((r) => r.social.mediators) / total((r) => r.social.staffTotal),
        399 / 450,
        0.08,
      ],
      [
        "personnel",
        total((r) => r.finance.chargesPersonnel) / total((r) => r.finance.chargesTotal),
        0.83,
        0.05,
      ],
      [
        "partners",
        total((r) => r.finance.revenuePartners) / total((r) => r.finance.revenueTotal),
        0.51,
        0.08,
      ],
      [
        "fixed-term",
        total((r) => r.social.mediatorsCdd) / total((r) => r.social.mediators),
        0.88,
        0.08,
      ],
    ];
    for (const [what, value, target, tolerance] of checks)
      expect(Math.abs(value / target - 1), what).toBeLessThan(tolerance);
  });

  it("has a few fragile structures, and every structure's other indicators stay out of the red band", () => {
    const fragile = current.map((r) => fragileKeys(computeIndicators(r)));
    const count = fragile.filter((keys) => keys.length > 0).length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(8);
    expect(fragile[3]).toContain("financialBalance");
    const big = generateNetwork({ size: 200 }).structures.flatMap((s) =>
      fragileKeys(computeIndicators(s.current)),
    );
    for (const key of [
      "governanceRegularity",
      "financialBalance",
      "trainingRate",
      "positiveExitRate",
      "certificationInPlan",
    ])
      expect(big, key).toContain(key);
  });

  it("keeps N-1 returns for all but the newcomers, with the N-1 reasons pre-filled", () => {
    const withPrevious = net.structures.filter((s) => s.previous);
    expect(withPrevious.length).toBe(32);
    for (const s of withPrevious) {
      expect(s.previous?.identification.year).toBe(2017);
      expect(s.previous?.identification.structureCode).toBe(s.code);
      expect(s.current.activity.prevReasonsPartners).toBe(s.previous?.activity.reasonsPartners);
      expect(s.current.activity.prevReasonsDigital).toBe(s.previous?.activity.reasonsDigital);
    }
    const newcomer = net.structures.find((s) => !s.previous);
    expect(newcomer?.current.activity.prevReasonsPartners).toBeNull();
    expect(
      computeIndicators(newcomer?.current as PimmsReturn).reasonsPartnersChangePts.value,
    ).toBeNull();
  });

  it("scales to 2,800 structures whose names and codes never contain one another", () => {
    const big = generateNetwork({ size: 2800 });
    expect(big.structures).toHaveLength(2800);
    const names = big.structures.map((s) => s.name).sort();
    const codes = big.structures.map((s) => s.code).sort();
    for (const list of [names, codes]) {
      expect(new Set(list).size).toBe(2800);
      // Every name starts with "PIMMS " (every code with "PIMMS-") and has it nowhere else, so one can
      // only contain another as a prefix, and sorted, a string's prefix-extensions come right after it.
      for (let i = 1; i < list.length; i++)
        expect((list[i] as string).startsWith(list[i - 1] as string), list[i]).toBe(false);
    }
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9][A-Z0-9-]{2,39}$/);
    expect(big.structures.filter((s) => s.territory === "Rural")).toHaveLength(240);
  });
});
