// campaignClose2800.reportsPerSecondPerCore and report.averageMailBytes: final reports (HTML, PNG charts, the report and board summary PDFs) per CPU-second, as the campaign close renders them, and their size.
import { renderReport } from "@barometre/functions/admin";
import { buildReport, demoCampaign, demoPeerChoices, generateNetwork } from "@barometre/shared";
import type { Measured } from "../figure.ts";
import { round } from "../support/sample-stats.ts";
import { cpuMsSince } from "../support/timing.ts";

const SIZE = 2_800;
/** Reports rendered and timed, spread over the whole network (all 2,800 would take minutes). */
const RENDERED = 24;
const WARMUP = 2;

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
  const step = Math.floor(SIZE / (RENDERED + WARMUP));
  const inputs = Array.from({ length: RENDERED + WARMUP }, (_, i) => campaign.reports[i * step]);
  const parts = { html: 0, png: 0, pdf: 0 };
  let cpuMs = 0;
  const start = performance.now();
  for (const [i, input] of inputs.entries()) {
    if (!input) throw new Error(`pas de rapport n° ${i} dans la campagne générée`);
    const cpu = process.cpuUsage();
    const mail = await renderReport(buildReport(input));
    if (i >= WARMUP) cpuMs += cpuMsSince(cpu);
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
      inputs: {
        structures: SIZE,
        customPeerSets: campaign.reports.filter((r) => r.positioning.peers).length,
        reportsRendered: RENDERED,
        warmup: WARMUP,
        renderCpuMsPerReport: round(cpuMs / RENDERED, 1),
        campaignCpuMs: round(campaignMs, 1),
        campaignCpuMsPerReport: round(campaignMs / SIZE, 3),
        wallMsIncludingWarmup: round(wallMs, 0),
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
