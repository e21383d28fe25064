// Reads a request body ourselves: a size limit (413), strict JSON (400) and no value that could trip later code.
import { HttpError, type HttpRequest } from "./guard.ts";

/** A return is five levels deep; anything much deeper is not a return and could exhaust a recursive walk. */
const MAX_DEPTH = 16;

/** Keys that reach Object.prototype when copied with spread or assignment. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const tooLarge = (limit: number) =>
  new HttpError(
    413,
    `La requête dépasse la taille maximale de ${Math.round(limit / 1024)} Kio : un retour n'en demande qu'une fraction.`,
    undefined,
    { Connection: "close" },
  );

/** The raw body, refused with a 413 as soon as it exceeds the limit (the rest is drained, not kept). */
export async function readBody(req: HttpRequest, limit: number): Promise<Buffer> {
  if (req.rawBody) {
    if (req.rawBody.length > limit) throw tooLarge(limit);
    return req.rawBody;
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing it. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) deepest = Math.max(deepest, ++depth);
    else if (ch === 125 || ch === 93) depth--;
  }
  return deepest;
}

const notJson = (why: string) => new HttpError(400, `Le corps de la requête ${why}.`);

/** The body as JSON; refuses text that is not UTF-8 JSON, deep nesting, dangerous keys and infinite numbers. */
export function parseJson(raw: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw notJson("n'est pas du texte UTF-8");
  }
  if (text.trim() === "") throw notJson("est vide : un objet JSON est attendu");
  if (nestingDepth(text) > MAX_DEPTH) throw notJson("est imbriqué trop profondément");
  try {
    return JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) throw notJson(`contient la clé interdite « ${key} »`);
      if (typeof value === "number" && !Number.isFinite(value))
        throw notJson(`contient un nombre hors limites pour « ${key} »`);
      return value;
    });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw notJson("n'est pas un JSON valide");
  }
}
