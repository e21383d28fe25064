// Fill and stroke colours written to a page only when they change: the report sets the colour before every text and
// shape (pdfkit writes a colour space and a colour each time), though most lines keep the one before. The colour in
// force is tracked per page through pdfkit's save and restore (q and Q bring the earlier one back).

interface Colours {
  fill: string | null;
  stroke: string | null;
  saved: { fill: string | null; stroke: string | null }[];
}

interface Internals {
  page: object;
  save(): unknown;
  restore(): unknown;
  _setColorCore(color: unknown, stroke: boolean): boolean;
}

/** Makes `doc` skip writing a plain colour (a #rrggbb string) that is already the one in force on its page. */
export function writeColoursOnce(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as Internals;
  // A page's content starts in the default state; pages are revisited (running footers), each keeps its own.
  const pages = new WeakMap<object, Colours>();
  const colours = (): Colours => {
    let c = pages.get(d.page);
    if (!c) {
      c = { fill: null, stroke: null, saved: [] };
      pages.set(d.page, c);
    }
    return c;
  };
  const save = d.save.bind(doc);
  const restore = d.restore.bind(doc);
  const setColour = d._setColorCore.bind(doc);
  d.save = () => {
    const c = colours();
    c.saved.push({ fill: c.fill, stroke: c.stroke });
    return save();
  };
  d.restore = () => {
    const c = colours();
    const previous = c.saved.pop();
    // An unbalanced restore leaves the state unknown: the next colour is written whatever it is.
    c.fill = previous ? previous.fill : null;
    c.stroke = previous ? previous.stroke : null;
    return restore();
  };
  d._setColorCore = (color, stroke) => {
    if (typeof color !== "string" || !color.startsWith("#")) {
      const c = colours();
      c.fill = stroke ? c.fill : null;
      c.stroke = stroke ? null : c.stroke;
      return setColour(color, stroke);
    }
    const c = colours();
    if ((stroke ? c.stroke : c.fill) === color) return true;
    const set = setColour(color, stroke);
    if (stroke) c.stroke = set ? color : null;
    else c.fill = set ? color : null;
    return set;
  };
}
