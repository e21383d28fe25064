// The report document: summary with fragile indicators first, the Union's eight sections, figures in words, anonymity, small groups.
import { describe, expect, it } from "vitest";
import {
  buildNetworkSummary,
  buildReport,
  demoCampaign,
  formatIndicatorValue,
  formatNumber,
  formatPoints,
  generateNetwork,
  INDICATORS,
  type IndicatorEntry,
  indicator,
  isSuppressed,
  quantileSorted,
  reportLayout,
  suppressionSentence,
} from "../src/index.ts";

const network = generateNetwork();
const campaign = demoCampaign(network);
const docs = campaign.reports.map(buildReport);
const entries = (i: number): IndicatorEntry[] =>
  (docs[i]?.sections ?? []).flatMap((s) => s.entries);

describe("buildReport", () => {
  it("groups the fifteen keys as the Union's eight indicators", () => {
    const doc = docs[0];
    expect(doc?.sections.map((s) => s.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const keys = (n: string) =>
      doc?.sections.find((s) => s.number === n)?.entries.map((e) => e.key);
    expect(keys("2")).toEqual(["financialBalance", "monthsOfCharges"]);
    expect(keys("5")).toHaveLength(6);
    expect(keys("6")).toEqual(["dailyVisitorsPerFte", "dailyReasonsPerFte"]);
    expect(doc?.sections.find((s) => s.number === "5")?.title).toBe("Répartition des motifs");
  });

  it("lists the fragile indicators first in the summary, named in its headline", () => {
    let fragileReports = 0;
    docs.forEach((doc, i) => {
      const fragile = campaign.reports[i]?.positioning.fragile ?? [];
      const statuses = doc.summary.items.map((item) => item.status);
      const firstOther = statuses.findIndex((s) => s !== "red");
      expect(
        statuses.slice(0, fragile.length).every((s) => s === "red"),
        doc.structure.code,
      ).toBe(true);
      expect(statuses.slice(firstOther === -1 ? statuses.length : firstOther)).not.toContain("red");
      expect(doc.summary.items.slice(0, fragile.length).map((item) => item.key)).toEqual(fragile);
      for (const key of fragile) expect(doc.summary.headline).toContain(indicator(key).name);
      if (fragile.length > 0) {
        fragileReports++;
        expect(doc.summary.headline).toMatch(/^Point d'attention : .* bande rouge \(fragilité\)/);
      } else expect(doc.summary.headline).toContain("sur aucun indicateur");
    });
    expect(fragileReports).toBeGreaterThan(2);
  });

  it("writes every band in words beside its value, with the thresholds", () => {
    const words = {
      red: "Rouge (fragilité)",
      orange: "Orange (à surveiller)",
      green: "Vert (satisfaisant)",
    };
    for (const i of docs.keys())
      for (const e of entries(i)) {
        const p = campaign.reports[i]?.positioning.indicators.find((x) => x.key === e.key);
        if (p?.status) {
          expect(e.band?.text).toBe(words[p.status]);
          expect(e.facts.find((f) => f.label === "Bande")?.value).toBe(words[p.status]);
          expect(e.band?.thresholds).toMatch(/rouge/);
        } else expect(e.band).toBeNull();
      }
  });

  it("charts the network and peer group with the structure's marker, and says every figure in the alt text", () => {
    const e = entries(0).find((x) => x.key === "financialBalance");
    const p = campaign.reports[0]?.positioning.indicators.find((x) => x.key === "financialBalance");
    expect(e?.chart?.rows.map((r) => r.label)).toEqual([
      "Réseau (35\u00a0structures)",
      "Groupe Urbain QPV (26\u00a0structures)",
    ]);
    // The size groups (default bands: the terciles of 2017) in figures, with their size.
    expect(e?.facts.map((f) => f.label)).toEqual(
      expect.arrayContaining([
        `Groupe charges < ${formatNumber(280_000)}\u00a0€ (12\u00a0structures)`,
        "Groupe effectif < 7,6\u00a0ETP (14\u00a0structures)",
      ]),
    );
    expect(e?.chart?.marker?.value).toBe(p?.value);
    const stats = campaign.population.network.stats.financialBalance;
    if (isSuppressed(stats)) throw new Error("network statistics expected");
    const sorted = campaign.population.network.sorted.financialBalance;
    const deciles = [quantileSorted(sorted, 0.1), quantileSorted(sorted, 0.9)];
    for (const v of [deciles[0], stats.q1, stats.median, stats.q3, deciles[1]])
      expect(e?.chart?.alt).toContain(formatIndicatorValue("financialBalance", v as number));
    // Statistical secrecy: neither extreme (each one other structure's value) is sent to a structure.
    expect(e?.chart?.alt).toContain(
      `10e centile ${formatIndicatorValue("financialBalance", deciles[0] as number)}`,
    );
    expect(e?.chart?.alt).not.toContain("minimum");
    expect(e?.chart?.alt).not.toContain("maximum");
    expect(e?.chart?.alt).toContain(`Votre structure : ${e?.valueText}`);
    expect(e?.chart?.alt).toMatch(/Bande : (Rouge|Orange|Vert)/);
    expect(e?.chart?.alt).toMatch(
      /Position dans le réseau : dans (le quart le plus (haut|bas)|la moitié centrale) du réseau \(rang centile \d+ sur 100\)|au niveau le plus/,
    );
  });

  it("gives the evolution since N-1 in the indicator's unit: points for rates", () => {
    const i = docs.findIndex(
      (d, k) => network.structures[k]?.previous && d.structure.territory !== "Rural",
    );
    const p = campaign.reports[i]?.positioning.indicators.find((x) => x.key === "trainingRate");
    const e = entries(i).find((x) => x.key === "trainingRate");
    expect(e?.evolution).toContain(
      `${formatPoints((p?.change as number) * 100)} pour votre structure`,
    );
    expect(e?.evolution).toContain(
      `${formatPoints((p?.networkMedianChange as number) * 100)} pour la médiane du réseau`,
    );
    const ratio = entries(i).find((x) => x.key === "financialBalance");
    expect(ratio?.evolution).not.toContain("pts");
    expect(entries(i).find((x) => x.key === "reasonsPartnersChangePts")?.evolution).toBeNull();
    const newcomer = docs.findIndex((_, k) => !network.structures[k]?.previous);
    expect(entries(newcomer).find((x) => x.key === "trainingRate")?.evolution).toContain(
      "pas de valeur 2017",
    );
  });

  it("shows the French sentence instead of a small peer group's statistics", () => {
    const i = network.structures.findIndex((s) => s.territory === "Rural");
    const sentence = suppressionSentence(3, 5);
    for (const e of entries(i)) {
      expect(e.notices.join(" "), e.key).toContain(sentence);
      if (e.chart) expect(e.chart.rows.map((r) => r.label).join()).not.toContain("Rural");
    }
  });

  it("says why a value is not computable", () => {
    const i = network.structures.findIndex(
      (s) =>
        s.current.social.exitsDurableJob === 0 &&
        s.current.social.exitsOther === 0 &&
        s.current.social.exitsJobSeeking === 0 &&
        s.current.social.exitsTraining === 0,
    );
    const e = entries(i).find((x) => x.key === "positiveExitRate");
    expect(e?.valueText).toBe("non calculable");
    expect(e?.reason).toBe("Aucune sortie de médiateur sur l'exercice");
    expect(e?.chart?.marker).toBeNull();
    expect(docs[i]?.summary.items.find((x) => x.key === "positiveExitRate")?.text).toContain(
      "non calculable",
    );
  });

  it("names no other structure in anonymous mode, even when handed the named table", () => {
    docs.forEach((doc, i) => {
      const leaky = buildReport({
        ...(campaign.reports[i] as (typeof campaign.reports)[number]),
        transparentTable: campaign.structures,
      });
      for (const text of [
        JSON.stringify(doc),
        JSON.stringify(leaky),
        JSON.stringify(reportLayout(leaky)),
      ])
        for (const other of network.structures)
          if (other.code !== doc.structure.code) {
            expect(text.includes(other.name), `${doc.structure.code} shows ${other.name}`).toBe(
              false,
            );
            expect(text.includes(other.code), `${doc.structure.code} shows ${other.code}`).toBe(
              false,
            );
          }
      expect(doc.transparentTable).toBeNull();
    });
  });

  it("adds the named table of every structure in transparent mode", () => {
    const transparent = demoCampaign(network, { mode: "transparent" });
    const doc = buildReport(transparent.reports[4] as (typeof transparent.reports)[number]);
    expect(doc.transparentTable?.rows).toHaveLength(35);
    expect(doc.transparentTable?.rows.filter((r) => r.highlight).map((r) => r.cells[0])).toEqual([
      `${doc.structure.name} (${doc.structure.code})`,
    ]);
    for (const s of network.structures)
      expect(JSON.stringify(doc.transparentTable)).toContain(s.name);
    expect(reportLayout(doc).blocks.some((b) => b.kind === "table")).toBe(true);
    const { transparentTable: _, ...withoutTable } = transparent
      .reports[4] as (typeof transparent.reports)[number];
    expect(() => buildReport(withoutTable)).toThrow(/transparentTable/);
  });

  it("follows the campaign's bands in the thresholds it writes", () => {
    const input = campaign.reports[0] as (typeof campaign.reports)[number];
    const doc = buildReport({
      ...input,
      campaign: {
        ...input.campaign,
        bands: {
          trainingRate: {
            kind: "numeric",
            green: { op: ">=", value: 0.03 },
            orange: { op: ">=", value: 0.015 },
          },
        },
      },
    });
    const e = doc.sections.flatMap((s) => s.entries).find((x) => x.key === "trainingRate");
    expect(e?.facts.find((f) => f.label === "Seuils")?.value).toBe(
      "vert ≥ 3,0\u00a0% ; orange ≥ 1,5\u00a0% ; rouge en dessous",
    );
  });
});

describe("buildNetworkSummary", () => {
  const summary = buildNetworkSummary({
    campaign: { year: 2018, minGroupSize: 5 },
    structures: campaign.structures,
    previousPopulation: campaign.previousPopulation,
  });

  it("names the fragile structures per indicator, first in the summary", () => {
    for (const item of summary.summary.items) {
      const red = campaign.structures.filter((s) => s.indicators[item.key].status === "red");
      expect(item.status).toBe(red.length > 0 ? "red" : null);
      for (const s of red) expect(item.text).toContain(`${s.name} (${s.code})`);
    }
    const statuses = summary.summary.items.map((i) => i.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => Number(a === null) - Number(b === null)));
    const fragile = campaign.structures.filter((s) =>
      Object.values(s.indicators).some((r) => r.status === "red"),
    );
    expect(summary.summary.headline).toContain(`${fragile.length}\u00a0structure`);
  });

  it("charts the network and every shown peer group without any marker", () => {
    const e = summary.sections
      .flatMap((s) => s.entries)
      .find((x) => x.key === "dailyVisitorsPerFte");
    expect(e?.chart?.marker).toBeNull();
    expect(e?.chart?.rows.map((r) => r.label)).toEqual([
      "Réseau (35\u00a0structures)",
      "Groupe Urbain hors QPV (6\u00a0structures)",
      "Groupe Urbain QPV (26\u00a0structures)",
    ]);
    expect(e?.notices).toEqual([`Groupe Rural — ${suppressionSentence(3, 5)}`]);
    expect(e?.evolution).toMatch(/^Évolution de la médiane du réseau depuis 2017 : [+-]\d/);
  });

  it("shows no statistics at all for a network under the minimum size", () => {
    const tiny = buildNetworkSummary({
      campaign: { year: 2018, minGroupSize: 5 },
      structures: campaign.structures.slice(0, 4),
    });
    for (const e of tiny.sections.flatMap((s) => s.entries)) {
      expect(e.chart).toBeNull();
      expect(e.notices[0]).toMatch(/^Réseau — Moins de 5 structures \(\d\)/);
    }
  });
});

describe("« Comment lire ce rapport »", () => {
  const input = campaign.reports[0] as (typeof campaign.reports)[number];
  const doc = buildReport({
    ...input,
    campaign: { ...input.campaign, responses: { received: 35, expected: 40 } },
    dataAt: "12/06/2019 10:15:00",
  });
  const layout = reportLayout(doc);
  const end = layout.blocks.slice(
    layout.blocks.findIndex((b) => b.kind === "heading" && b.text === "Comment lire ce rapport"),
  );
  const text = JSON.stringify(end);

  it("ends the report with the response rate, each group's size, the secrecy rules and the date of the data", () => {
    expect(end.length).toBeGreaterThan(1);
    expect(text).toContain("35 structures sur 40 de l'annuaire de l'Union");
    expect(text).toContain("87,5");
    expect(text).toContain(
      "Réseau : toutes les structures qui ont transmis leur retour (35\u00a0structures)",
    );
    expect(text).toContain(
      `Groupe ${input.structure.territory} : les structures du même type de territoire`,
    );
    expect(text).toContain("ni le minimum ni le maximum");
    expect(text).toContain("du 10e au 90e centile");
    expect(text).toContain("Données arrêtées le 12/06/2019 10:15:00 (heure de Paris)");
  });

  it("gathers every indicator's definition and formula there, once", () => {
    const fiches = end.find((b) => b.kind === "facts");
    expect(fiches?.kind === "facts" && fiches.facts.map((f) => f.label)).toEqual(
      INDICATORS.map((d) => `${d.number}. ${d.name}`),
    );
    for (const d of INDICATORS) expect(text).toContain(d.formulaInWords);
    const before = layout.blocks.slice(0, layout.blocks.length - end.length);
    expect(JSON.stringify(before)).not.toContain('"label":"Définition"');
  });
});
