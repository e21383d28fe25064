// Calls one function of a local functions server over HTTP, as the add-on and the Union's scripts do.
import type { FunctionName } from "@barometre/shared";

export interface CallOptions {
  /** POSTed: a string as it is (a body that may not even be JSON), anything else as JSON. GET when absent. */
  body?: unknown;
  /** Sent as `Authorization: Bearer …`. */
  token?: string;
  query?: Record<string, string>;
}

export function callFunction(
  baseUrl: string,
  name: FunctionName,
  options: CallOptions = {},
): Promise<Response> {
  const query = options.query ? `?${new URLSearchParams(options.query)}` : "";
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${baseUrl}/${name}${query}`, {
    method: options.body === undefined ? "GET" : "POST",
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
}
