// Request shapes checked with zod: the return's shape derived from the schema's FIELDS, and French 400 answers.
import {
  FIELDS,
  type Field,
  findField,
  formatNumber,
  formatRaw,
  MAX_EXPLANATION,
  SECTION_LIST,
} from "@barometre/shared";
import { type ZodType, z } from "zod";
import { HttpError } from "./guard.ts";

const french = z.locales.fr();

/** How a received value reads in a message. */
function describe(input: unknown): string {
  if (input === undefined) return "rien";
  if (Array.isArray(input)) return "une liste";
  switch (typeof input) {
    case "string":
      return "un texte";
    case "number":
      return "un nombre";
    case "boolean":
      return "true ou false";
    default:
      return "un objet";
  }
}

const EXPECTED: Record<Field["type"], string> = {
  int: "un nombre",
  dec: "un nombre",
  eur: "un nombre (un montant en euros)",
  bool: "true ou false",
  date: "un texte AAAA-MM-JJ",
  text: "un texte",
  enum: "un texte",
  email: "un texte",
};

/** Longest text accepted in a field: generous for names and addresses, small next to the body limit. */
const MAX_TEXT = 500;

/** The JSON type of one field, or null; the rules themselves (bounds, options, required) are validateReturn's job. */
function valueSchema(f: Field): ZodType {
  const error = (iss: { input?: unknown }) =>
    `doit être ${EXPECTED[f.type]} ou null, pas ${describe(iss.input)}.`;
  const base =
    f.type === "int" || f.type === "dec" || f.type === "eur"
      ? z.number({ error })
      : f.type === "bool"
        ? z.boolean({ error })
        : z.string({ error }).max(MAX_TEXT, { error: `dépasse ${MAX_TEXT} caractères.` });
  return base.nullable().optional();
}

/** At most this many items of a list are named in an answer, which must not grow with the request. */
const MAX_LISTED = 5;

/** The first items of a list, then how many more: "a, b, c, d, e et 59 995 autres". */
function someOf(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(", ");
  const more = items.length - MAX_LISTED;
  return more > 0 ? `${shown} et ${formatNumber(more)} autres` : shown;
}

/** Unknown keys are refused, not dropped: a mistyped field name must not lose the value it carries. */
const strictError = (iss: { code?: string; input?: unknown }) =>
  iss.code === "unrecognized_keys"
    ? "champ inconnu." // named by parseWith, which keeps the list short
    : `doit être un objet, pas ${describe(iss.input)}.`;

/** Unknown keys named in a message: a few of them, each shortened, then how many more. */
function unknownKeys(keys: readonly string[]): string {
  return `${keys.length > 1 ? "champs inconnus" : "champ inconnu"} ${someOf(keys.map((k) => `« ${formatRaw(k)} »`))}.`;
}

/** A strict object over the fields sharing a path prefix. */
function objectSchema(fields: readonly Field[], depth: number): ZodType {
  const groups = new Map<string, Field[]>();
  for (const f of fields) {
    const key = f.path[depth] as string;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const shape: Record<string, ZodType> = {};
  for (const [key, group] of groups) {
    const [only] = group;
    shape[key] =
      group.length === 1 && only && only.path.length === depth + 1
        ? valueSchema(only)
        : objectSchema(group, depth + 1);
  }
  return z.strictObject(shape, { error: strictError }).optional();
}

/** The return of interfaces.md: every section and field of the schema, each optional (missing means empty). */
export const RETURN_SCHEMA: ZodType = z.strictObject(
  Object.fromEntries(
    SECTION_LIST.map((s) => [
      s.id,
      objectSchema(
        FIELDS.filter((f) => f.section === s.id),
        0,
      ),
    ]),
  ),
  { error: strictError },
);

/** An idempotency key: 8 to 128 visible characters (the add-on sends a content hash). */
export const IDEMPOTENCY_KEY = z.string().regex(/^[\x21-\x7e]{8,128}$/, {
  error: "doit compter de 8 à 128 caractères visibles, sans espace.",
});

export const SUBMISSION_SCHEMA = z.strictObject(
  {
    return: RETURN_SCHEMA,
    idempotencyKey: IDEMPOTENCY_KEY,
    /** Field path → the director's explanation of its warning; checked against the warnings in submission.ts. */
    explanations: z
      .record(
        z.string().max(200),
        z
          .string()
          .trim()
          .min(1, { error: "est vide : retirez l'explication ou écrivez-la." })
          .max(MAX_EXPLANATION, { error: `dépasse ${MAX_EXPLANATION} caractères.` }),
      )
      .optional(),
    /** Required, but checked in submission.ts so that its absence is a 422 saying what is missing. */
    attestation: z.unknown().optional(),
  },
  { error: strictError },
);

/** Where an issue points, in words: the field's label when the path is a return field. */
function placeOf(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  const f = head === "return" ? findField(rest.join(".")) : undefined;
  if (f) return `« ${f.label} » (${f.key})`;
  return path.length === 0 ? "la requête" : `« ${formatRaw(path.join("."))} »`;
}

/** The body checked against a schema, or a 400 listing (in French) what is wrong and where. */
export function parseWith<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body, { error: french.localeError });
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    const message = issue.code === "unrecognized_keys" ? unknownKeys(issue.keys) : issue.message;
    return `${placeOf(issue.path)} : ${message.replace(/\.?$/, ".")}`;
  });
  const shown = messages.slice(0, MAX_LISTED).join(" ");
  const more =
    messages.length > MAX_LISTED
      ? ` (et ${formatNumber(messages.length - MAX_LISTED)} autres problèmes)`
      : "";
  throw new HttpError(400, `La requête n'a pas la forme attendue. ${shown}${more}`);
}
