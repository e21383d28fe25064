// renderReport / renderNetworkSummary: a report document as a mail (subject, HTML, text, inline PNG box plots, PDF attachment).
import {
  fold,
  type Layout,
  type NetworkSummaryDocument,
  networkSummaryLayout,
  type ReportDocument,
  reportLayout,
} from "@barometre/shared";
import { chartFigure, type Figure, LEGEND_ID, legendFigure } from "./chart-figure.ts";
import { type ChartImages, emailHtml } from "./email.ts";
import { reportPdf } from "./pdf.ts";
import { figurePng } from "./raster.ts";
import { plainText } from "./text.ts";
import { trajectoryFigure } from "./trajectory-figure.ts";

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

/** The legend is the same in every mail (its drawing does not depend on the wording): drawn and encoded once per process. */
const legends = new Map<string, { figure: Figure; png: Buffer }>();

function legend(marker: boolean, whiskers: "range" | "deciles"): { figure: Figure; png: Buffer } {
  const key = `${marker}\u0000${whiskers}`;
  let drawn = legends.get(key);
  if (!drawn) {
    const figure = legendFigure(marker, whiskers);
    drawn = { figure, png: figurePng(figure) };
    legends.set(key, drawn);
  }
  return drawn;
}

/** "Régularité des instances" → "regularite-des-instances": a file name every mail client shows as it is. */
const fileWord = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export async function renderLayout(layout: Layout): Promise<RenderedMail> {
  const figures = new Map<string, Figure>();
  const images = new Map<string, { cid: string; width: number; height: number }>();
  const attachments: MailAttachment[] = [];
  /** `name` in French, as a mail client lists the image among the attachments. */
  const inline = (id: string, name: string, figure: Figure, png: Buffer) => {
    const cid = `${id}.${layout.fileStem}@barometre.pimms`;
    figures.set(id, figure);
    images.set(id, { cid, width: figure.width, height: figure.height });
    attachments.push({
      filename: `graphique-${fileWord(name)}.png`,
      content: png,
      contentType: "image/png",
      cid,
      contentDisposition: "inline",
    });
  };
  for (const b of layout.blocks) {
    if (b.kind === "legend") {
      const { figure, png } = legend(b.marker, b.whiskers);
      inline(LEGEND_ID, "légende", figure, png);
    } else if (b.kind === "chart") {
      const chart = b.chart;
      // A trajectory is drawn in the PDF only: the mail gives it as a data table, so no image is painted for it.
      if (chart.kind === "trajectory") figures.set(chart.id, trajectoryFigure(chart));
      else {
        const figure = chartFigure(chart);
        // The title starts with the indicator's name: « Régularité des instances : distribution… ».
        inline(chart.id, chart.title.split(" : ")[0] ?? chart.id, figure, figurePng(figure));
      }
    }
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

/** The one-page board summary as its own PDF: a table, no chart. */
export const boardSummaryPdf = (doc: ReportDocument): Promise<Buffer> =>
  reportPdf(doc.board, new Map());

/** The full report, with the board summary attached after its PDF. */
export async function renderReport(doc: ReportDocument): Promise<RenderedMail> {
  const [mail, board] = await Promise.all([renderLayout(reportLayout(doc)), boardSummaryPdf(doc)]);
  mail.attachments.push({
    filename: `${doc.board.fileStem}.pdf`,
    content: board,
    contentType: "application/pdf",
    contentDisposition: "attachment",
  });
  return mail;
}

export const renderNetworkSummary = (doc: NetworkSummaryDocument): Promise<RenderedMail> =>
  renderLayout(networkSummaryLayout(doc));
