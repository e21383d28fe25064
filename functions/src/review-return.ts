// POST reviewReturn: a Union admin marks one revision accepted, to correct (hasIssues) or rejected, with a comment.
import { z } from "zod";
import { requireAdmin } from "./access.ts";
import { audited } from "./audit/record.ts";
import { YEAR } from "./campaigns.ts";
import type { Deps } from "./deps.ts";
import { STRUCTURE_CODE } from "./directory.ts";
import { parseWith } from "./envelope.ts";
import { REVIEW_WORDS } from "./export-rows.ts";
import { type Handler, requireMethod } from "./http.ts";
import { readAuthenticatedJson } from "./incoming.ts";
import { REVIEW_STATES, reviewRevision } from "./revisions.ts";

const REVIEW_REQUEST = z
  .strictObject({
    structureCode: STRUCTURE_CODE,
    year: YEAR,
    revision: z.int().min(1),
    state: z.enum(REVIEW_STATES),
    comment: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((r) => r.state === "accepted" || (r.comment ?? "") !== "", {
    path: ["comment"],
    error:
      "est obligatoire pour un retour à corriger ou rejeté : dites à la structure ce qui ne va pas.",
  });

export const reviewReturnHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { who, body } = await readAuthenticatedJson(req, deps);
    await requireAdmin(deps.db, who);
    const r = parseWith(REVIEW_REQUEST, body);
    const now = deps.clock();
    const comment = r.comment || null;
    const event = {
      actor: who.email,
      via: "api",
      action: "return.review",
      structureCode: r.structureCode,
      year: r.year,
      detail: `révision ${r.revision} : ${REVIEW_WORDS[r.state]}`,
    } as const;
    await audited(deps.db, event, now, () =>
      reviewRevision(
        deps.db,
        { year: r.year, code: r.structureCode, number: r.revision },
        { state: r.state, comment },
        who.email,
        now,
      ),
    );
    res.status(200).json({
      structureCode: r.structureCode,
      year: r.year,
      revision: r.revision,
      review: { state: r.state, comment, reviewedBy: who.email, reviewedAt: now.toISOString() },
    });
  };
