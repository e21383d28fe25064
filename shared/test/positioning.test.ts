// A structure's positioning: its values and bands, network and peer-group views, suppression and changes since N-1.
import { describe, expect, it } from "vitest";
import {
  type FieldValue,
  INDICATOR_KEYS,
  type IndicatorPositioning,
  indexPopulation,
  type Member,
  positionStructure,
} from "../src/index.ts";
import { member } from "./support/members.ts";

const costs = (trainingCosts: number, more: Record<string, FieldValue> = {}) => ({
  "finance.trainingCosts": trainingCosts,
  ...more,
});
// Training rates 1 %, 2 %, 2 %, 3 %, 4 % in Urbain QPV (P5 without the certification) and 0.5 % in Rural.
const qpv = [
  member("P1", "Urbain QPV", costs(3_000)),
  member("P2", "Urbain QPV", costs(6_000)),
  member("P3", "Urbain QPV", costs(6_000)),
  member("P4", "Urbain QPV", costs(9_000)),
  member("P5", "Urbain QPV", costs(12_000, { "network.certificationInPlan": false })),
];
const rural = member("R1", "Rural", costs(1_500));
const population = indexPopulation([...qpv, rural]);
const of = (code: string, members: Member[] = [...qpv, rural]) =>
  members.find((m) => m.structureCode === code) as Member;
const entry = (positions: IndicatorPositioning[], key: string) =>
  positions.find((p) => p.key === key) as IndicatorPositioning;
const SMALL = (n: number) =>
  `Moins de 5 structures (${n}) : statistiques non affichées pour préserver l'anonymat.`;

describe("positionStructure", () => {
  const p2 = positionStructure(population, of("P2"));

  it("lists every indicator with the structure's value, band and reason", () => {
    expect(p2).toMatchObject({
      structureCode: "P2",
      territory: "Urbain QPV",
      minGroupSize: 5,
      networkSize: 6,
      fragile: [],
    });
    expect(p2.indicators.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);
    expect(entry(p2.indicators, "trainingRate")).toMatchObject({
      value: 0.02,
      status: "green",
      reason: null,
    });
  });

  it("places the structure in the network and in its peer group", () => {
    const rate = entry(p2.indicators, "trainingRate");
    expect(rate.network).toMatchObject({
      label: "Réseau",
      size: 6,
      yesShare: null,
      position: { value: 0.02, percentileRank: 50, quartile: 2 },
      suppressedSentence: null,
    });
    // No extremes for a structure; and no whiskers in a group under 11, where the 10th and 90th percentiles would
    // be computed from them.
    expect(rate.network.stats).toEqual({
      n: 6,
      q1: 0.0125,
      median: 0.02,
      q3: 0.0275,
      whiskers: null,
      mean: expect.any(Number),
    });
    expect(rate.group).toMatchObject({
      label: "Urbain QPV",
      size: 5,
      stats: { n: 5, q1: 0.02, median: 0.02, q3: 0.03 },
      position: { value: 0.02, percentileRank: 40, quartile: 1 },
      suppressedSentence: null,
    });
  });

  it("shows the share of Oui instead of statistics for the Oui/Non indicator", () => {
    const certification = entry(p2.indicators, "certificationInPlan");
    expect(certification.value).toBe(true);
    expect(certification.network).toMatchObject({
      stats: null,
      yesShare: 5 / 6,
      suppressedSentence: null,
    });
    expect(certification.network.position).toEqual({
      value: null,
      percentileRank: null,
      quartile: null,
    });
    // Secondary suppression: the network's share (6) minus this group's (5) would give the Rural structure's answer.
    expect(certification.group).toMatchObject({ stats: null, yesShare: null });
    expect(certification.group?.suppressedSentence).toMatch(/secret statistique/);
    expect(certification.change).toBeNull();
    expect(certification.networkMedianChange).toBeNull();
  });

  it("hides a peer group under the minimum size behind a French sentence", () => {
    const r1 = positionStructure(population, rural);
    const rate = entry(r1.indicators, "trainingRate");
    expect(rate.group).toMatchObject({
      label: "Rural",
      size: 1,
      stats: { n: 1, suppressed: true },
      position: { value: 0.005, percentileRank: null, quartile: null },
      suppressedSentence: SMALL(1),
    });
    expect(rate.network.position).toEqual({ value: 0.005, percentileRank: 100 / 12, quartile: 1 });
    expect(entry(r1.indicators, "certificationInPlan").group).toMatchObject({
      yesShare: null,
      suppressedSentence: SMALL(1),
    });
  });

  it("hides a share of Oui when fewer structures than the minimum answered", () => {
    const members = [
      ...qpv.slice(0, 4),
      member("P5", "Urbain QPV", { "network.certificationInPlan": null }),
    ];
    const certification = entry(
      positionStructure(indexPopulation(members), of("P1", members)).indicators,
      "certificationInPlan",
    );
    expect(certification.network).toMatchObject({
      size: 5,
      yesShare: null,
      suppressedSentence: SMALL(4),
    });
  });

  it("counts only structures with a value when deciding to hide statistics", () => {
    const members = [
      ...qpv.slice(0, 4),
      member("P5", "Urbain QPV", { "finance.grossPayroll": null }),
    ];
    const rate = entry(
      positionStructure(indexPopulation(members), of("P1", members)).indicators,
      "trainingRate",
    );
    expect(rate.network).toMatchObject({
      size: 5,
      stats: { n: 4, suppressed: true },
      suppressedSentence: SMALL(4),
    });
  });

  it("has no peer group without a territory", () => {
    const loner = member("X1", null);
    const positioning = positionStructure(indexPopulation([...qpv, loner]), loner);
    expect(positioning.territory).toBeNull();
    expect(positioning.indicators.every((i) => i.group === null)).toBe(true);
  });

  it("gives changes since the previous exercice and the change of the network median", () => {
    const before = ["P1", "P2", "P3", "P4", "P5"].map((code) =>
      member(code, "Urbain QPV", costs(4_500)),
    );
    const positioning = positionStructure(population, of("P2"), {
      population: indexPopulation(before),
      member: of("P2", before),
    });
    const rate = entry(positioning.indicators, "trainingRate");
    expect(rate.previousValue).toBe(0.015);
    expect(rate.change).toBeCloseTo(0.005, 15);
    expect(rate.networkMedianChange).toBeCloseTo(0.005, 15);
    const first = entry(p2.indicators, "trainingRate");
    expect([first.previousValue, first.change, first.networkMedianChange]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("lists the red indicators as fragilities", () => {
    expect(positionStructure(population, of("P5")).fragile).toEqual(["certificationInPlan"]);
  });
});
