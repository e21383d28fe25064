// fast-check material for fuzzing the importer: label variants that keep their meaning, French number text, and
// random or adversarial cells, sheets and workbooks (junk tabs, merges and hidden rows, some of them out of range).
import {
  type Cell,
  FIELDS,
  MEETINGS,
  OFFICERS,
  type Range0,
  SECTION_LIST,
  type SheetGrid,
  type WorkbookGrid,
} from "@barometre/shared";
import fc from "fast-check";

/** Every text the legacy reader recognises as a label, a meeting or a grid column. */
export const LABEL_TEXTS: readonly string[] = [
  ...FIELDS.flatMap((f) => [f.label, ...(f.synonyms ?? [])]),
  ...MEETINGS.flatMap((m) => [m.label, ...m.synonyms]),
  ...OFFICERS.flatMap((o) => [o.label, ...o.synonyms]),
  "Date",
];

export const TAB_ALIASES: readonly string[] = SECTION_LIST.flatMap((s) => s.tabAliases);

const SPACES = [" ", "  ", "\u00a0", "\u202f", "\t", " \n"];

/** Spellings docs/domain.md says mean the same label: case, accents, punctuation, "dont", bullets, suffixes. */
export function labelVariant(label: string): fc.Arbitrary<string> {
  return fc
    .record({
      letters: fc.constantFrom("asIs", "upper", "lower", "alternate", "noAccents"),
      join: fc.constantFrom(...SPACES, "-", "_", " / ", ".", " - "),
      prefix: fc.constantFrom(
        "",
        "dont ",
        "DONT ",
        "Dont\u00a0",
        "- ",
        "• ",
        "– ",
        "* ",
        "► ",
        "·",
      ),
      suffix: fc.constantFrom(
        "",
        " :",
        ":",
        " *",
        " (*)",
        " (en €)",
        "(€)",
        " en euros",
        " au 31/12",
        " au 31 décembre",
        " AU 31/12/2018",
        " (en €) :",
      ),
      edges: fc.constantFrom("", " ", "\u00a0"),
    })
    .map(({ letters, join, prefix, suffix, edges }) => {
      // Punctuation may stand between the words, but not inside "dont …" and "… au 31/12", which read as phrases.
      const [, lead = "", core = "", tail = ""] = /^(dont )?(.*?)( au 31.*)?$/i.exec(label) ?? [];
      let words = lead + core.split(" ").join(join) + tail;
      if (letters === "upper") words = words.toUpperCase();
      if (letters === "lower") words = words.toLowerCase();
      if (letters === "noAccents") words = words.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      if (letters === "alternate")
        words = [...words].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join("");
      return `${edges}${prefix}${words}${suffix}${edges}`;
    });
}

/** The ways people type a number in French: grouped by 3 with any space, decimal comma, €, signs. */
export function frenchNumberText(value: number): fc.Arbitrary<string> {
  const plain = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(plain)) return fc.constant(plain);
  const [whole = "", fraction] = plain.split(".");
  return fc
    .record({
      group: fc.constantFrom("", " ", "\u00a0", "\u202f"),
      unit: fc.constantFrom("", " €", "€", " EUR", " euros"),
      minus: fc.constantFrom("-", "\u2212", "- ", "( )"),
    })
    .map(({ group, unit, minus }) => {
      const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
      const text = fraction === undefined ? grouped : `${grouped},${fraction}`;
      if (value >= 0 && !Object.is(value, -0)) return `${text}${unit}`;
      return minus === "( )" ? `(${text}${unit})` : `${minus}${text}${unit}`;
    });
}

/** Excel's limit of characters in a cell. */
export const MAX_CELL_TEXT = 32_767;

/** Pieces that, repeated, make label matching backtrack or strip decorations one at a time. */
export const ADVERSARIAL_UNITS = [
  " :",
  ":",
  " ",
  "( ",
  "(*",
  "1 ",
  "1 2",
  "dont ",
  "- ",
  "• ",
  "-•",
  " au 31",
  "€ ",
  "e\u0301",
] as const;

/** A cell of one adversarial piece repeated, up to Excel's limit, ending in a way that defeats a match. */
export const adversarialText: fc.Arbitrary<string> = fc
  .record({
    unit: fc.constantFrom(...ADVERSARIAL_UNITS),
    length: fc.integer({ min: 1_000, max: MAX_CELL_TEXT }),
    tail: fc.constantFrom("", "x", ")", " :"),
  })
  .map(
    ({ unit, length, tail }) =>
      `${unit.repeat(Math.ceil(length / unit.length))}`.slice(0, length - tail.length) + tail,
  );

/** Anything an adapter might hand the importer in one cell. */
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: fc.constantFrom(null, undefined, "", " "), weight: 6 },
  { arbitrary: fc.constantFrom(...LABEL_TEXTS).chain(labelVariant), weight: 5 },
  { arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }).chain(frenchNumberText), weight: 3 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.integer({ min: -1, max: 3_000_000 }), weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      "N/A",
      "NC",
      "-",
      "néant",
      "Oui",
      "non",
      "X",
      "VRAI",
      "#REF!",
      "#DIV/0!",
      "=SUM(B2:B9)",
      "31/02/2019",
      "12/04/2019",
      "64 %",
      "1,5.3",
      "urbain qpv",
      "direction@pimms.example",
      "undefined",
      "null",
      "NaN",
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
);

/** A rectangle that may be inverted, overlap others or lie outside the grid. */
const anyRange: fc.Arbitrary<Range0> = fc.record({
  top: fc.integer({ min: -2, max: 60 }),
  left: fc.integer({ min: -2, max: 12 }),
  bottom: fc.integer({ min: -2, max: 60 }),
  right: fc.integer({ min: -2, max: 12 }),
});

const sheetName = fc.oneof(
  fc.constantFrom(
    ...TAB_ALIASES,
    "Indicateurs",
    "Positionnement",
    "Feuil1",
    "Notes",
    "Données brutes",
  ),
  fc.constantFrom(...TAB_ALIASES).chain(labelVariant),
  fc.string({ minLength: 1, maxLength: 31 }),
);

export const anySheet: fc.Arbitrary<SheetGrid> = fc.record({
  name: sheetName,
  rows: fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 60 }),
  merges: fc.array(anyRange, { maxLength: 6 }),
  hiddenRows: fc.array(fc.integer({ min: -3, max: 70 }), { maxLength: 8 }),
  hidden: fc.boolean(),
});

export const anyWorkbook: fc.Arbitrary<WorkbookGrid> = fc.record({
  sheets: fc.array(anySheet, { maxLength: 7 }),
});
