// Turns what people type in spreadsheets (French numbers, dates, Oui/Non, empty markers) into values.

/** A raw cell as adapters hand it over: dates are Date objects whose UTC day is the calendar day. */
export type RawCell = string | number | boolean | Date | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200b]+/g;
const EMPTY_MARKERS = new Set([
  "",
  "n/a",
  "na",
  "nc",
  "n.c.",
  "n.c",
  "-",
  "--",
  "–",
  "—",
  "\u2212",
  "neant",
  "/",
]);

/** Lower-case, without accents, with spaces folded: the form used to compare words. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(SPACES, " ")
    .trim();
}

/** True for an empty cell or a marker that means "nothing" (N/A, NC, -, néant). */
export function isEmptyCell(raw: RawCell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== "string") return false;
  return EMPTY_MARKERS.has(fold(raw));
}

/**
 * French or plain number text: "1 024 140,50 €", "64 %", "-5 895,83", "(1 200)", "1.024.140,5".
 * A percentage gives its fraction (64 % → 0.64). Thousands groups must have three digits, so garbage
 * such as "1,5.3" or "1 2 3" is refused rather than guessed.
 */
export function parseNumber(raw: RawCell): Parsed<number> {
  const fail = { ok: false, expected: "un nombre" } as const;
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: raw } : fail;
  if (typeof raw !== "string") return fail;
  // U+2212 (minus) and U+2013 (en dash) are typed as minus signs in French documents.
  let text = raw
    .replace(SPACES, " ")
    .replace(/[\u2212\u2013]/g, "-")
    .trim();
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) text = (parenthesised[1] as string).trim();
  const unit = /^(.*?) ?(€|eur|euros?|%)$/i.exec(text);
  if (unit) text = unit[1] as string;
  const signed = /^([+-]?) ?€? ?(.*)$/.exec(text) as RegExpExecArray;
  if (parenthesised && signed[1] !== "") return fail;
  const normalised = normaliseSeparators(signed[2] as string);
  if (normalised === null || !/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return fail;
  let value = Number(normalised);
  if (!Number.isFinite(value)) return fail;
  if (unit?.[2] === "%") value /= 100;
  return { ok: true, value: parenthesised || signed[1] === "-" ? -value : value };
}

/** Decides which of "," and "." is the decimal mark and removes thousands separators (spaces, apostrophes, "." or ","). */
function normaliseSeparators(text: string): string | null {
  const spaced = text.replace(/['’]/g, " ");
  if (spaced.includes(" ")) {
    const m = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/.exec(spaced);
    if (!m) return null;
    return `${(m[1] as string).replace(/ /g, "")}${m[2] === undefined ? "" : `.${m[2]}`}`;
  }
  const commas = text.split(",").length - 1;
  const dots = text.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    const decimal = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    const [whole = "", fraction, ...more] = text.split(decimal);
    if (more.length > 0) return null;
    const digits = groupedDigits(whole, decimal === "," ? "." : ",");
    return digits === null ? null : `${digits}.${fraction}`;
  }
  if (commas > 1) return groupedDigits(text, ",");
  if (dots > 1) return groupedDigits(text, ".");
  return text.replace(",", ".");
}

/** "1.024.140" with "." → "1024140"; null unless every group after the first has three digits. */
function groupedDigits(text: string, separator: "," | "."): string | null {
  const groups = text.split(separator);
  const ok =
    /^\d{1,3}$/.test(groups[0] as string) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
  return ok ? groups.join("") : null;
}

const TRUE_WORDS = new Set(["oui", "o", "x", "1", "true", "vrai", "yes", "y", "✓", "✔"]);
const FALSE_WORDS = new Set(["non", "n", "0", "false", "faux", "no"]);

/** Oui/Non in every form seen in legacy workbooks; null when the cell is empty. */
export function parseBool(raw: RawCell): Parsed<boolean | null> {
  if (isEmptyCell(raw)) return { ok: true, value: null };
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (typeof raw === "number") {
    if (raw === 1) return { ok: true, value: true };
    if (raw === 0) return { ok: true, value: false };
    return { ok: false, expected: "Oui ou Non" };
  }
  if (typeof raw === "string") {
    const word = fold(raw);
    if (TRUE_WORDS.has(word)) return { ok: true, value: true };
    if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  }
  return { ok: false, expected: "Oui ou Non" };
}

/** Days between the spreadsheet epoch (1899-12-30, which absorbs Excel's 1900 leap-year bug) and 1970-01-01. */
const SERIAL_EPOCH_OFFSET = 25569;
const EXCEL_PHANTOM_LEAP_DAY = 60;
const DAY_MS = 86_400_000;

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The calendar day of a date, using its UTC components (adapters build dates that way). */
export function dateToIso(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * An Excel serial day number (1900 date system) as a calendar day. From serial 61 (1900-03-01) on, Excel,
 * LibreOffice and Google Sheets agree on the epoch 1899-12-30; below it Excel counts 1 = 1900-01-01 and its
 * serial 60 is the 29 February 1900 that never was, which is refused.
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const day = Math.floor(serial);
  if (day === EXCEL_PHANTOM_LEAP_DAY) return null;
  const offset = day < EXCEL_PHANTOM_LEAP_DAY ? SERIAL_EPOCH_OFFSET - 1 : SERIAL_EPOCH_OFFSET;
  return dateToIso(new Date((day - offset) * DAY_MS));
}

/** The serial day number of an ISO calendar day, as spreadsheets store dates (inverse of serialToIso). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const serial = Date.UTC(y, m - 1, d) / DAY_MS + SERIAL_EPOCH_OFFSET;
  return serial <= EXCEL_PHANTOM_LEAP_DAY ? serial - 1 : serial;
}

/** A real date, a serial number, "jj/mm/aaaa" (also with - or .), or ISO "aaaa-mm-jj"; null when empty. */
export function parseDate(raw: RawCell): Parsed<string | null> {
  const expected = "une date au format jj/mm/aaaa";
  if (isEmptyCell(raw)) return { ok: true, value: null };
  let iso: string | null = null;
  if (raw instanceof Date) iso = dateToIso(raw);
  else if (typeof raw === "number") iso = serialToIso(raw);
  else if (typeof raw === "string") iso = parseDateText(raw.trim());
  return iso ? { ok: true, value: iso } : { ok: false, expected };
}

function parseDateText(text: string): string | null {
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (french) {
    const [, d, m, y] = french as unknown as [string, string, string, string];
    // Two-digit years pivot as in Excel: 00–29 are 2000–2029, 30–99 are 1930–1999.
    const year = y.length === 4 ? Number(y) : Number(y) + (Number(y) < 30 ? 2000 : 1900);
    return isoDate(year, Number(m), Number(d));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d+([.,]\d+)?$/.test(text)) return serialToIso(Number(text.replace(",", ".")));
  return null;
}

/** Plain text of a cell: trimmed, spaces folded; dates become ISO days; empty markers give null. */
export function parseText(raw: RawCell): string | null {
  if (isEmptyCell(raw)) return null;
  if (raw instanceof Date) return dateToIso(raw);
  const text = String(raw).replace(SPACES, " ").trim();
  return text === "" ? null : text;
}
