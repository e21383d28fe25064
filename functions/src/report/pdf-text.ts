// Text lines written to the page content with fewer operators than pdfkit's: pdfkit wraps each line in q, a flip of
// the page, BT…ET and Q, and writes positions and kerning to six decimals. Here each line is one text object whose
// matrix flips the text back (the page is already flipped), its position to 1/100 pt and its kerning to a tenth of a
// thousandth of an em: the same glyphs (hex glyph ids, as pdfkit writes them) land at the same places, for a third
// less page content to write and compress. Marked content is written around the line by the callers, as before.

/** A glyph's position as pdfkit's font layout gives it, already scaled to thousandths of an em. */
interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

interface Font {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], Position[]];
}

type Fragment = (text: string, x: number, y: number, options: Options) => void;

/** The options pdfkit hands its line writer that this one reads: all but baseline and features send the line to pdfkit. */
interface Options {
  align?: string;
  baseline?: string | number;
  features?: unknown;
  wordSpacing?: number;
  characterSpacing?: number;
  horizontalScaling?: number;
  stroke?: boolean;
  oblique?: unknown;
  underline?: boolean;
  strike?: boolean;
  link?: unknown;
  goTo?: unknown;
  destination?: unknown;
}

interface Page {
  fonts: Record<string, unknown>;
  write(data: string): unknown;
}

interface Internals {
  _font: Font;
  _fontSize: number;
  page: Page;
  _fragment: Fragment;
  addContent(data: string): unknown;
  addPage(...args: unknown[]): unknown;
  switchToPage(...args: unknown[]): unknown;
  flushPages(...args: unknown[]): unknown;
  endPageMarkings(...args: unknown[]): unknown;
}

/** The text object left open after a line: its page, font and size, and where its last line starts. */
interface Open {
  page: Page;
  font: string;
  x: number;
  y: number;
}

/** `n` to two decimals (1/100 pt), without trailing zeros. */
const position = (n: number): string => String(Math.round(n * 100) / 100);

/** Whether pdfkit's own writer is needed: anything but plain left-aligned text on the top or alphabetic baseline. */
const special = (o: Options): boolean =>
  (o.align !== undefined && o.align !== "left") ||
  (o.baseline !== undefined && o.baseline !== "alphabetic" && o.baseline !== "top") ||
  !!(
    o.wordSpacing ||
    o.characterSpacing ||
    (o.horizontalScaling && o.horizontalScaling !== 100) ||
    o.stroke ||
    o.oblique ||
    o.underline ||
    o.strike ||
    o.link != null ||
    o.goTo != null ||
    o.destination != null
  );

/**
 * Makes `doc` write its text lines this way, leaving the cases listed in `special` to pdfkit. Consecutive lines (a
 * paragraph's) share one text object, each moved from the one before by Td: the text object is closed by whatever
 * pdfkit writes next (a colour, a shape, marked content) and before a page ends or another is written to.
 */
export function thinTextLines(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as Internals;
  const own = d._fragment.bind(doc);
  let open: Open | null = null;
  const close = () => {
    open?.page.write("ET");
    open = null;
  };
  const addContent = d.addContent.bind(doc);
  d.addContent = (data) => {
    close();
    return addContent(data);
  };
  // pdfkit ends a page's marked content (EMC written to the page itself) when it moves to a new page.
  for (const name of ["addPage", "switchToPage", "flushPages", "endPageMarkings"] as const) {
    const method = d[name].bind(doc);
    d[name] = (...args) => {
      close();
      return method(...args);
    };
  }
  // A line's glyph ids (numbered in this document's font subsets) and kerning, written again for each repeat of it:
  // labels, units and table headers recur on every page.
  const runs = new Map<string, string>();
  d._fragment = (text, x, y, options) => {
    if (special(options)) return own(text, x, y, options);
    const line = text.includes("\n") ? text.replace(/\n/g, "") : text;
    if (line.length === 0) return;
    const font = d._font;
    const size = d._fontSize;
    const key = options.features === undefined ? `${font.id}\u0000${line}` : null;
    let shown = key === null ? undefined : runs.get(key);
    if (shown === undefined) {
      const [ids, positions] = font.encode(line, options.features);
      // Runs of glyph ids, each followed by its last glyph's kerning (in thousandths of an em, to a tenth).
      shown = "[<";
      for (let i = 0; i < positions.length; i++) {
        const p = positions[i] as Position;
        // A glyph moved off its line (combining marks) needs pdfkit's text matrix per glyph.
        if (p.xOffset || p.yOffset) return own(text, x, y, options);
        shown += ids[i];
        const kerning = p.xAdvance - p.advanceWidth;
        if (kerning !== 0 && i < positions.length - 1)
          shown += `>${Math.round(-kerning * 10) / 10}<`;
      }
      shown += ">] TJ";
      if (key !== null) runs.set(key, shown);
    }
    d.page.fonts[font.id] ??= font.ref();
    // The top of the line (pdfkit's default) is the ascender above the baseline; the page is flipped, y goes down.
    const baseline = y + (options.baseline === "alphabetic" ? 0 : (font.ascender / 1000) * size);
    const at = { x: Math.round(x * 100) / 100, y: Math.round(baseline * 100) / 100 };
    const setFont = `/${font.id} ${Math.round(size * 1000) / 1000}`;
    const page = d.page;
    if (open && open.page === page) {
      // Td moves from where the previous line started; the text matrix is flipped, hence the sign of y.
      const move = `${position(at.x - open.x)} ${position(open.y - at.y)} Td`;
      page.write(`${open.font === setFont ? "" : `${setFont} Tf\n`}${move}\n${shown}`);
    } else d.addContent(`BT\n1 0 0 -1 ${at.x} ${at.y} Tm\n${setFont} Tf\n${shown}`);
    open = { page, font: setFont, ...at };
  };
}
