// The report as a PDF attachment (pdfkit): the same blocks, charts drawn as vectors from the same figures, DejaVu Sans
// embedded. Tagged: headings, paragraphs, lists, tables and figures (with their text alternative) in reading order for
// screen readers; backgrounds, rules and running footers marked as artifacts.
import type { Block, Fact, Layout, NamedTable, Status } from "@barometre/shared";
import PDFDocument from "pdfkit";
import { type Figure, LEGEND_ID, type Shape } from "./chart-figure.ts";
import type { Weight } from "./fonts.ts";
import { BAND, INK, MUTED, PAGE, RULE, TITLE, WHITE } from "./palette.ts";
import { writeColoursOnce } from "./pdf-colours.ts";
import { compactPdf } from "./pdf-compact.ts";
import { registerFonts } from "./pdf-fonts.ts";
import { shareLineBreaking } from "./pdf-lines.ts";
import { gatherOutput } from "./pdf-output.ts";
import { thinTextLines } from "./pdf-text.ts";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;
const LABEL_WIDTH = 150;

function font(doc: Doc, weight: Weight, size: number, color = INK): Doc {
  return doc.font(weight).fontSize(size).fillColor(color);
}

/** What a screen reader skips: backgrounds and rules (Layout), running footers and repeated headers (Pagination). */
function artifact(doc: Doc, draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

/** A structure element of `parent` holding what `draw` prints. */
function tagged(
  doc: Doc,
  parent: Struct,
  type: string,
  draw: () => void,
  // pdfkit reads scope (table headers) and bbox (figures) too; its types do not list them yet.
  options: PDFKit.Mixins.StructureElementOptions & {
    scope?: "Row" | "Column";
    bbox?: [number, number, number, number];
  } = {},
): void {
  parent.add(doc.struct(type, options, draw));
}

/** A structure element of `parent` whose children are added by `fill`, then ended. */
function group(doc: Doc, parent: Struct, type: string, fill: (element: Struct) => void): void {
  const element = doc.struct(type);
  parent.add(element);
  fill(element);
  element.end();
}

/** Whether `text` surely fits on one line of `width` (pdfkit measures word by word: the margin covers kerning). */
const oneLine = (doc: Doc, text: string, width: number): boolean =>
  text !== "" && !text.includes("\n") && doc.widthOfString(text) <= width * 0.98;

/**
 * doc.text(text, x, y, { width }), without pdfkit's line wrapper when the text fits on one line and on the page:
 * cutting every label and value into words by the Unicode line-breaking rules was a fifth of a report's cost.
 */
function write(doc: Doc, text: string, x: number, y: number, width: number): void {
  const lineHeight = doc.currentLineHeight(true);
  if (!oneLine(doc, text, width) || y + lineHeight > doc.page.height - doc.page.margins.bottom) {
    doc.text(text, x, y, { width });
    return;
  }
  doc.text(text, x, y, { lineBreak: false });
  doc.x = x;
  doc.y = y + lineHeight;
}

/** doc.heightOfString(text, { width }), the same way. */
const textHeight = (doc: Doc, text: string, width: number): number =>
  oneLine(doc, text, width) ? doc.currentLineHeight(true) : doc.heightOfString(text, { width });

/** Starts a new page unless `height` still fits on this one. */
function room(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A position to 1/100 pt: pdfkit writes six decimals, a tenth of a page's bytes for no visible difference. */
const at = (v: number): number => Math.round(v * 100) / 100;

/**
 * A shape at (x0, y0) scaled by k; the coordinates are written out rather than through per-shape helpers (hot). The
 * chart's state (widths, dash, colours) is saved once around all its shapes, so a colour is only written when it
 * changes; a dash is undone after its line.
 */
function paint(doc: Doc, s: Shape, x0: number, y0: number, k: number): void {
  switch (s.t) {
    case "line":
      doc
        .moveTo(at(x0 + s.x1 * k), at(y0 + s.y1 * k))
        .lineTo(at(x0 + s.x2 * k), at(y0 + s.y2 * k))
        .lineWidth(at(s.width * k));
      if (s.dash) doc.dash(4 * k, { space: 3 * k });
      doc.strokeColor(s.color).stroke();
      if (s.dash) doc.undash();
      break;
    case "rect":
      doc.rect(at(x0 + s.x * k), at(y0 + s.y * k), at(s.w * k), at(s.h * k));
      if (s.stroke) doc.lineWidth(at(1.5 * k)).fillAndStroke(s.fill, s.stroke);
      else doc.fill(s.fill);
      break;
    case "diamond": {
      const x = at(x0 + s.x * k);
      const y = at(y0 + s.y * k);
      doc
        .polygon(
          [x, at(y0 + (s.y - s.r) * k)],
          [at(x0 + (s.x + s.r) * k), y],
          [x, at(y0 + (s.y + s.r) * k)],
          [at(x0 + (s.x - s.r) * k), y],
        )
        .lineWidth(at(1.5 * k))
        .fillAndStroke(s.fill, s.stroke);
      break;
    }
    case "text":
      font(doc, s.weight, s.size * k, s.color).text(s.text, x0 + s.x * k, y0 + s.y * k, {
        lineBreak: false,
        baseline: "alphabetic",
      });
      break;
  }
}

/** Draws a figure at the current position; `alt` makes it a tagged Figure, without it the drawing is an artifact. */
function chart(doc: Doc, parent: Struct, figure: Figure, alt: string | null): void {
  const k = WIDTH / figure.width;
  const height = figure.height * k;
  room(doc, height + 8);
  const top = doc.y + 2;
  const draw = () => {
    doc.save();
    for (const s of figure.shapes) paint(doc, s, MARGIN, top, k);
    doc.restore();
  };
  if (alt === null) artifact(doc, draw);
  else
    tagged(doc, parent, "Figure", draw, { alt, bbox: [MARGIN, top, MARGIN + WIDTH, top + height] });
  doc.x = MARGIN;
  doc.y = top + height + 8;
}

/** Label and value pairs, read as a two-column table whose row headers are the labels. */
function facts(doc: Doc, parent: Struct, list: readonly Fact[]): void {
  const valueX = MARGIN + LABEL_WIDTH + 8;
  const valueWidth = WIDTH - LABEL_WIDTH - 8;
  doc.y += 2;
  group(doc, parent, "Table", (tbl) => {
    for (const f of list) {
      // Room for three lines: a fact is rarely longer, and measuring each one would double the layout work.
      room(doc, 36);
      const y = doc.y;
      let below = y;
      group(doc, tbl, "TR", (tr) => {
        tagged(
          doc,
          tr,
          "TH",
          () => {
            write(font(doc, "bold", 9, MUTED), f.label, MARGIN, y, LABEL_WIDTH);
            below = doc.y;
          },
          { scope: "Row" },
        );
        const status = f.status;
        if (status) {
          font(doc, "bold", 9.5, BAND[status].fg);
          const h = textHeight(doc, f.value, valueWidth) + 3;
          artifact(doc, () => doc.rect(valueX - 3, y - 2, valueWidth + 6, h).fill(BAND[status].bg));
        }
        tagged(doc, tr, "TD", () =>
          write(
            font(doc, status ? "bold" : "regular", 9.5, status ? BAND[status].fg : INK),
            f.value,
            valueX,
            y,
            valueWidth,
          ),
        );
      });
      doc.y = Math.max(below, doc.y) + 3;
    }
  });
  doc.y += 4;
}

function list(
  doc: Doc,
  parent: Struct,
  items: readonly { text: string; status: Status | null }[],
): void {
  group(doc, parent, "L", (l) => {
    for (const item of items) {
      font(doc, "regular", 10);
      const h = textHeight(doc, item.text, WIDTH - 16);
      room(doc, h + 10);
      const y = doc.y;
      artifact(doc, () => {
        doc.rect(MARGIN, y, WIDTH, h + 8).fill(item.status ? BAND[item.status].bg : PAGE);
        doc.rect(MARGIN, y, 4, h + 8).fill(item.status ? BAND[item.status].accent : RULE);
      });
      group(doc, l, "LI", (li) =>
        tagged(doc, li, "LBody", () =>
          write(font(doc, "regular", 10), item.text, MARGIN + 12, y + 4, WIDTH - 16),
        ),
      );
      doc.y = y + h + 12;
    }
  });
}

interface Row {
  cells: readonly string[];
  weight: Weight;
  /** The header is smaller, so indicator names break between words, not inside them. */
  size: number;
  fills: readonly (string | null)[];
  colours: readonly string[];
}

function table(doc: Doc, parent: Struct, t: NamedTable): void {
  const first = 100;
  const other = (WIDTH - first) / (t.head.length - 1);
  const widths = t.head.map((_, i) => (i === 0 ? first : other));
  const heightOf = (r: Row) => {
    font(doc, r.weight, r.size);
    return Math.max(...r.cells.map((c, i) => textHeight(doc, c, (widths[i] as number) - 4))) + 4;
  };
  /** Draws a row; `tr` tags its cells (the header's first cell and each row's first cell as headers). */
  const draw = (r: Row, tr: Struct | null, header: boolean) => {
    const h = heightOf(r);
    const y = doc.y;
    let x = MARGIN;
    r.cells.forEach((c, i) => {
      const w = widths[i] as number;
      const at = x;
      artifact(doc, () => doc.rect(at, y, w, h).fillAndStroke(r.fills[i] ?? WHITE, "#9ca3af"));
      const text = () =>
        write(font(doc, r.weight, r.size, r.colours[i] ?? INK), c, at + 2, y + 2, w - 4);
      if (!tr) artifact(doc, text, "Pagination");
      else if (header) tagged(doc, tr, "TH", text, { scope: "Column" });
      else if (i === 0) tagged(doc, tr, "TH", text, { scope: "Row" });
      else tagged(doc, tr, "TD", text);
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
  group(doc, parent, "Table", (tbl) => {
    tagged(doc, tbl, "Caption", () =>
      font(doc, "regular", 9, MUTED).text(t.caption, MARGIN, doc.y, { width: WIDTH }),
    );
    doc.y += 3;
    room(doc, heightOf(header) * 2);
    group(doc, tbl, "TR", (tr) => draw(header, tr, true));
    for (const r of t.rows) {
      const row: Row = {
        cells: r.cells,
        weight: r.highlight ? "bold" : "regular",
        size: 6.5,
        fills: r.statuses.map((s) => (s ? BAND[s].bg : r.highlight ? "#eef2ff" : null)),
        colours: r.statuses.map((s) => (s ? BAND[s].fg : INK)),
      };
      // A page break repeats the header row, as an artifact: a screen reader has read it once.
      if (doc.y + heightOf(row) > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        draw(header, null, true);
      }
      group(doc, tbl, "TR", (tr) => draw(row, tr, false));
    }
  });
  doc.y += 8;
}

function block(doc: Doc, parent: Struct, b: Block, figures: ReadonlyMap<string, Figure>): void {
  switch (b.kind) {
    case "heading":
      room(doc, b.level === 2 ? 90 : 60);
      doc.y += b.level === 2 ? 10 : 4;
      tagged(doc, parent, b.level === 2 ? "H2" : "H3", () =>
        font(doc, "bold", b.level === 2 ? 14 : 11.5, b.level === 2 ? TITLE : INK).text(
          b.text,
          MARGIN,
          doc.y,
          { width: WIDTH },
        ),
      );
      doc.y += 4;
      return;
    case "paragraph":
      tagged(doc, parent, "P", () =>
        font(doc, b.strong ? "bold" : "regular", 10).text(b.text, MARGIN, doc.y, { width: WIDTH }),
      );
      doc.y += 5;
      return;
    case "list":
      list(doc, parent, b.items);
      return;
    case "facts":
      facts(doc, parent, b.facts);
      return;
    case "legend": {
      const figure = figures.get(LEGEND_ID);
      if (!figure) throw new Error("No figure for the legend");
      tagged(doc, parent, "P", () =>
        font(doc, "regular", 9, MUTED).text(b.text, MARGIN, doc.y, { width: WIDTH }),
      );
      // The legend's drawing only shows what the sentence above says.
      chart(doc, parent, figure, null);
      return;
    }
    case "chart": {
      const figure = figures.get(b.chart.id);
      if (!figure) throw new Error(`No figure for chart ${b.chart.id}`);
      chart(doc, parent, figure, b.chart.alt);
      return;
    }
    case "table":
      table(doc, parent, b.table);
      return;
  }
}

function footers(doc: Doc, text: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(
      doc,
      () =>
        font(doc, "regular", 8, MUTED).text(
          `${text} · page ${i + 1} sur ${count}`,
          MARGIN,
          doc.page.height - 32,
          { width: WIDTH, align: "center", lineBreak: false },
        ),
      "Pagination",
    );
    doc.page.margins.bottom = bottom;
  }
}

/**
 * pdfkit writes each colour component with 17 digits (0.11764705882352941) before every text and shape: three
 * decimals name the same 8-bit colour, and the page content is a fifth shorter.
 */
function shortColours(doc: Doc): void {
  const own = doc as unknown as { _normalizeColor(color: unknown): unknown };
  const normalize = own._normalizeColor.bind(doc);
  own._normalizeColor = (color) => {
    if (typeof color !== "string" || !/^#[0-9a-f]{6}$/i.test(color)) return normalize(color);
    const hex = Number.parseInt(color.slice(1), 16);
    return [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map(
      (c) => Math.round((c / 255) * 1000) / 1000,
    );
  };
}

export function reportPdf(layout: Layout, figures: ReadonlyMap<string, Figure>): Promise<Buffer> {
  const doc = new PDFDocument({
    // No default font: pdfkit would load Helvetica, and a default DejaVu would defeat its font cache.
    font: null as unknown as string,
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: "fr-FR",
    displayTitle: true,
    info: { Title: layout.subject, Author: "Union nationale des PIMMS", Subject: layout.subtitle },
  });
  // The header pdfkit streams as it starts; gatherOutput keeps the rest.
  const chunks: Buffer[] = [];
  const output = gatherOutput(doc);
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(compactPdf(Buffer.concat([...chunks, output()]))));
    doc.on("error", reject);
  });
  registerFonts(doc);
  shortColours(doc);
  writeColoursOnce(doc);
  shareLineBreaking(doc);
  thinTextLines(doc);
  const root = doc.struct("Document");
  doc.addStructure(root);
  tagged(doc, root, "H1", () =>
    font(doc, "bold", 20, TITLE).text(layout.title, MARGIN, MARGIN, { width: WIDTH }),
  );
  tagged(doc, root, "P", () => font(doc, "bold", 13).text(layout.subtitle, { width: WIDTH }));
  doc.y += 4;
  for (const line of layout.header)
    tagged(doc, root, "P", () => font(doc, "regular", 9.5, MUTED).text(line, { width: WIDTH }));
  for (const b of layout.blocks) block(doc, root, b, figures);
  root.end();
  footers(doc, `${layout.title} — ${layout.subtitle}`);
  doc.end();
  return done;
}
