// campaignClose2800.reportsPerSecondPerCore and report.averageMailBytes: final reports (HTML, PNG charts, the report and board summary PDFs) per CPU-second, as the campaign close renders them, and their size.
import { REPORT_BATCHES_AT_ONCE, renderReport } from "@barometre/functions/admin";
import {
  buildReport,
  demoCampaign,
  demoPeerChoices,
  formatNumber,
  generateNetwork,
} from "@barometre/shared";
import type { Measured } from "../figure.ts";
import { round } from "../support/sample-stats.ts";
import { cpuMsSince } from "../support/timing.ts";

const SIZE = 2_800;
/**
 * One instance's share of the close, spread over the whole network: the report batches run at most
 * REPORT_BATCHES_AT_ONCE at a time, so each instance renders at least this many reports after its start, and every
 * one is timed, the first ones (code compiled, layout caches filled: twice a warm report's cost) included.
 */
const RENDERED = Math.ceil(SIZE / REPORT_BATCHES_AT_ONCE);

const PDF = Buffer.from("%PDF-");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

export async function run(): Promise<Measured[]> {
  const network = generateNetwork({ size: SIZE });
  // The close's own share: indicators, the populations, size groups and custom peer sets (one structure in ten
  // with criteria) indexed and every structure positioned, once.
  const peers = demoPeerChoices(network.structures.map((s) => s.code));
  const campaignCpu = process.cpuUsage();
  const campaign = demoCampaign(network, { peers });
  const campaignMs = cpuMsSince(campaignCpu);
  const inputs = Array.from(
    { length: RENDERED },
    (_, i) => campaign.reports[Math.floor((i * SIZE) / RENDERED)],
  );
  const parts = { html: 0, png: 0, pdf: 0 };
  let cpuMs = 0;
  const start = performance.now();
  for (const [i, input] of inputs.entries()) {
    if (!input) throw new Error(`pas de rapport n° ${i} dans la campagne générée`);
    const cpu = process.cpuUsage();
    const mail = await renderReport(buildReport(input));
    cpuMs += cpuMsSince(cpu);
    // The full report and the board summary: every PDF the mail carries counts.
    const pdfs = mail.attachments.filter((a) => a.contentType === "application/pdf");
    const charts = mail.attachments.filter((a) => a.contentType === "image/png");
    if (
      pdfs.length !== 2 ||
      !pdfs.every((p) => p.content.subarray(0, 5).equals(PDF)) ||
      charts.length === 0 ||
      !mail.html
    )
      throw new Error(`le rapport de ${input.structure.code} est incomplet`);
    if (!charts.every((c) => c.content.subarray(0, 4).equals(PNG)))
      throw new Error(`un graphique du rapport de ${input.structure.code} n'est pas un PNG`);
    parts.html += mail.html.length;
    for (const c of charts) parts.png += c.content.length;
    for (const p of pdfs) parts.pdf += p.content.length;
  }
  const wallMs = performance.now() - start;
  const bytes = parts.html + parts.png + parts.pdf;
  const perReportMs = campaignMs / SIZE + cpuMs / RENDERED;
  return [
    {
      key: "campaignClose2800.reportsPerSecondPerCore",
      value: round(1000 / perReportMs, 2),
      note: `Part d'une instance à la clôture (les lots de rapports tournent ${REPORT_BATCHES_AT_ONCE} à la fois) : ${formatNumber(RENDERED, 0)} rapports rendus dans un processus neuf, tous comptés, les premiers compris (code compilé, caches de mise en page remplis), plus la part de chaque rapport dans le benchmark final.`,
      inputs: {
        structures: SIZE,
        customPeerSets: campaign.reports.filter((r) => r.positioning.peers).length,
        reportsRendered: RENDERED,
        reportBatchesAtOnce: REPORT_BATCHES_AT_ONCE,
        renderCpuMsPerReport: round(cpuMs / RENDERED, 1),
        campaignCpuMs: round(campaignMs, 1),
        campaignCpuMsPerReport: round(campaignMs / SIZE, 3),
        wallMs: round(wallMs, 0),
        measured: "process.cpuUsage (tous les fils du processus) pour buildReport + renderReport",
      },
    },
    {
      key: "report.averageMailBytes",
      value: Math.round(bytes / inputs.length),
      inputs: {
        mails: inputs.length,
        averageHtmlBytes: Math.round(parts.html / inputs.length),
        averagePngBytes: Math.round(parts.png / inputs.length),
        averagePdfBytes: Math.round(parts.pdf / inputs.length),
        measured:
          "longueur du HTML + taille des pièces jointes (images, PDF du rapport et PDF de la synthèse d'une page), sans la partie texte",
      },
    },
  ];
}
