// Rendered reports delivered over SMTP and parsed back: figures in fr-FR, inline PNG charts, the PDF, order, anonymity.
import {
  buildNetworkSummary,
  buildReport,
  demoCampaign,
  formatUnitValue,
  generateNetwork,
  type IndicatorEntry,
  type ReportDocument,
  suppressionSentence,
} from "@barometre/shared";
import { compact, deliverAndParse } from "@barometre/testing/report-mail";
import { pdfText } from "@barometre/testing/report-pdf-text";
import type { ParsedMail } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { renderNetworkSummary, renderReport } from "../src/report/index.ts";
import { PNG_SCALE } from "../src/report/raster.ts";

const network = generateNetwork();
const campaign = demoCampaign(network);
const docs = campaign.reports.map(buildReport);
const entries = (doc: ReportDocument): IndicatorEntry[] => doc.sections.flatMap((s) => s.entries);

interface Received {
  doc: ReportDocument;
  mail: ParsedMail;
  html: string;
  text: string;
  pdf: string;
}
let received: Received[] = [];

const pdfOf = (mail: ParsedMail) =>
  mail.attachments.find((a) => a.contentType === "application/pdf");

beforeAll(async () => {
  const rendered = [];
  for (const doc of docs) rendered.push(await renderReport(doc));
  const mails = await deliverAndParse(rendered);
  received = mails.map((mail, i) => ({
    doc: docs[i] as ReportDocument,
    mail,
    html: mail.html || "",
    text: mail.text ?? "",
    pdf: pdfText(pdfOf(mail)?.content as Buffer),
  }));
});

describe("renderReport, delivered and parsed back", () => {
  it("delivers one mail per structure with its subject and every figure in fr-FR, in HTML, text and PDF", () => {
    expect(received).toHaveLength(35);
    for (const { doc, mail, html, text, pdf } of received) {
      expect(mail.subject).toBe(doc.subject);
      for (const e of entries(doc)) {
        expect(html, `${doc.structure.code} ${e.key}`).toContain(e.valueText);
        expect(text, `${doc.structure.code} ${e.key}`).toContain(e.valueText);
        expect(compact(pdf), `${doc.structure.code} ${e.key}`).toContain(compact(e.valueText));
        if (e.band) for (const part of [html, text]) expect(part).toContain(e.band.text);
        if (e.evolution) expect(text).toContain(e.evolution);
      }
      for (const part of [text, pdf]) expect(part).not.toMatch(/\d\.\d/);
      expect(text).toContain(doc.revision.text);
    }
  });

  it("carries every box plot, and the legend once, as inline cid: PNGs that decode to a sane size", () => {
    for (const { doc, mail, html } of received) {
      const charts = entries(doc).filter((e) => e.chart);
      const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
      const images = mail.attachments.filter((a) => a.contentType === "image/png");
      expect(cids).toHaveLength(charts.length + 1);
      expect(cids[0]).toMatch(/^legende\./);
      expect(images.map((a) => a.cid).sort()).toEqual([...cids].sort());
      // Named in French, as a mail client lists them: the legend, then each chart by its indicator's name.
      const names = images.map((a) => a.filename);
      expect(names[0]).toBe("graphique-legende.png");
      for (const name of names) expect(name).toMatch(/^graphique-[a-z0-9]+(-[a-z0-9]+)*\.png$/);
      expect(new Set(names).size).toBe(names.length);
      if (charts.some((e) => e.key === "financialBalance"))
        expect(names).toContain("graphique-equilibre-financier.png");
      for (const image of images) {
        const png = image.content;
        expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
        expect(png.toString("latin1", 12, 16)).toBe("IHDR");
        expect(png.readUInt32BE(16)).toBe(600 * PNG_SCALE);
        const height = png.readUInt32BE(20) / PNG_SCALE;
        if (image.cid?.startsWith("legende.")) expect(height).toBe(30);
        // A distribution chart: 32 pixels of head, then 58 per group (network, territory, size groups).
        else
          expect((height - 32) % 58 === 0 && height <= 32 + 4 * 58, `${image.cid} ${height}`).toBe(
            true,
          );
        expect(image.contentDisposition).toBe("inline");
      }
    }
  });

  it("gives each trajectory as a table of figures rather than an image, in the HTML as in the text", () => {
    let trajectories = 0;
    for (const { doc, mail, html, text } of received) {
      expect(mail.attachments.filter((a) => a.cid?.startsWith("trajectoire-"))).toEqual([]);
      for (const t of entries(doc).flatMap((e) => (e.trajectory ? [e.trajectory] : []))) {
        trajectories++;
        const captions = [...html.matchAll(/<caption id="b\d+">([^<]*)</g)].map((m) => m[1]);
        expect(captions.some((c) => c?.startsWith(t.title))).toBe(true);
        for (const s of t.series)
          for (const v of s.values)
            if (v !== null) expect(html).toContain(`<td>${formatUnitValue(t.unit, v)}</td>`);
        expect(text).toContain(t.alt);
      }
    }
    expect(trajectories).toBeGreaterThan(100);
  });

  it("keeps its one style sheet within what Gmail and Outlook apply: in the head, under 16 KB, no at-rule, one class per element", () => {
    for (const { html } of received) {
      const sheets = [...html.matchAll(/<style>([^<]*)<\/style>/g)];
      expect(sheets).toHaveLength(1);
      const [head = "", body = ""] = html.split("</head>");
      expect(head).toContain("<style>");
      expect(body).not.toContain("<style");
      const sheet = sheets[0]?.[1] ?? "";
      expect(Buffer.byteLength(sheet)).toBeLessThan(16_384);
      expect(sheet).not.toContain("@");
      for (const [, classes] of html.matchAll(/ class="([^"]*)"/g))
        expect(classes).toMatch(/^\S+$/);
    }
  });

  it("attaches the PDF, named after the year and the code, with the structure's name inside", () => {
    for (const { doc, mail, pdf } of received) {
      const file = pdfOf(mail);
      expect(file?.filename).toBe(`barometre-2018-${doc.structure.code}.pdf`);
      expect(file?.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf).toContain(doc.structure.name);
      expect(pdf).toContain(doc.title);
    }
  });

  it("lists the fragile indicators first in the summary, in the mail and in the PDF", () => {
    let fragile = 0;
    for (const { doc, text, pdf } of received) {
      const items = doc.summary.items;
      const red = items.filter((i) => i.status === "red");
      const firstOther = items.find((i) => i.status !== "red");
      if (red.length === 0 || !firstOther) continue;
      fragile++;
      for (const part of [compact(text), compact(pdf)])
        for (const item of red)
          expect(part.indexOf(compact(item.text))).toBeLessThan(
            part.indexOf(compact(firstOther.text)),
          );
    }
    expect(fragile).toBeGreaterThan(2);
  });

  it("names no other structure in anonymous mode: not in HTML, text, PDF or attachment names", () => {
    for (const { doc, mail, html, text, pdf } of received) {
      const files = mail.attachments.map((a) => `${a.filename} ${a.cid ?? ""}`).join(" ");
      const pdfCompact = compact(pdf);
      for (const other of network.structures) {
        if (other.code === doc.structure.code) continue;
        for (const part of [html, text, files, mail.subject ?? ""]) {
          expect(part.includes(other.name), `${doc.structure.code} shows ${other.name}`).toBe(
            false,
          );
          expect(part.includes(other.code), `${doc.structure.code} shows ${other.code}`).toBe(
            false,
          );
        }
        expect(
          pdfCompact.includes(compact(other.name)),
          `${doc.structure.code} PDF shows ${other.name}`,
        ).toBe(false);
        expect(
          pdfCompact.includes(other.code),
          `${doc.structure.code} PDF shows ${other.code}`,
        ).toBe(false);
      }
    }
  });

  it("writes the French sentence for a peer group too small to show", () => {
    const sentence = suppressionSentence(3, 5);
    const rural = received.filter((r) => r.doc.structure.territory === "Rural");
    expect(rural).toHaveLength(3);
    for (const { html, text, pdf } of rural) {
      expect(html).toContain(sentence.replace(/'/g, "'"));
      expect(text).toContain(sentence);
      expect(compact(pdf)).toContain(compact(sentence));
    }
  });
});

describe("transparent mode and the Union's summary", () => {
  it("adds the named table of all structures to the mail and the PDF", async () => {
    const transparent = demoCampaign(network, { mode: "transparent" });
    const [mail] = await deliverAndParse([
      await renderReport(
        buildReport(transparent.reports[0] as (typeof transparent.reports)[number]),
      ),
    ]);
    const pdf = compact(pdfText(pdfOf(mail as ParsedMail)?.content as Buffer));
    expect(mail?.html).toContain("<caption");
    for (const s of network.structures) {
      expect(mail?.html).toContain(`${s.name} (${s.code})`);
      expect(mail?.text).toContain(`${s.name} (${s.code})`);
      expect(pdf).toContain(compact(`${s.name} (${s.code})`));
    }
  });

  it("renders the network summary with the fragile structures named and the charts inline", async () => {
    const doc = buildNetworkSummary({
      campaign: { year: 2018, minGroupSize: 5 },
      structures: campaign.structures,
      previousPopulation: campaign.previousPopulation,
    });
    const [mail] = await deliverAndParse([await renderNetworkSummary(doc)]);
    const pdf = compact(pdfText(pdfOf(mail as ParsedMail)?.content as Buffer));
    expect(pdfOf(mail as ParsedMail)?.filename).toBe("barometre-2018-synthese-reseau.pdf");
    const fragile = campaign.structures.filter((s) =>
      Object.values(s.indicators).some((r) => r.status === "red"),
    );
    expect(fragile.length).toBeGreaterThan(0);
    for (const s of fragile) {
      expect(mail?.text).toContain(`${s.name} (${s.code})`);
      expect(pdf).toContain(compact(`${s.name} (${s.code})`));
    }
    const charts = doc.sections.flatMap((s) => s.entries).filter((e) => e.chart).length;
    expect(mail?.attachments.filter((a) => a.contentType === "image/png")).toHaveLength(charts + 1);
  });
});
