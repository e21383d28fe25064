// The zod schemas of the values many requests carry: an exercice, a structure code, a calendar day.
import { z } from "zod";
import { FIRST_YEAR, field, LAST_YEAR } from "../schema/index.ts";
import { asciiUpperCase, isoDate } from "../values/index.ts";

/** An exercice a campaign may exist for. */
export const YEAR = z.int().min(FIRST_YEAR).max(LAST_YEAR);

const CODE = field("identification.structureCode");

/** A structure code as the schema defines it, in capitals (ASCII only: no Unicode letter folds into a code). */
export const STRUCTURE_CODE = z
  .string()
  .trim()
  .overwrite(asciiUpperCase)
  .regex(CODE.pattern as RegExp, { error: `n'est pas un code valide (${CODE.patternHint}).` });

/** A calendar day "YYYY-MM-DD" that exists. */
export const ISO_DAY = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}, "doit être une date AAAA-MM-JJ.");
