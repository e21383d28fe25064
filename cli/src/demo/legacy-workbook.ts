// Legacy "outil de données" workbooks written from a return, in any mix of the variations docs/domain.md lists: for npm
// start's demo network and the importer's tests.
import {
  FIELDS,
  type Field,
  type FieldValue,
  formatDate,
  formatNumber,
  getValue,
  isoToSerial,
  MEETINGS,
  type PimmsReturn,
  type SectionId,
} from "@barometre/shared";
import type { SheetSpec, SpecValue, WorkbookSpec } from "./workbook-spec.ts";

type GridColumn = "date" | "president" | "treasurer" | "secretary";
type DataSection = Exclude<SectionId, "identification" | "governance">;

export interface LegacyStyle {
  /** Tab names by section; the identification tab is only written when `identification` is "own-tab". */
  tabNames: Record<SectionId, string>;
  identification: "own-tab" | "top-of-first";
  /** 0-based column of the labels, and how many columns right of it the value sits (1 to 4). */
  labelColumn: number;
  valueGap: number;
  /** Picks, field by field, the label or one of its synonyms. */
  spelling: number;
  labelCase: "asIs" | "upper" | "lower";
  decoration: "none" | "colon" | "dash" | "bullet" | "euroSuffix";
  numbers: "number" | "frenchText" | "euroText" | "formula";
  /** The thousands separator of numbers written as text. */
  space: " " | "\u00a0" | "\u202f";
  dates: "date" | "serial" | "text";
  /** How presences read: Oui/Non, X/empty, 1/0… */
  presence: readonly [SpecValue, SpecValue];
  /** How an empty value is written, or "omit" to leave its row out. */
  empty: "blank" | "dash" | "N/A" | "néant" | "omit";
  governanceColumns: readonly GridColumn[];
  meetingLabels: "long" | "short";
  exitsShortForms: boolean;
  /** A merged title row and an "Onglet …" row on top of each tab, as layout C. */
  titleRows: boolean;
  /** Hidden "Remarque" rows between fields. */
  hiddenNotes: boolean;
  /** Blank rows between fields. */
  blankRows: boolean;
  /** Labels merged across the columns up to their value. */
  mergedLabels: boolean;
  /** Rows of an extra tab of unrelated data at the end (0 for none). */
  junkRows: number;
}

export const CANONICAL_COLUMNS: readonly GridColumn[] = [
  "date",
  "president",
  "treasurer",
  "secretary",
];
const HEADER: Record<GridColumn, string> = {
  date: "Date",
  president: "Président",
  treasurer: "Trésorier",
  secretary: "Secrétaire",
};

/** The three layouts of the 2018 samples. */
export const LAYOUTS: Record<"A" | "B" | "C", LegacyStyle> = {
  A: {
    tabNames: {
      identification: "Identification",
      governance: "Gouvernance",
      finance: "Données financières",
      social: "Données sociales",
      activity: "Activité",
      network: "Réseau et communication",
    },
    identification: "own-tab",
    labelColumn: 0,
    valueGap: 1,
    spelling: 0,
    labelCase: "asIs",
    decoration: "none",
    numbers: "number",
    space: " ",
    dates: "date",
    presence: ["Oui", "Non"],
    empty: "blank",
    governanceColumns: CANONICAL_COLUMNS,
    meetingLabels: "long",
    exitsShortForms: false,
    titleRows: false,
    hiddenNotes: false,
    blankRows: false,
    mergedLabels: false,
    junkRows: 0,
  },
  B: {
    tabNames: {
      identification: "Identification",
      governance: "Onglet gouvernance",
      finance: "Finances",
      social: "Social",
      activity: "Activité KeepPlace",
      network: "Communication",
    },
    identification: "top-of-first",
    labelColumn: 1,
    valueGap: 2,
    spelling: 1,
    labelCase: "asIs",
    decoration: "none",
    numbers: "euroText",
    space: "\u00a0",
    dates: "text",
    presence: ["X", null],
    empty: "N/A",
    governanceColumns: ["date", "secretary", "president", "treasurer"],
    meetingLabels: "short",
    exitsShortForms: true,
    titleRows: false,
    hiddenNotes: false,
    blankRows: false,
    mergedLabels: false,
    junkRows: 0,
  },
  C: {
    tabNames: {
      identification: "Identification",
      governance: "Onglet gouvernance",
      finance: "Donnees financieres",
      social: "Données sociales",
      activity: "Activite",
      network: "Réseau",
    },
    identification: "own-tab",
    labelColumn: 2,
    valueGap: 3,
    spelling: 2,
    labelCase: "upper",
    decoration: "colon",
    numbers: "formula",
    space: "\u202f",
    dates: "serial",
    presence: ["oui", "non"],
    empty: "dash",
    governanceColumns: ["president", "date", "treasurer", "secretary"],
    meetingLabels: "long",
    exitsShortForms: false,
    titleRows: true,
    hiddenNotes: true,
    blankRows: true,
    mergedLabels: false,
    junkRows: 0,
  },
};

/** The label a field is written under in the style. */
export function labelOf(f: Field, index: number, style: LegacyStyle): string {
  const spellings = [f.label, ...(f.synonyms ?? [])];
  const isExit = f.section === "social" && f.id.startsWith("exits");
  let text =
    isExit && style.exitsShortForms
      ? (f.synonyms?.[0] ?? f.label)
      : (spellings[(style.spelling + index) % spellings.length] as string);
  if (style.labelCase === "upper") text = text.toUpperCase();
  if (style.labelCase === "lower") text = text.toLowerCase();
  switch (style.decoration) {
    case "colon":
      return `${text} :`;
    case "dash":
      return `- ${text}`;
    case "bullet":
      return `• ${text}`;
    case "euroSuffix":
      return f.type === "eur" ? `${text} (en €)` : text;
    case "none":
      return text;
  }
}

function numberCell(f: Field, n: number, style: LegacyStyle): SpecValue {
  if (style.numbers === "number") return n;
  if (style.numbers === "formula") return { formula: `ROUND(${n},2)`, result: n };
  const text = formatNumber(n, Number.isInteger(n) ? 0 : 2).replace(/\u202f/g, style.space);
  return style.numbers === "euroText" && f.type === "eur" ? `${text}${style.space}€` : text;
}

function dateCell(iso: string, style: LegacyStyle): SpecValue {
  if (style.dates === "date") return new Date(`${iso}T00:00:00Z`);
  return style.dates === "serial" ? isoToSerial(iso) : formatDate(iso);
}

const EMPTY: Record<LegacyStyle["empty"], SpecValue> = {
  blank: null,
  dash: "-",
  "N/A": "N/A",
  néant: "néant",
  omit: null,
};

/** The cell a value is written as, in the style. */
function valueCell(f: Field, value: FieldValue, style: LegacyStyle): SpecValue {
  if (f.emptyMeansNo) return value ? style.presence[0] : style.presence[1];
  if (value === null) return EMPTY[style.empty];
  if (typeof value === "number") return numberCell(f, value, style);
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  return f.type === "date" ? dateCell(value, style) : value;
}

/** Rows of a tab, placed at the style's columns. */
class TabWriter {
  readonly rows: SpecValue[][] = [];
  readonly hiddenRows: number[] = [];
  readonly merges: SheetSpec["merges"] = [];
  constructor(private readonly style: LegacyStyle) {}

  row(cells: [number, SpecValue][]): void {
    const row: SpecValue[] = [];
    for (const [col, value] of cells) row[this.style.labelColumn + col] = value;
    this.rows.push(Array.from(row, (v) => v ?? null));
  }

  title(name: string): void {
    this.rows.push(
      ["OUTIL DE DONNÉES ÉCONOMIQUES ET SOCIALES"],
      [`Onglet ${name.toLowerCase()}`],
      [],
    );
    this.merges?.push({
      top: this.rows.length - 3,
      left: 0,
      bottom: this.rows.length - 3,
      right: 5,
    });
  }

  note(): void {
    this.hiddenRows.push(this.rows.length);
    this.row([[0, "Remarque : donnée issue de KeepPlace"]]);
  }

  fields(ret: PimmsReturn, fields: readonly Field[]): void {
    fields.forEach((f, i) => {
      const value = getValue(ret, f);
      if (this.style.exitsShortForms && f.id === "exitsDurableJob")
        this.row([
          [0, "Sorties de médiateurs au 31/12"],
          [this.style.valueGap, "N/A"],
        ]);
      if (value === null && this.style.empty === "omit") return;
      if (this.style.hiddenNotes && i % 4 === 3) this.note();
      if (this.style.blankRows && i % 5 === 4) this.rows.push([]);
      if (this.style.mergedLabels && this.style.valueGap > 1) {
        const left = this.style.labelColumn;
        const row = this.rows.length;
        this.merges?.push({ top: row, left, bottom: row, right: left + this.style.valueGap - 1 });
      }
      this.row([
        [0, labelOf(f, FIELDS.indexOf(f), this.style)],
        [this.style.valueGap, valueCell(f, value, this.style)],
      ]);
    });
  }

  governance(ret: PimmsReturn): void {
    const columns = this.style.governanceColumns;
    this.row([[0, "Instance"], ...columns.map((c, i): [number, SpecValue] => [i + 1, HEADER[c]])]);
    for (const meeting of MEETINGS) {
      const label = this.style.meetingLabels === "long" ? meeting.label : meeting.synonyms[0];
      const cells = columns.map((column, i): [number, SpecValue] => {
        const f = FIELDS.find((x) => x.key === `governance.${meeting.id}.${column}`) as Field;
        return [i + 1, valueCell(f, getValue(ret, f), this.style)];
      });
      this.row([[0, label], ...cells]);
    }
  }

  sheet(name: string): SheetSpec {
    return { name, rows: this.rows, hiddenRows: this.hiddenRows, merges: this.merges ?? [] };
  }
}

const fieldsOf = (section: SectionId) => FIELDS.filter((f) => f.section === section);
const DATA_SECTIONS: readonly DataSection[] = ["finance", "social", "activity", "network"];

function junkSheet(rows: number): SheetSpec {
  return {
    name: "Données brutes",
    rows: Array.from({ length: rows }, (_, i) => [`Article ${i}`, i * 1.5, `Réf. ${i % 97}`]),
  };
}

/** The legacy workbook of a return in the given style. */
export function legacyWorkbook(ret: PimmsReturn, style: LegacyStyle): WorkbookSpec {
  const sheets: SheetSpec[] = [];
  const tab = (section: SectionId, fill: (w: TabWriter) => void) => {
    const writer = new TabWriter(style);
    if (style.titleRows) writer.title(style.tabNames[section]);
    fill(writer);
    sheets.push(writer.sheet(style.tabNames[section]));
  };
  if (style.identification === "own-tab")
    tab("identification", (w) => w.fields(ret, fieldsOf("identification")));
  tab("governance", (w) => {
    if (style.identification === "top-of-first") {
      w.fields(ret, fieldsOf("identification"));
      w.row([]);
    }
    w.governance(ret);
  });
  for (const section of DATA_SECTIONS) tab(section, (w) => w.fields(ret, fieldsOf(section)));
  if (style.junkRows > 0) sheets.push(junkSheet(style.junkRows));
  return { sheets };
}
