// Accessibility of the report mail in headless Chromium: axe-core finds no WCAG 2.1 AA violation, box plots' alt texts
// carry their figures, trajectories are data tables, bands are written, and the text reads in order without images or
// without the style sheet.
// biome-ignore-all lint/performance/useDomNodeTextContent: these tests check the text as Chromium renders it to the reader (innerText: visible text, line breaks, reading order), which textContent is not.
import {
  buildNetworkSummary,
  buildReport,
  demoCampaign,
  formatIndicatorValue,
  formatUnitValue,
  generateNetwork,
  type ReportDocument,
  TRAJECTORY_GAP_REASON,
  type TrajectoryModel,
} from "@barometre/shared";
import { atWidth, useAxePage } from "@barometre/testing/axe-page";
import { beforeAll, describe, expect, it } from "vitest";
import { privacySentence } from "../src/mail/privacy-note.ts";
import { type RenderedMail, renderNetworkSummary, renderReport } from "../src/report/index.ts";

const network = generateNetwork();
/** A privacy page's address as long as a real one can be. */
const PRIVACY =
  "https://www.union-des-pimms.example/barometre-des-pimms/confidentialite-et-donnees";
const campaign = demoCampaign(network);
const fragile = campaign.reports.findIndex((r) => r.positioning.fragile.length > 0);
const rural = network.structures.findIndex((s) => s.territory === "Rural");
/** A structure without a value in a past campaign: its trajectories have gaps. */
const gap = campaign.reports.findIndex((r) =>
  buildReport(r)
    .sections.flatMap((s) => s.entries)
    .some((e) =>
      e.trajectory?.series.some((s) => s.role === "structure" && s.values.includes(null)),
    ),
);

/** What a trajectory table says, as the accessibility tree gives it: its column headers, then each row's header and cells. */
const trajectoryCells = (t: TrajectoryModel): string[] => [
  ...["Campagne", ...t.series.map((s) => s.label)].map((h) => `columnheader ${h}`),
  ...t.years.flatMap((year, i) => [
    `rowheader ${year}`,
    ...t.series.map((s) => {
      const v = s.values[i] ?? null;
      return `cell ${v === null ? "pas de valeur" : formatUnitValue(t.unit, v)}`;
    }),
  ]),
];

/** The mail's HTML as a client shows it: inline images resolved from their cid: attachments. */
const withImages = (mail: RenderedMail): string =>
  mail.html.replace(/cid:([^"]+)/g, (_, cid: string) => {
    const image = mail.attachments.find((a) => a.cid === cid);
    if (!image) throw new Error(`No attachment for cid:${cid}`);
    return `data:image/png;base64,${image.content.toString("base64")}`;
  });

const axe = useAxePage();
const violations = (html: string) => axe().violations(html);

/**
 * The mail shown `width` pixels wide: it must not be wider than the screen, each data table's box as wide as the
 * text, and every table must scroll whole into its box. Gives each table's width and its box's.
 */
async function tableWidths(html: string, width: number) {
  const { page } = axe();
  const sizes = await atWidth(page, width, html, () =>
    page.evaluate(() => ({
      view: document.documentElement.clientWidth,
      page: document.documentElement.scrollWidth,
      text: (document.querySelector("h2") as HTMLElement).getBoundingClientRect().width,
      tables: Array.from(document.querySelectorAll("table.t, table.tj")).map((t) => {
        const box = t.parentElement as HTMLElement;
        return {
          className: t.className,
          table: t.getBoundingClientRect().width,
          box: box.clientWidth,
          scrolls: box.scrollWidth,
        };
      }),
    })),
  );
  expect(sizes.page, `${width} px`).toBeLessThanOrEqual(sizes.view);
  expect(sizes.tables.length).toBeGreaterThan(0);
  for (const t of sizes.tables) {
    expect(t.box).toBeCloseTo(sizes.text, 0);
    expect(t.scrolls).toBeGreaterThanOrEqual(Math.floor(t.table));
  }
  return sizes.tables;
}

it("is a harness that does catch low contrast and a missing alt", async () => {
  const found = await violations(
    '<!DOCTYPE html><html lang="fr"><head><title>T</title></head><body><main><p style="color:#bbbbbb">Texte pâle</p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/58BAwAI/AL+hc2rNAAAAABJRU5ErkJggg=="></main></body></html>',
  );
  expect(found.map((v) => v.id).sort()).toEqual(["color-contrast", "image-alt"]);
});

describe.each([
  ["a fragile structure", fragile],
  ["a structure of a small peer group", rural],
  ["a structure with gaps in its trajectories", gap],
])("the report of %s", (_, index) => {
  let doc: ReportDocument;
  let mail: RenderedMail;
  beforeAll(async () => {
    // With the privacy sentence the close adds, and its long web address.
    const built = buildReport(campaign.reports[index] as (typeof campaign.reports)[number]);
    doc = { ...built, notes: [...built.notes, privacySentence(PRIVACY)] };
    mail = await renderReport(doc);
  });

  it("has no WCAG 2.1 AA violation (contrast included)", async () => {
    expect(await violations(withImages(mail))).toEqual([]);
  });

  it("fits a 320-pixel phone: a data table wider than the screen scrolls in its own box, a web address wraps", async () => {
    await tableWidths(withImages(mail), 320);
    const links = await axe().page.$$eval("a", (as) => as.map((a) => [a.href, a.textContent]));
    expect(links).toEqual([[PRIVACY, PRIVACY]]);
  });

  it("gives every box plot an alt text carrying its figures (the legend, said in words above it, none)", async () => {
    await axe().page.setContent(withImages(mail));
    const alts = await axe().page.$$eval("img", (imgs) =>
      imgs.map((i) => i.getAttribute("alt") ?? ""),
    );
    const charts = doc.sections.flatMap((s) => s.entries).filter((e) => e.chart);
    expect(alts[0]).toBe("");
    expect(await axe().page.$eval("img", (img) => img.previousElementSibling?.textContent)).toBe(
      doc.legend.text,
    );
    alts.shift();
    expect(alts).toHaveLength(charts.length);
    charts.forEach((e, i) => {
      const row = e.chart?.rows[0];
      if (!row) throw new Error("a chart has at least one row");
      const { q1, median, q3, whiskers } = row.stats;
      for (const v of [q1, median, q3, ...(whiskers ? [whiskers.low, whiskers.high] : [])])
        expect(alts[i], e.key).toContain(formatIndicatorValue(e.key, v));
      if (e.chart?.marker) expect(alts[i]).toContain(e.valueText);
    });
  });

  it("gives each trajectory as a data table: its title as caption, a column per series, a row per campaign, a gap read as such", async () => {
    await axe().page.setContent(mail.html);
    const trajectories = doc.sections
      .flatMap((s) => s.entries)
      .flatMap((e) => (e.trajectory ? [e.trajectory] : []));
    const tables = axe().page.locator("caption").locator("xpath=..");
    expect(await tables.count()).toBe(trajectories.length);
    for (const [i, t] of trajectories.entries()) {
      const table = tables.nth(i);
      const caption = (await table.locator("caption").textContent()) ?? "";
      expect(caption.startsWith(t.title), caption).toBe(true);
      const gaps = t.series.map((s) => s.values.includes(null));
      expect(caption.includes("(« — » : pas de valeur"), caption).toBe(gaps.includes(true));
      expect(caption.includes(TRAJECTORY_GAP_REASON), caption).toBe(gaps[0] === true);
      expect(
        await table.locator("thead th:not([scope=col]), tbody th:not([scope=row])").count(),
      ).toBe(0);
      const read = [
        ...(await table.ariaSnapshot()).matchAll(/- (columnheader|rowheader|cell) "(.*)"/g),
      ];
      // The accessibility tree writes every space as a plain one (fr-FR figures have narrow no-break spaces).
      const spaced = (cells: string[]) => cells.map((c) => c.replace(/\s/g, " "));
      expect(spaced(read.map((m) => `${m[1]} ${m[2]}`))).toEqual(spaced(trajectoryCells(t)));
    }
    if (index === gap)
      expect(await axe().page.locator("td", { hasText: "—" }).count()).toBeGreaterThan(0);
  });

  it("reads in order with its style sheet dropped: every section, value and band in words, each trajectory's figures", async () => {
    const bare = withImages(mail).replace(/<style>[^<]*<\/style>/, "");
    expect(bare).not.toContain("<style");
    expect(await violations(bare)).toEqual([]);
    const text = await axe().page.evaluate(() => document.body.innerText);
    let at = -1;
    const next = (words: string, what: string) => {
      const found = text.indexOf(words, at + 1);
      expect(found, `${what}: ${words}`).toBeGreaterThan(at);
      at = found;
    };
    next(doc.title, "title");
    next("En résumé", "summary");
    for (const item of doc.summary.items) next(item.text, "summary item");
    for (const section of doc.sections) {
      next(`${section.number}. ${section.title}`, "section");
      for (const e of section.entries) {
        next(e.valueText, e.key);
        if (e.band) next(e.band.text, e.key);
        const t = e.trajectory;
        if (t)
          t.years.forEach((year, i) => {
            next(String(year), `${e.key} trajectory`);
            for (const s of t.series) {
              const v = s.values[i] ?? null;
              next(v === null ? "— pas de valeur" : formatUnitValue(t.unit, v), `${e.key} ${year}`);
            }
          });
        if (e.evolution) next(e.evolution, e.key);
      }
    }
  });

  it("writes the band wherever it is coloured", async () => {
    await axe().page.setContent(mail.html);
    // The bands' backgrounds (BAND in palette.ts), as the style sheet gives them.
    const coloured = await axe().page.$$eval("body *", (nodes) =>
      nodes
        .filter((n) =>
          ["rgb(253, 232, 232)", "rgb(255, 241, 214)", "rgb(227, 244, 232)"].includes(
            getComputedStyle(n).backgroundColor,
          ),
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

  const transparent = demoCampaign(network, { mode: "transparent" });
  const transparentMail = () =>
    renderReport(buildReport(transparent.reports[0] as (typeof transparent.reports)[number]));

  it("keeps the transparent table accessible", async () => {
    expect(await violations(withImages(await transparentMail()))).toEqual([]);
  });

  it("scrolls the transparent table in its own box, never the whole mail", async () => {
    const html = withImages(await transparentMail());
    for (const width of [700, 400]) {
      const named = (await tableWidths(html, width)).find((t) => t.className === "t");
      expect(named?.table, "the named table is wider than the mail").toBeGreaterThan(
        named?.box ?? Number.POSITIVE_INFINITY,
      );
    }
  });
});
