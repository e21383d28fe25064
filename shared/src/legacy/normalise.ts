// The comparison form of legacy labels and tab names (docs/domain.md, legacy workbooks): case, accents, punctuation and decorations ignored.
import { fold } from "../values/parse.ts";

/** Decorations stripped from the start: bullets, dashes and the "dont" of sub-totals. */
const PREFIXES = [/^[-–—•·*▪►>]+\s*/, /^dont\s+/];
/** Unit and date suffixes stripped from the end: "(en €)", "(€)", "en euros", "au 31/12", "au 31 décembre". */
const SUFFIXES = [
  /\s*\(\s*(?:en\s*)?(?:€|eur|euros)\s*\)$/,
  /\s+en\s+(?:€|euros)$/,
  /\s+au\s+31\s*\/\s*12(?:\s*\/\s*\d{2,4})?$/,
  /\s+au\s+31\s+decembre(?:\s+\d{4})?$/,
];
/** A trailing colon, and the "*" or "(*)" forms use to mark a required field. */
const TRAILING_MARKS = /(?:\s*(?::|\*|\(\s*\*\s*\)))+$/;

/** "- DONT Charges de personnel (en €) :" → "charges de personnel". */
export function normaliseLabel(text: string): string {
  let s = fold(text).replace(/œ/g, "oe").replace(/æ/g, "ae");
  let before: string;
  do {
    before = s;
    s = s.replace(TRAILING_MARKS, "");
    for (const prefix of PREFIXES) s = s.replace(prefix, "");
    for (const suffix of SUFFIXES) s = s.replace(suffix, "");
  } while (s !== before);
  return s.replace(/[^a-z0-9]+/g, " ").trim();
}

/** "Onglet onglet gouvernance", "Gouvernance 2018" → "gouvernance". */
export function normaliseTabName(name: string): string {
  let s = normaliseLabel(name);
  let before: string;
  do {
    before = s;
    s = s.replace(/^onglet\s+/, "").replace(/\s+(?:19|20)\d{2}$/, "");
  } while (s !== before);
  return s;
}
