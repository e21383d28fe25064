// The zod schema of submitReturn's body: the return's shape derived from the schema's FIELDS, French messages.
import { type ZodType, z } from "zod";
import { MAX_EXPLANATION } from "../dialogue/index.ts";
import { FIELDS, type Field, SECTION_LIST } from "../schema/index.ts";

/** How a received value reads in a message: its JSON type, or the literal itself for null, true and false. */
function describe(input: unknown): string {
  if (input === undefined) return "rien";
  if (input === null) return "null";
  if (Array.isArray(input)) return "une liste";
  switch (typeof input) {
    case "string":
      return "un texte";
    case "number":
      return "un nombre";
    case "boolean":
      return String(input);
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

/** Unknown keys are refused, not dropped: a mistyped field name must not lose the value it carries. */
const strictError = (iss: { code?: string; input?: unknown }) =>
  iss.code === "unrecognized_keys"
    ? "champ inconnu." // named by the server's parseWith, which keeps the list short
    : `doit être un objet, pas ${describe(iss.input)}.`;

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

/** The return: every section and field of the schema, each optional (missing means empty). */
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

/** An idempotency key: 8 to 128 visible characters (the add-on sends a hash of the content, see sendKey). */
export const IDEMPOTENCY_KEY = z.string().regex(/^[\x21-\x7e]{8,128}$/, {
  error: "doit compter de 8 à 128 caractères visibles, sans espace.",
});

export const SUBMISSION_SCHEMA = z.strictObject(
  {
    return: RETURN_SCHEMA,
    idempotencyKey: IDEMPOTENCY_KEY,
    /** Field path → the director's explanation of its warning; checked against the warnings by the server. */
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
    /** Required, but checked by the server after the shape so that its absence is a 422 saying what is missing. */
    attestation: z.unknown().optional(),
  },
  { error: strictError },
);
