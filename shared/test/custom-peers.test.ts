// Custom peer sets in the domain and the report: each structure placed in the set it chose against an independent
// count, structures with the same criteria sharing one group, and the report saying how the set is defined and how many it holds.
import { describe, expect, it } from "vitest";
import {
  buildNetworkSummary,
  buildReport,
  defaultSizeBands,
  demoCampaign,
  generateNetwork,
  memberOf,
  type PeerChoice,
  reportLayout,
} from "../src/index.ts";

const network = generateNetwork({ size: 90, seed: 3 });
const codes = network.structures.map((s) => s.code);
const bands = defaultSizeBands(
  network.structures.flatMap((s) => (s.previous ? [memberOf(s.previous)] : [])),
);
const criteria: PeerChoice = { territory: "Urbain QPV", fteBand: 1 };
const choices = new Map<string, PeerChoice>([
  [codes[0] as string, criteria],
  [codes[1] as string, criteria],
  [codes[2] as string, { codes: codes.slice(40, 46) }],
]);
const campaign = demoCampaign(network, { mode: "transparent", peers: choices });
const report = (code: string) => campaign.reports.find((r) => r.structure.code === code);

describe("custom peer sets", () => {
  it("place a structure in the structures its criteria select, counted independently", () => {
    const band = bands.fte?.[1];
    const inSet = network.structures.filter((s) => {
      const v = memberOf(s.current).size?.fte;
      return (
        s.territory === "Urbain QPV" &&
        typeof v === "number" &&
        v >= (band?.min as number) &&
        (band?.max == null || v < band.max)
      );
    });
    const p = report(codes[0] as string)?.positioning;
    expect(p?.peers?.size).toBe(inSet.length);
    expect(p?.peers?.label).toMatch(/^de pairs choisis \(Urbain QPV, effectif .*\)$/);
    const view = p?.indicators.find((i) => i.key === "trainingRate")?.custom;
    expect(view?.size).toBe(inSet.length);
    // The same criteria make one group, shared by both structures that chose them.
    expect(report(codes[1] as string)?.positioning.peers).toEqual(p?.peers);
  });

  it("place a structure with the structures it named, itself included", () => {
    const p = report(codes[2] as string)?.positioning;
    expect(p?.peers?.size).toBe(7);
    expect(p?.peers?.definition).toContain(codes.slice(40, 46).join(", "));
    expect(report(codes[3] as string)?.positioning.peers).toBeUndefined();
  });

  it("apply named structures only in a transparent campaign, criteria in any", () => {
    const anonymous = demoCampaign(network, { peers: choices });
    const peersOf = (code: string) =>
      anonymous.reports.find((r) => r.structure.code === code)?.positioning.peers;
    expect(peersOf(codes[2] as string)).toBeUndefined();
    expect(peersOf(codes[0] as string)).toEqual(report(codes[0] as string)?.positioning.peers);
  });

  it("say in the report how the set is defined and how many it holds, with no extra chart row", () => {
    const input = report(codes[0] as string);
    if (!input) throw new Error("no report");
    const doc = buildReport(input);
    const text = JSON.stringify(reportLayout(doc));
    const peers = input.positioning.peers;
    expect(text).toContain(`Groupe ${peers?.label} : ${peers?.definition} (${peers?.size}`);
    expect(text).toContain("jamais de moyenne ni de part de Oui");
    for (const entry of doc.sections.flatMap((s) => s.entries)) {
      expect(JSON.stringify([entry.facts, entry.notices])).toContain(peers?.label);
      if (entry.chart) expect(entry.chart.rows.length).toBeLessThanOrEqual(2);
    }
  });

  it("are counted and described in the Union's network summary", () => {
    const summary = buildNetworkSummary({
      campaign: { year: network.year, minGroupSize: 5 },
      structures: campaign.structures.map((s) => ({
        ...s,
        peers: report(s.code)?.positioning.peers,
      })),
    });
    const [, counts, byCriteria, named] = summary.header;
    expect(counts).toBe(
      "3\u00a0structures sur 90 ont choisi un groupe de pairs pour la campagne : 2 par critères, 1 en nommant des structures.",
    );
    const size = report(codes[0] as string)?.positioning.peers?.size;
    expect(byCriteria).toMatch(
      new RegExp(
        `^Groupes définis par critères : « Urbain QPV, effectif [^»]+ » \\(${size}\u00a0structures\\), choisi par 2\u00a0structures\\.$`,
      ),
    );
    expect(named).toBe("Groupes de structures nommées : 1\u00a0groupe de 7\u00a0structures.");
    const none = buildNetworkSummary({
      campaign: { year: network.year, minGroupSize: 5 },
      structures: campaign.structures,
    });
    expect(none.header[1]).toBe("Aucune structure n'a choisi de groupe de pairs pour la campagne.");
  });
});
