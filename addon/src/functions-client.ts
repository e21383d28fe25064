// Calls the Union's functions with the user's ID token; the transport outcome, never an exception.
import {
  type ApiAnswer,
  type ApiBody,
  type ApiQuery,
  type ApiRefusal,
  functionPath,
  type GetFunction,
  type PostFunction,
} from "@barometre/shared";
import { functionsBase, NOT_CONFIGURED } from "./functions-config.ts";
import { UserError } from "./user-error.ts";

/** The function's answer (a 200 with a JSON object), any other status with its refusal if readable, or no answer. */
export type Transport<A = unknown> =
  | { status: 200; answer: A }
  | { status: number; refusal: Partial<ApiRefusal> | null }
  | { failure: "timeout" | "unreachable" };

function parseBody(text: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(text);
    return body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** GET when `payload` is absent, else a JSON POST; a 200 object is taken for the function's answer (shared/src/api). */
function call<A>(path: string, token: string, payload?: unknown): Transport<A> {
  const base = functionsBase();
  if (!base) throw new UserError(NOT_CONFIGURED);
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method: payload === undefined ? "get" : "post",
    headers: { Authorization: `Bearer ${token}` },
    muteHttpExceptions: true,
  };
  if (payload !== undefined) {
    options.contentType = "application/json";
    options.payload = JSON.stringify(payload);
  }
  try {
    const response = UrlFetchApp.fetch(`${base}${path}`, options);
    const status = response.getResponseCode();
    const body = parseBody(response.getContentText());
    return status === 200 && body ? { status, answer: body as A } : { status, refusal: body };
  } catch (error) {
    // UrlFetchApp throws, whatever muteHttpExceptions says, when no answer came back at all; its message is in
    // the user's language ("Timeout: …", "Délai d'expiration dépassé : …").
    const text = error instanceof Error ? error.message : String(error);
    return { failure: /time ?out|timed out|délai|expir/i.test(text) ? "timeout" : "unreachable" };
  }
}

export const getFunction = <N extends GetFunction>(
  name: N,
  token: string,
  query: ApiQuery<N>,
): Transport<ApiAnswer<N>> => call(functionPath(name, query), token);

export const postFunction = <N extends PostFunction>(
  name: N,
  token: string,
  body: ApiBody<N>,
): Transport<ApiAnswer<N>> => call(functionPath(name), token, body);

/** The French sentence of an error answer ({ "error": "…" }), when the server gave one. */
export function serverSentence(t: Transport): string | null {
  if (!("refusal" in t)) return null;
  const text = t.refusal?.error;
  return typeof text === "string" && text.trim() !== "" ? text.trim() : null;
}
