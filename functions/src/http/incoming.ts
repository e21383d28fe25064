// The caller and JSON body of a request, checked in the order callers can rely on: size, then token, then JSON.

import type { Deps } from "../runtime/deps.ts";
import { authenticate, type Identity } from "./auth.ts";
import { parseJson, readBody } from "./body.ts";
import type { HttpRequest } from "./guard.ts";

export async function readAuthenticatedJson(
  req: HttpRequest,
  deps: Deps,
): Promise<{ who: Identity; body: unknown }> {
  const raw = await readBody(req, deps.config.maxBodyBytes);
  const who = await authenticate(req, deps.verifyToken);
  return { who, body: parseJson(raw) };
}
