// The one-page board summary: one A4 page for every structure (and a worst case), tagged, its figures those of the positioning, attached beside the full report.
import {
  BOARD_HEAD,
  bandsFor,
  buildReport,
  demoCampaign,
  demoPeerChoices,
  formatIndicatorValue,
  generateNetwork,
  type ReportInput,
} from "@barometre/shared";
import { compact } from "@barometre/testing/report-mail";
import { pdfText } from "@barometre/testing/report-pdf-text";
import { beforeAll, describe, expect, it } from "vitest";
import { boardSummaryPdf, renderReport } from "../src/report/index.ts";
import { pdfStructure } from "./support/pdf-structure.ts";

const network = generateNetwork();
/** Some directors chose a custom peer set: the summary's verdicts are then against it. */
const campaign = demoCampaign(network, {
  peers: demoPeerChoices(network.structures.map((s) => s.code)),
});
const chooser = campaign.reports.find((r) => r.positioning.peers) as ReportInput;

/**
 * The longest a directory allows (200 characters), every value not computable, the longest custom set's label,
 * the longest verdicts (against the network, named, the custom set being too small).
 */
function worstCase(input: ReportInput): ReportInput {
  const peers = {
    label:
      "de pairs choisis (Urbain hors QPV, charges 1 200 000–2 400 000 €, effectif 20,5–40,5 ETP)",
    named: false,
    definition: "",
    size: 2_800,
  };
  const name = `PIMMS ${"Communauté d'agglomération du Grand Territoire ".repeat(5)}`.slice(0, 200);
  return {
    ...input,
    structure: { ...input.structure, name },
    dataAt: "30/06/2019 23:59:59",
    positioning: {
      ...input.positioning,
      networkSize: 2_800,
      peers,
      indicators: input.positioning.indicators.map((i) => ({
        ...i,
        value: null,
        status: null,
        reason: "donnée manquante",
        change: null,
        ...(i.network.verdict
          ? {
              custom: {
                ...i.network,
                label: peers.label,
                verdict: {
                  kind: "notComparable",
                  text: "non comparable : le groupe compte trop peu de structures",
                },
              },
            }
          : {}),
        network: {
          ...i.network,
          verdict: i.network.verdict && {
            kind: "highest",
            text: "au niveau le plus haut du réseau, comme 1 234 autres structures",
          },
        },
      })),
    },
  };
}

describe("the board summary", () => {
  const inputs = [...campaign.reports, worstCase(chooser)];
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
      const peers = (i.custom ?? i.group)?.verdict;
      const verdict = peers?.kind !== "notComparable" ? peers : i.network.verdict;
      // The words without the group's name (the header names the peers).
      if (verdict) expect(text).toContain(compact(verdict.text.split(" du ")[0] as string));
      if (typeof i.change === "number" && i.change !== 0)
        expect(text).toMatch(i.change > 0 ? /↗enhausse/ : /↘enbaisse/);
    }
  });

  it("says « sans bande » where an indicator has none, « non calculable » where its band cannot be computed", () => {
    const input = worstCase(chooser);
    const table = buildReport(input).board.blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("the summary has its table");
    // Every value of the worst case is missing: only the indicators with bands have one to compute.
    expect(table.table.rows.map((r) => r.cells[2])).toEqual(
      input.positioning.indicators.map((i) =>
        bandsFor(i.key) === null ? "sans bande" : "non calculable",
      ),
    );
  });

  it("names the custom peer set its verdicts are given against, with its definition and size", () => {
    const text = compact(pdfText(pdfs[campaign.reports.indexOf(chooser)] as Buffer));
    const peers = chooser.positioning.peers as { label: string; size: number };
    expect(text).toContain(compact(`le groupe ${peers.label}, ${peers.size} structures`));
    const withoutSet = campaign.reports.find((r) => !r.positioning.peers && r.structure.territory);
    const other = compact(
      pdfText(pdfs[campaign.reports.indexOf(withoutSet as ReportInput)] as Buffer),
    );
    expect(other).toContain(compact(`vos pairs du groupe ${withoutSet?.structure.territory}`));
    expect(other).not.toContain(compact("pairs choisis"));
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
