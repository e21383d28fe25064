// The report as a PDF attachment (pdfkit): the same blocks, charts drawn as vectors from the same figures, DejaVu Sans embedded.
import type { Block, Fact, Layout, NamedTable, Status } from "@barometre/shared";
import PDFDocument from "pdfkit";
import { type Figure, LEGEND_ID, type Shape } from "./chart-figure.ts";
import type { Weight } from "./fonts.ts";
import { BAND, INK, MUTED, PAGE, RULE, TITLE, WHITE } from "./palette.ts";
import { pdfFont } from "./pdf-fonts.ts";

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;
const LABEL_WIDTH = 150;

function font(doc: Doc, weight: Weight, size: number, color = INK): Doc {
  return doc.font(weight).fontSize(size).fillColor(color);
}

/** Starts a new page unless `height` still fits on this one. */
function room(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function paint(doc: Doc, s: Shape, x0: number, y0: number, k: number): void {
  const X = (v: number) => x0 + v * k;
  const Y = (v: number) => y0 + v * k;
  doc.save();
  switch (s.t) {
    case "line":
      doc
        .moveTo(X(s.x1), Y(s.y1))
        .lineTo(X(s.x2), Y(s.y2))
        .lineWidth(s.width * k);
      if (s.dash) doc.dash(4 * k, { space: 3 * k });
      doc.strokeColor(s.color).stroke();
      break;
    case "rect":
      doc.rect(X(s.x), Y(s.y), s.w * k, s.h * k);
      if (s.stroke) doc.lineWidth(1.5 * k).fillAndStroke(s.fill, s.stroke);
      else doc.fill(s.fill);
      break;
    case "diamond":
      doc
        .polygon(
          [X(s.x), Y(s.y - s.r)],
          [X(s.x + s.r), Y(s.y)],
          [X(s.x), Y(s.y + s.r)],
          [X(s.x - s.r), Y(s.y)],
        )
        .lineWidth(1.5 * k)
        .fillAndStroke(s.fill, s.stroke);
      break;
    case "text":
      font(doc, s.weight, s.size * k, s.color).text(s.text, X(s.x), Y(s.y), {
        lineBreak: false,
        baseline: "alphabetic",
      });
      break;
  }
  doc.restore();
}

function chart(doc: Doc, figure: Figure): void {
  const k = WIDTH / figure.width;
  room(doc, figure.height * k + 8);
  const top = doc.y + 2;
  for (const s of figure.shapes) paint(doc, s, MARGIN, top, k);
  doc.x = MARGIN;
  doc.y = top + figure.height * k + 8;
}

function facts(doc: Doc, list: readonly Fact[]): void {
  const valueX = MARGIN + LABEL_WIDTH + 8;
  const valueWidth = WIDTH - LABEL_WIDTH - 8;
  doc.y += 2;
  for (const f of list) {
    // Room for three lines: a fact is rarely longer, and measuring each one would double the layout work.
    room(doc, 36);
    const y = doc.y;
    font(doc, "bold", 9, MUTED).text(f.label, MARGIN, y, { width: LABEL_WIDTH });
    const below = doc.y;
    if (f.status) {
      font(doc, "bold", 9.5, BAND[f.status].fg);
      doc
        .rect(
          valueX - 3,
          y - 2,
          valueWidth + 6,
          doc.heightOfString(f.value, { width: valueWidth }) + 3,
        )
        .fill(BAND[f.status].bg);
    }
    font(doc, f.status ? "bold" : "regular", 9.5, f.status ? BAND[f.status].fg : INK).text(
      f.value,
      valueX,
      y,
      { width: valueWidth },
    );
    doc.y = Math.max(below, doc.y) + 3;
  }
  doc.y += 4;
}

function list(doc: Doc, items: readonly { text: string; status: Status | null }[]): void {
  for (const item of items) {
    font(doc, "regular", 10);
    const h = doc.heightOfString(item.text, { width: WIDTH - 16 });
    room(doc, h + 10);
    const y = doc.y;
    doc.rect(MARGIN, y, WIDTH, h + 8).fill(item.status ? BAND[item.status].bg : PAGE);
    doc.rect(MARGIN, y, 4, h + 8).fill(item.status ? BAND[item.status].accent : RULE);
    font(doc, "regular", 10).text(item.text, MARGIN + 12, y + 4, { width: WIDTH - 16 });
    doc.y = y + h + 12;
  }
}

interface Row {
  cells: readonly string[];
  weight: Weight;
  /** The header is smaller, so indicator names break between words, not inside them. */
  size: number;
  fills: readonly (string | null)[];
  colours: readonly string[];
}

function table(doc: Doc, t: NamedTable): void {
  const first = 100;
  const other = (WIDTH - first) / (t.head.length - 1);
  const widths = t.head.map((_, i) => (i === 0 ? first : other));
  const heightOf = (r: Row) => {
    font(doc, r.weight, r.size);
    return (
      Math.max(
        ...r.cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] as number) - 4 })),
      ) + 4
    );
  };
  const draw = (r: Row) => {
    const h = heightOf(r);
    const y = doc.y;
    let x = MARGIN;
    r.cells.forEach((c, i) => {
      const w = widths[i] as number;
      doc.rect(x, y, w, h).fillAndStroke(r.fills[i] ?? WHITE, "#9ca3af");
      font(doc, r.weight, r.size, r.colours[i] ?? INK).text(c, x + 2, y + 2, { width: w - 4 });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const header: Row = {
    cells: t.head,
    weight: "bold",
    size: 6,
    fills: t.head.map(() => PAGE),
    colours: [],
  };
  font(doc, "regular", 9, MUTED).text(t.caption, MARGIN, doc.y, { width: WIDTH });
  doc.y += 3;
  room(doc, heightOf(header) * 2);
  draw(header);
  for (const r of t.rows) {
    const row: Row = {
      cells: r.cells,
      weight: r.highlight ? "bold" : "regular",
      size: 6.5,
      fills: r.statuses.map((s) => (s ? BAND[s].bg : r.highlight ? "#eef2ff" : null)),
      colours: r.statuses.map((s) => (s ? BAND[s].fg : INK)),
    };
    // A page break repeats the header row.
    if (doc.y + heightOf(row) > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      draw(header);
    }
    draw(row);
  }
  doc.y += 8;
}

function block(doc: Doc, b: Block, figures: ReadonlyMap<string, Figure>): void {
  switch (b.kind) {
    case "heading":
      room(doc, b.level === 2 ? 90 : 60);
      doc.y += b.level === 2 ? 10 : 4;
      font(doc, "bold", b.level === 2 ? 14 : 11.5, b.level === 2 ? TITLE : INK).text(
        b.text,
        MARGIN,
        doc.y,
        { width: WIDTH },
      );
      doc.y += 4;
      return;
    case "paragraph":
      font(doc, b.strong ? "bold" : "regular", 10).text(b.text, MARGIN, doc.y, { width: WIDTH });
      doc.y += 5;
      return;
    case "list":
      return list(doc, b.items);
    case "facts":
      return facts(doc, b.facts);
    case "legend": {
      const figure = figures.get(LEGEND_ID);
      if (!figure) throw new Error("No figure for the legend");
      font(doc, "regular", 9, MUTED).text(b.text, MARGIN, doc.y, { width: WIDTH });
      return chart(doc, figure);
    }
    case "chart": {
      const figure = figures.get(b.chart.id);
      if (!figure) throw new Error(`No figure for chart ${b.chart.id}`);
      return chart(doc, figure);
    }
    case "table":
      return table(doc, b.table);
  }
}

function footers(doc: Doc, text: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    font(doc, "regular", 8, MUTED).text(
      `${text} · page ${i + 1} sur ${count}`,
      MARGIN,
      doc.page.height - 32,
      { width: WIDTH, align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}

export function reportPdf(layout: Layout, figures: ReadonlyMap<string, Figure>): Promise<Buffer> {
  const doc = new PDFDocument({
    // No default font: pdfkit would load Helvetica, and a default DejaVu would defeat its font cache.
    font: null as unknown as string,
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: "fr-FR",
    displayTitle: true,
    info: { Title: layout.subject, Author: "Union nationale des PIMMS", Subject: layout.subtitle },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", pdfFont("regular"));
  doc.registerFont("bold", pdfFont("bold"));
  font(doc, "bold", 20, TITLE).text(layout.title, MARGIN, MARGIN, { width: WIDTH });
  font(doc, "bold", 13).text(layout.subtitle, { width: WIDTH });
  doc.y += 4;
  for (const line of layout.header) font(doc, "regular", 9.5, MUTED).text(line, { width: WIDTH });
  for (const b of layout.blocks) block(doc, b, figures);
  footers(doc, `${layout.title} — ${layout.subtitle}`);
  doc.end();
  return done;
}
