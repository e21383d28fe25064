// renderReport / renderNetworkSummary: a report document as a mail (subject, HTML, text, inline PNG charts, PDF attachment).
import {
  type Layout,
  type NetworkSummaryDocument,
  networkSummaryLayout,
  type ReportDocument,
  reportLayout,
} from "@barometre/shared";
import { chartFigure, type Figure } from "./chart-figure.ts";
import { chartSvg } from "./charts.ts";
import { type ChartImages, emailHtml } from "./email.ts";
import { reportPdf } from "./pdf.ts";
import { svgToPng } from "./raster.ts";
import { plainText } from "./text.ts";

/** Shaped for nodemailer and for the firestore-send-email outbox (`message.attachments`). */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Inline images only: referenced as `cid:` in the HTML. */
  cid?: string;
  contentDisposition: "inline" | "attachment";
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
}

export async function renderLayout(layout: Layout): Promise<RenderedMail> {
  const figures = new Map<string, Figure>();
  const images = new Map<string, { cid: string; width: number; height: number }>();
  const attachments: MailAttachment[] = [];
  for (const b of layout.blocks) {
    if (b.kind !== "chart") continue;
    const figure = chartFigure(b.chart);
    const cid = `${b.chart.id}.${layout.fileStem}@barometre.pimms`;
    figures.set(b.chart.id, figure);
    images.set(b.chart.id, { cid, width: figure.width, height: figure.height });
    attachments.push({
      filename: `graphique-${b.chart.id}.png`,
      content: svgToPng(chartSvg(b.chart, figure)),
      contentType: "image/png",
      cid,
      contentDisposition: "inline",
    });
  }
  const html = emailHtml(layout, images as ChartImages);
  attachments.push({
    filename: `${layout.fileStem}.pdf`,
    content: await reportPdf(layout, figures),
    contentType: "application/pdf",
    contentDisposition: "attachment",
  });
  return { subject: layout.subject, html, text: plainText(layout), attachments };
}

export const renderReport = (doc: ReportDocument): Promise<RenderedMail> =>
  renderLayout(reportLayout(doc));

export const renderNetworkSummary = (doc: NetworkSummaryDocument): Promise<RenderedMail> =>
  renderLayout(networkSummaryLayout(doc));
