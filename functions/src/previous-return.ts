// GET previousReturn: the latest revision of a structure's return for an exercice, with the Union's review of it.

import { z } from "zod";
import { requireStructureAccess } from "./access.ts";
import { authenticate } from "./auth.ts";
import type { Deps } from "./deps.ts";
import { STRUCTURE_CODE } from "./directory.ts";
import { parseWith } from "./envelope.ts";
import { toJson } from "./firestore-json.ts";
import { type Handler, HttpError, queryParam, requireMethod, yearParam } from "./http.ts";
import { getLatest } from "./revisions.ts";

export const previousReturnHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "GET");
    const who = await authenticate(req, deps.verifyToken);
    const { structureCode: code } = parseWith(z.object({ structureCode: STRUCTURE_CODE }), {
      structureCode: queryParam(req, "structureCode") ?? undefined,
    });
    const year = yearParam(req);
    await requireStructureAccess(deps.db, who, code);
    const latest = await getLatest(deps.db, year, code);
    if (!latest)
      throw new HttpError(404, `Aucun retour de « ${code} » n'a été reçu pour l'exercice ${year}.`);
    res.status(200).json({
      return: latest.payload,
      revision: latest.number,
      submittedAt: latest.submittedAt.toDate().toISOString(),
      submittedBy: latest.submittedBy,
      review: toJson(latest.review),
    });
  };
