// The one-page board summary: one A4 page for every structure (and a worst case), tagged, its figures those of the positioning, attached beside the full report.
import {
  BOARD_HEAD,
  buildReport,
  demoCampaign,
  formatIndicatorValue,
  generateNetwork,
  type ReportInput,
} from "@barometre/shared";
import { compact } from "@barometre/testing/report-mail";
import { pdfText } from "@barometre/testing/report-pdf-text";
import { beforeAll, describe, expect, it } from "vitest";
import { boardSummaryPdf, renderReport } from "../src/report/index.ts";
import { pdfStructure } from "./support/pdf-structure.ts";

const campaign = demoCampaign(generateNetwork());

/** The longest a directory allows (200 characters), every value not computable, the longest verdicts. */
function worstCase(input: ReportInput): ReportInput {
  const name = `PIMMS ${"Communauté d'agglomération du Grand Territoire ".repeat(5)}`.slice(0, 200);
  return {
    ...input,
    structure: { ...input.structure, name },
    dataAt: "30/06/2019 23:59:59",
    positioning: {
      ...input.positioning,
      networkSize: 2_800,
      indicators: input.positioning.indicators.map((i) => ({
        ...i,
        value: null,
        status: null,
        reason: "donnée manquante",
        change: null,
        group: i.group && {
          ...i.group,
          verdict: {
            kind: "highest",
            text: `au niveau le plus haut du groupe ${i.group.label}, comme 1 234 autres structures`,
          },
        },
      })),
    },
  };
}

describe("the board summary", () => {
  const inputs = [...campaign.reports, worstCase(campaign.reports[0] as ReportInput)];
  let pdfs: Buffer[] = [];
  beforeAll(async () => {
    pdfs = await Promise.all(inputs.map((r) => boardSummaryPdf(buildReport(r))));
  });

  it("stays on one tagged A4 page for every structure and for the longest texts", () => {
    for (const [i, pdf] of pdfs.entries()) {
      const { info } = pdfStructure(pdf);
      expect(info.Pages, inputs[i]?.structure.code).toBe("1");
      expect(info.Tagged).toBe("yes");
      expect(info["Page size"]).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    }
  });

  it("gives each indicator's value, band, verdict against the peers, trend and network median", () => {
    const input = campaign.reports.find((r) => r.positioning.indicators.some((i) => i.change));
    const pdf = pdfs[campaign.reports.indexOf(input as ReportInput)] as Buffer;
    const text = compact(pdfText(pdf));
    for (const head of BOARD_HEAD) expect(text).toContain(compact(head));
    for (const i of input?.positioning.indicators ?? []) {
      expect(text).toContain(compact(formatIndicatorValue(i.key, i.value)));
      const verdict =
        i.group?.verdict?.kind !== "notComparable" ? i.group?.verdict : i.network.verdict;
      // The words without the group's name (the header names the peers).
      if (verdict) expect(text).toContain(compact(verdict.text.split(" du ")[0] as string));
      if (typeof i.change === "number" && i.change !== 0)
        expect(text).toMatch(i.change > 0 ? /↗enhausse/ : /↘enbaisse/);
    }
  });

  it("is attached to the director's mail after the full report", async () => {
    const doc = buildReport(campaign.reports[0] as ReportInput);
    const mail = await renderReport(doc);
    const pdfs = mail.attachments.filter((a) => a.contentType === "application/pdf");
    expect(pdfs.map((a) => a.filename)).toEqual([
      `${doc.fileStem}.pdf`,
      `barometre-2018-${doc.structure.code}-synthese.pdf`,
    ]);
    expect(pdfs.every((a) => a.contentDisposition === "attachment")).toBe(true);
  });
});
