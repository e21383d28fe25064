// Positionings share by reference what every structure's view of a group has in common (shown statistics, verdicts,
// the Oui/Non view, empty lists): neither the next positionings nor the report and the sheet may change it.
import { describe, expect, it } from "vitest";
import {
  buildReport,
  DEFAULT_MIN_GROUP_SIZE,
  type DemoNetwork,
  defaultSizeBands,
  demoCampaign,
  demoPeerChoices,
  generateNetwork,
  indexPeerGroups,
  indexPopulation,
  indexSizeGroups,
  type Member,
  memberOf,
  type Positioning,
  positioningCells,
  positionStructure,
} from "../src/index.ts";

/** Freezes a value and all it reaches, so that any later write to it throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  if (Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

/** Every population of a campaign indexed once, as a close does, and each structure positioned against them. */
function indexedCampaign(network: DemoNetwork, means: boolean) {
  const min = DEFAULT_MIN_GROUP_SIZE;
  const members = network.structures.map((s) => memberOf(s.current));
  const previous = network.structures.map((s) => (s.previous ? memberOf(s.previous) : null));
  const present = previous.filter((m): m is Member => m !== null);
  const population = indexPopulation(members, min);
  const previousPopulation = indexPopulation(present, min);
  const bands = defaultSizeBands(present);
  const sizeGroups = indexSizeGroups(members, bands, min);
  const choices = demoPeerChoices(members.map((m) => m.structureCode));
  const peers = indexPeerGroups(members, choices, bands, min, false);
  const past = [{ year: network.year - 1, population: previousPopulation }];
  return (i: number): Positioning => {
    const member = members[i] as Member;
    const before = previous[i] ?? null;
    return positionStructure(
      population,
      member,
      { population: previousPopulation, member: before },
      {
        sizeGroups,
        peers: peers.get(member.structureCode),
        history: { year: network.year, past: past.map((c) => ({ ...c, member: before })) },
        means,
      },
    );
  };
}

const network = generateNetwork({ size: 120, seed: 11 });
const order = network.structures.map((_, i) => i);

describe("positionings sharing a group's views", () => {
  for (const means of [true, false]) {
    it(`stay what a fresh index gives, each frozen before the next is made (means ${means})`, () => {
      const position = indexedCampaign(network, means);
      const frozen = order.map((i) => deepFreeze(position(i)));
      // Positioned again against the same indexes, every shared part now built: nothing moved.
      expect(order.map(position)).toEqual(frozen);
      // Against indexes built afresh, filled in the reverse order.
      const fresh = indexedCampaign(network, means);
      const reversed = [...order].reverse().map(fresh).reverse();
      expect(reversed).toEqual(frozen);
    });
  }

  it("are read, not written, by the report and the sheet's positioning cells", () => {
    const campaign = demoCampaign(network, {
      mode: "transparent",
      peers: demoPeerChoices(network.structures.map((s) => s.code)),
    });
    for (const report of campaign.reports) {
      deepFreeze(report.positioning);
      expect(() => buildReport(report)).not.toThrow();
      expect(() => positioningCells(report.positioning)).not.toThrow();
    }
  });
});
