// UrlFetchApp of the harness: a real, synchronous HTTP request (through a child process), with Apps Script's errors.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { asGas } from "./as-gas.ts";
import type { AuthGate } from "./auth-gate.ts";

const CHILD = fileURLToPath(new URL("./sync-fetch-child.cjs", import.meta.url));

export interface FetchRecord {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload: string | null;
}

export interface FetchOptions {
  /** URL prefixes of the manifest's urlFetchWhitelist. */
  whitelist: readonly string[];
  /** Apps Script gives up after about a minute; tests use a shorter deadline. */
  timeoutMs: number;
  /** The user's language: Apps Script words its exceptions in it (default English). */
  language?: "en" | "fr";
}

/** UrlFetchApp's exceptions when no answer came back, as Apps Script words them for an English or French user. */
export const FETCH_FAILURES = {
  en: {
    timeout: (url: string) => `Exception: Timeout: ${url}`,
    unreachable: (url: string) => `Exception: Address unavailable: ${url}`,
  },
  fr: {
    timeout: (url: string) => `Exception: Délai d'expiration dépassé : ${url}`,
    unreachable: (url: string) => `Exception: Adresse indisponible : ${url}`,
  },
};

type Outcome =
  | { status: number; headers: Record<string, string>; body: string }
  | { failure: string };

class HarnessResponse
  implements
    Pick<
      GoogleAppsScript.URL_Fetch.HTTPResponse,
      "getResponseCode" | "getContentText" | "getHeaders" | "getAllHeaders"
    >
{
  constructor(
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: string,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  getContentText(): string {
    return this.body;
  }

  getHeaders(): object {
    return { ...this.headers };
  }

  getAllHeaders(): object {
    return { ...this.headers };
  }
}

export class HarnessUrlFetch implements Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, "fetch"> {
  readonly requests: FetchRecord[] = [];

  constructor(
    private readonly auth: AuthGate,
    readonly options: FetchOptions,
  ) {}

  fetch(
    url: string,
    params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {},
  ): GoogleAppsScript.URL_Fetch.HTTPResponse {
    this.auth.require("UrlFetchApp.fetch");
    if (!this.options.whitelist.some((prefix) => url.startsWith(prefix))) {
      throw new Error(`Exception: The URL ${url} is not in the urlFetchWhitelist of the manifest.`);
    }
    const headers: Record<string, string> = { ...(params.headers as Record<string, string>) };
    if (params.contentType) headers["Content-Type"] = params.contentType;
    if (params.payload !== undefined && typeof params.payload !== "string") {
      throw new Error("The harness sends string payloads only.");
    }
    const method = (params.method ?? "get").toUpperCase();
    const payload = params.payload ?? null;
    this.requests.push({ url, method, headers, payload });
    const outcome = JSON.parse(
      execFileSync(process.execPath, [CHILD], {
        input: JSON.stringify({
          url,
          method,
          headers,
          body: payload,
          timeoutMs: this.options.timeoutMs,
        }),
        encoding: "utf8",
        timeout: this.options.timeoutMs + 10_000,
      }),
    ) as Outcome;
    if ("failure" in outcome) {
      const words = FETCH_FAILURES[this.options.language ?? "en"];
      throw new Error(outcome.failure === "timeout" ? words.timeout(url) : words.unreachable(url));
    }
    if (outcome.status >= 400 && !params.muteHttpExceptions) {
      throw new Error(
        `Exception: Request failed for ${url} returned code ${outcome.status}. Truncated server response: ${outcome.body.slice(0, 100)}`,
      );
    }
    return asGas(new HarnessResponse(outcome.status, outcome.headers, outcome.body));
  }
}
