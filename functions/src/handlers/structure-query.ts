// The GET requests about one structure and exercice (previousReturn, campaignInfo): the caller, checked against the
// structure, and the structureCode and year of the query string.
import { STRUCTURE_QUERY } from "@barometre/shared";
import { requireStructureAccess } from "../http/access.ts";
import { authenticate, type Identity } from "../http/auth.ts";
import { parseWith } from "../http/envelope.ts";
import { type HttpRequest, queryParam, requireMethod, yearParam } from "../http/guard.ts";
import type { Deps } from "../runtime/deps.ts";

/** Same access for every such request: the structure's authorised addresses and the Union's admins. */
export async function readStructureQuery(
  req: HttpRequest,
  deps: Deps,
): Promise<{ code: string; year: number; who: Identity; admin: boolean }> {
  requireMethod(req, "GET");
  const who = await authenticate(req, deps.verifyToken);
  const { structureCode: code } = parseWith(STRUCTURE_QUERY, {
    structureCode: queryParam(req, "structureCode") ?? undefined,
  });
  const year = yearParam(req);
  const { admin } = await requireStructureAccess(deps.db, who, code);
  return { code, year, who, admin };
}
