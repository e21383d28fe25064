// A request checked against its schema (shared/src/api), or a French 400 naming what is wrong and where.
import { findField, formatNumber, formatRaw, Refusal } from "@barometre/shared";
import { type ZodType, z } from "zod";

const french = z.locales.fr();

/** At most this many items of a list are named in an answer, which must not grow with the request. */
const MAX_LISTED = 5;

/** The first items of a list, then how many more: "a, b, c, d, e et 59 995 autres". */
function someOf(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(", ");
  const more = items.length - MAX_LISTED;
  return more > 0 ? `${shown} et ${formatNumber(more)} autres` : shown;
}

/** Unknown keys named in a message: a few of them, each shortened, then how many more. */
function unknownKeys(keys: readonly string[]): string {
  return `${keys.length > 1 ? "champs inconnus" : "champ inconnu"} ${someOf(keys.map((k) => `« ${formatRaw(k)} »`))}.`;
}

/** Where an issue points, in words: the field's label when the path is a return field. */
function placeOf(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  const f = head === "return" ? findField(rest.join(".")) : undefined;
  if (f) return `« ${f.label} » (${f.key})`;
  return path.length === 0 ? "la requête" : `« ${formatRaw(path.join("."))} »`;
}

/** The body checked against a schema, or a "malformed" refusal (400) listing (in French) what is wrong and where. */
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
  throw new Refusal("malformed", `La requête n'a pas la forme attendue. ${shown}${more}`);
}
