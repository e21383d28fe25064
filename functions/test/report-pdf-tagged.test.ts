// The report PDF for screen readers: a tagged PDF whose structure (read by poppler) holds every heading, paragraph,
// list item and table cell in reading order, each chart as a Figure whose alternative carries its figures, and leaves
// out only what is decoration (backgrounds, running footers, repeated table headers, and the legend's drawing, which
// the sentence above it says in words).
import { buildReport, demoCampaign, generateNetwork, type ReportDocument } from "@barometre/shared";
import { pdfText } from "@barometre/testing/report-pdf-text";
import { beforeAll, describe, expect, it } from "vitest";
import { legendFigure } from "../src/report/chart-figure.ts";
import { renderReport } from "../src/report/index.ts";
import { figureAlts, type PdfStructure, pdfStructure } from "./support/pdf-structure.ts";

const network = generateNetwork();
const anonymous = demoCampaign(network);
const transparent = demoCampaign(network, { mode: "transparent" });
const fragile = anonymous.reports.findIndex((r) => r.positioning.fragile.length > 0);

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe.each([
  ["a fragile structure's report", anonymous.reports[fragile], false],
  ["a report with the transparent mode's named table", transparent.reports[0], true],
])("%s", (_, report, named) => {
  let doc: ReportDocument;
  let pdf: Buffer;
  let structure: PdfStructure;
  beforeAll(async () => {
    doc = buildReport(report as NonNullable<typeof report>);
    const mail = await renderReport(doc);
    pdf = mail.attachments.find((a) => a.filename.endsWith(".pdf"))?.content as Buffer;
    structure = pdfStructure(pdf);
  });

  it("is a tagged PDF 1.7 with its title", () => {
    expect(structure.info.Tagged).toBe("yes");
    expect(structure.info["PDF version"]).toBe("1.7");
    expect(structure.info.Title).toBe(doc.subject);
    expect(structure.tree.startsWith("Document\n  H1 (block)\n")).toBe(true);
  });

  it("tags the headings in reading order: the title, the summary, then each indicator", () => {
    const headings = [...structure.tree.matchAll(/^\s+H([123]) \(block\)\n\s+"([^"]*)"/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(headings[0]).toBe(`1 ${doc.title}`);
    expect(headings[1]).toBe("2 En résumé");
    const indicators = headings.filter((h) => /^2 \d\. /.test(h)).map((h) => h.slice(2, 4));
    expect(indicators).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]);
  });

  it("gives each chart a Figure whose alternative is the chart's text, figures included", () => {
    const charts = doc.sections
      .flatMap((s) => s.entries)
      .flatMap((e) => [e.chart, e.trajectory].flatMap((c) => (c ? [c] : [])));
    expect(charts.length).toBeGreaterThan(0);
    expect(figureAlts(pdf)).toEqual(charts.map((c) => c.alt));
    expect(structure.tree.match(/^\s+Figure:/gm)).toHaveLength(charts.length);
  });

  it("tags every piece of text it prints but the footers, repeated table headers and legend drawing", () => {
    const tagged = squeeze(structure.tree);
    const footer = `${doc.title} — ${doc.subtitle} · page`;
    const legend = legendFigure(doc.legend.marker, doc.legend.whiskers).shapes.flatMap((s) =>
      s.t === "text" ? [s.text] : [],
    );
    const untagged = pdfText(pdf)
      .split("\n")
      .filter((line) => squeeze(line) !== "" && !tagged.includes(squeeze(line)))
      .filter((line) => !line.startsWith(footer) && !legend.includes(line));
    expect(untagged).toEqual([]);
    expect(tagged).not.toContain(squeeze(`${footer} 1`));
  });

  it("makes the named table a table: a header row of column headers, then a row per structure", () => {
    const table = doc.transparentTable;
    expect(table !== null).toBe(named);
    if (!table) return;
    // The named table is the longest (the indicators' fiches, after it, are a table too).
    const rows = structure.tree
      .split(/^ {2}Table \(block\)$/m)
      .slice(1)
      .map((part) => part.split(/^ {4}TR$/m))
      .reduce((a, b) => (b.length > a.length ? b : a), [] as string[]);
    const heads = (part: string, scope: string) =>
      part.match(new RegExp(`TH:\\n\\s+/Scope /${scope}`, "g"))?.length ?? 0;
    expect(rows.slice(1)).toHaveLength(table.rows.length + 1);
    expect(heads(rows[1] as string, "Column")).toBe(table.head.length);
    for (const row of rows.slice(2)) expect(heads(row, "Row")).toBe(1);
  });
});
