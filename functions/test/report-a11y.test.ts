// Accessibility of the report mail in headless Chromium: axe-core finds no WCAG 2.1 AA violation, charts' alt texts carry
// their figures, bands are written, and the text reads in order without images.
// biome-ignore-all lint/performance/useDomNodeTextContent: these tests check the text as Chromium renders it to the reader (innerText: visible text, line breaks, reading order), which textContent is not.
import {
  buildNetworkSummary,
  buildReport,
  demoCampaign,
  formatIndicatorValue,
  formatUnitValue,
  generateNetwork,
  type ReportDocument,
} from "@barometre/shared";
import { useAxePage } from "@barometre/testing/axe-page";
import { beforeAll, describe, expect, it } from "vitest";
import { type RenderedMail, renderNetworkSummary, renderReport } from "../src/report/index.ts";

const network = generateNetwork();
const campaign = demoCampaign(network);
const fragile = campaign.reports.findIndex((r) => r.positioning.fragile.length > 0);
const rural = network.structures.findIndex((s) => s.territory === "Rural");

/** The mail's HTML as a client shows it: inline images resolved from their cid: attachments. */
const withImages = (mail: RenderedMail): string =>
  mail.html.replace(/cid:([^"]+)/g, (_, cid: string) => {
    const image = mail.attachments.find((a) => a.cid === cid);
    if (!image) throw new Error(`No attachment for cid:${cid}`);
    return `data:image/png;base64,${image.content.toString("base64")}`;
  });

const axe = useAxePage();
const violations = (html: string) => axe().violations(html);

it("is a harness that does catch low contrast and a missing alt", async () => {
  const found = await violations(
    '<!DOCTYPE html><html lang="fr"><head><title>T</title></head><body><main><p style="color:#bbbbbb">Texte pâle</p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/58BAwAI/AL+hc2rNAAAAABJRU5ErkJggg=="></main></body></html>',
  );
  expect(found.map((v) => v.id).sort()).toEqual(["color-contrast", "image-alt"]);
});

describe.each([
  ["a fragile structure", fragile],
  ["a structure of a small peer group", rural],
])("the report of %s", (_, index) => {
  let doc: ReportDocument;
  let mail: RenderedMail;
  beforeAll(async () => {
    doc = buildReport(campaign.reports[index] as (typeof campaign.reports)[number]);
    mail = await renderReport(doc);
  });

  it("has no WCAG 2.1 AA violation (contrast included)", async () => {
    expect(await violations(withImages(mail))).toEqual([]);
  });

  it("gives every chart an alt text carrying its figures (the legend, said in words above it, none)", async () => {
    await axe().page.setContent(withImages(mail));
    const alts = await axe().page.$$eval("img", (imgs) =>
      imgs.map((i) => i.getAttribute("alt") ?? ""),
    );
    const all = doc.sections.flatMap((s) => s.entries);
    const charts = all.filter((e) => e.chart);
    const trajectories = all.flatMap((e) => (e.trajectory ? [e.trajectory] : []));
    expect(alts[0]).toBe("");
    expect(await axe().page.$eval("img", (img) => img.previousElementSibling?.textContent)).toBe(
      doc.legend.text,
    );
    alts.shift();
    expect(alts).toHaveLength(charts.length + trajectories.length);
    // Each trajectory's alt carries every value of every series, a gap said as such.
    for (const t of trajectories) {
      const alt = alts.splice(alts.indexOf(t.alt), 1)[0];
      expect(alt).toBe(t.alt);
      for (const s of t.series)
        for (const v of s.values) if (v !== null) expect(alt).toContain(formatUnitValue(t.unit, v));
    }
    charts.forEach((e, i) => {
      const row = e.chart?.rows[0];
      if (!row) throw new Error("a chart has at least one row");
      const { q1, median, q3, whiskers } = row.stats;
      for (const v of [q1, median, q3, ...(whiskers ? [whiskers.low, whiskers.high] : [])])
        expect(alts[i], e.key).toContain(formatIndicatorValue(e.key, v));
      if (e.chart?.marker) expect(alts[i]).toContain(e.valueText);
    });
  });

  it("writes the band wherever it is coloured", async () => {
    await axe().page.setContent(mail.html);
    const coloured = await axe().page.$$eval(
      "[style*='background-color:#f'], [style*='background-color:#e3f4e8']",
      (nodes) =>
        nodes
          .filter((n) =>
            /background-color:#(fde8e8|fff1d6|e3f4e8)/.test(n.getAttribute("style") ?? ""),
          )
          .map((n) => (n.closest("table, li") as HTMLElement).innerText),
    );
    expect(coloured.length).toBeGreaterThan(0);
    for (const text of coloured)
      expect(text).toMatch(/Rouge|Orange|Vert|bande (rouge|orange|verte)/);
  });

  it("reads in order without images: the summary, then the eight indicators, each with its value", async () => {
    await axe().page.setContent(mail.html.replace(/<img [^>]*>/g, ""));
    const headings = await axe().page.$$eval("h1, h2", (hs) =>
      hs.map((h) => (h as HTMLElement).innerText),
    );
    expect(headings.slice(0, 2)).toEqual([doc.title, "En résumé"]);
    expect(headings.slice(2, 10).map((h) => h.split(".")[0])).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
    ]);
    const text = await axe().page.evaluate(() => document.body.innerText);
    let at = text.indexOf("En résumé");
    for (const e of doc.sections.flatMap((s) => s.entries)) {
      const next = text.indexOf(e.valueText, at);
      expect(next, e.key).toBeGreaterThan(at);
      at = next;
    }
  });
});

describe("the Union's network summary", () => {
  it("has no WCAG 2.1 AA violation", async () => {
    const doc = buildNetworkSummary({
      campaign: { year: 2018, minGroupSize: 5 },
      structures: campaign.structures,
    });
    expect(await violations(withImages(await renderNetworkSummary(doc)))).toEqual([]);
  });

  it("keeps the transparent table accessible", async () => {
    const transparent = demoCampaign(network, { mode: "transparent" });
    const mail = await renderReport(
      buildReport(transparent.reports[0] as (typeof transparent.reports)[number]),
    );
    expect(await violations(withImages(mail))).toEqual([]);
  });
});
