// pdfkit's line breaking of a text block, kept per font, size, width and text, and shared by every document: cutting
// a paragraph into lines (Unicode line-breaking rules, word by word) was the largest part of a PDF's cost left, and
// the reports share most of their paragraphs. The lines are written by pdfkit's own line writer, as its wrapper does.

/** One line as pdfkit's wrapper hands it to the line writer. */
interface Line {
  text: string;
  textWidth: number;
  wordCount: number;
}

type LineOptions = { width: number; textWidth?: number; wordCount?: number };
type WriteLine = (text: string, options: LineOptions, wrapper?: unknown) => void;

/** The members of pdfkit's document used here, internal ones included (@types/pdfkit does not describe those). */
interface Internals {
  x: number;
  y: number;
  _font: { name: string };
  _fontSize: number;
  _lineGap: number;
  _textOptions: object | null;
  page: { maxY(): number };
  currentLineHeight(includeGap?: boolean): number;
  _text(text: string, x: number, y: number, options: LineOptions, line: WriteLine): unknown;
  _line: WriteLine;
  text(text: unknown, x?: unknown, y?: unknown, options?: unknown): unknown;
  heightOfString(text: unknown, options?: unknown): number;
}

/** Cleared when full rather than grown without end. */
const MAX_BLOCKS = 20_000;
const blocks = new Map<string, readonly Line[]>();

/** Options that only give a width: the way this project writes every wrapped text. */
const widthOnly = (o: unknown): o is { width: number } =>
  typeof o === "object" &&
  o !== null &&
  typeof (o as { width?: unknown }).width === "number" &&
  Object.keys(o).length === 1;

/** Lets `doc` write and measure its wrapped texts from the lines pdfkit cut for an earlier one, in any document. */
export function shareLineBreaking(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as Internals;
  const text = d.text.bind(doc);
  const heightOfString = d.heightOfString.bind(doc);
  const keyOf = (t: string, width: number) => `${d._font.name} ${d._fontSize} ${width}\u0000${t}`;
  const step = () => d.currentLineHeight(true) + (d._lineGap || 0);

  d.text = (t, xOrOptions, maybeY, maybeOptions) => {
    const placed = typeof xOrOptions === "number";
    const options = placed ? maybeOptions : xOrOptions;
    const x = placed ? xOrOptions : d.x;
    const y = typeof maybeY === "number" ? maybeY : d.y;
    if (
      typeof t !== "string" ||
      !widthOnly(options) ||
      d._textOptions ||
      (placed && maybeY === undefined)
    )
      return text(t, xOrOptions, maybeY, maybeOptions);
    const key = keyOf(t, options.width);
    const lines = blocks.get(key);
    if (!lines) {
      const cut: Line[] = [];
      d._text(t, x, y, { ...options }, (line, o, wrapper) => {
        cut.push({ text: line, textWidth: o.textWidth ?? 0, wordCount: o.wordCount ?? 0 });
        d._line(line, o, wrapper);
      });
      if (blocks.size >= MAX_BLOCKS) blocks.clear();
      blocks.set(key, cut);
      return doc;
    }
    // A block that would reach the bottom margin is left to pdfkit, which carries it over to the next page.
    if (y + (lines.length + 1) * step() > d.page.maxY())
      return text(t, xOrOptions, maybeY, maybeOptions);
    d.x = x;
    d.y = y;
    for (const line of lines)
      d._line(
        line.text,
        { width: options.width, textWidth: line.textWidth, wordCount: line.wordCount },
        true,
      );
    d.x = x;
    return doc;
  };

  d.heightOfString = (t, options) => {
    const lines =
      typeof t === "string" && widthOnly(options) ? blocks.get(keyOf(t, options.width)) : undefined;
    return lines ? lines.length * step() : heightOfString(t, options);
  };
}
