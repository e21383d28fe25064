// reportSummaryPages: the most pages any structure's one-page board summary takes, over the whole 2,800-structure
// network, one structure in ten with a custom peer set.
import { boardSummaryPdf } from "@barometre/functions/admin";
import { buildReport, demoCampaign, demoPeerChoices, generateNetwork } from "@barometre/shared";
import { pdfObjects } from "@barometre/testing/report-pdf-text";
import type { Measured } from "../figure.ts";
import { round } from "../support/sample-stats.ts";
import { cpuMsSince } from "../support/timing.ts";

const SIZE = 2_800;

/** A page object's dictionary (the PDF packs its dictionaries into object streams, which pdfObjects opens). */
const PAGE = /\/Type\s*\/Page\b(?!s)/;

const pageCount = (pdf: Buffer): number =>
  [...pdfObjects(pdf).values()].filter((o) => PAGE.test(o.dict)).length;

export async function run(): Promise<Measured[]> {
  const network = generateNetwork({ size: SIZE });
  const peers = demoPeerChoices(network.structures.map((s) => s.code));
  const campaign = demoCampaign(network, { peers });
  let most = 0;
  let longest = "";
  let cpuMs = 0;
  for (const input of campaign.reports) {
    const cpu = process.cpuUsage();
    const pdf = await boardSummaryPdf(buildReport(input));
    cpuMs += cpuMsSince(cpu);
    const pages = pageCount(pdf);
    if (pages === 0) throw new Error(`la synthèse de ${input.structure.code} n'a aucune page`);
    if (pages > most) [most, longest] = [pages, input.structure.code];
  }
  return [
    {
      key: "reportSummaryPages",
      value: most,
      inputs: {
        structures: campaign.reports.length,
        customPeerSets: campaign.reports.filter((r) => r.positioning.peers).length,
        longest,
        cpuMsPerSummary: round(cpuMs / campaign.reports.length, 1),
      },
    },
  ];
}
