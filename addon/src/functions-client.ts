// Calls the Union's functions with the user's ID token; the transport outcome, never an exception.
import { functionsBase, NOT_CONFIGURED } from "./functions-config.ts";
import { UserError } from "./user-error.ts";

export type Transport =
  | { status: number; body: Record<string, unknown> | null }
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

/** GET when `payload` is absent, else a JSON POST. */
export function callFunctions(path: string, token: string, payload?: unknown): Transport {
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
    return { status: response.getResponseCode(), body: parseBody(response.getContentText()) };
  } catch (error) {
    // UrlFetchApp throws, whatever muteHttpExceptions says, when no answer came back at all; its message is in
    // the user's language ("Timeout: …", "Délai d'expiration dépassé : …").
    const text = error instanceof Error ? error.message : String(error);
    return { failure: /time ?out|timed out|délai|expir/i.test(text) ? "timeout" : "unreachable" };
  }
}

/** The French sentence of an error answer ({ "error": "…" }), when the server gave one. */
export function serverSentence(t: Transport): string | null {
  if ("failure" in t) return null;
  const text = t.body?.error;
  return typeof text === "string" && text.trim() !== "" ? text.trim() : null;
}
