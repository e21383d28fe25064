// POST reviewReturn: a Union admin accepts (and locks), asks to correct, rejects or reopens the latest revision.
import {
  REVIEW_REQUEST,
  REVIEW_STATE_LABELS,
  type ReviewRequest,
  type ReviewReturnAnswer,
} from "@barometre/shared";
import { type AuditEvent, audited } from "../audit/record.ts";
import { requireAdmin } from "../http/access.ts";
import { parseWith } from "../http/envelope.ts";
import { type Handler, requireMethod } from "../http/guard.ts";
import { readAuthenticatedJson } from "../http/incoming.ts";
import { decideReview } from "../returns/review-decision.ts";
import type { Deps } from "../runtime/deps.ts";
import { toJson } from "../storage/firestore-json.ts";
import type { Decision } from "../storage/reviews.ts";
import { requestSheetSync } from "../union-sheet/request-sync.ts";

/** The decision a checked request carries: an empty comment is none, each field named once. */
export const decisionOf = (r: ReviewRequest): Decision => ({
  state: r.state,
  comment: r.comment || null,
  fields: [...new Set(r.fields ?? [])],
});

/** What the audit log keeps of a review, whoever made it (an admin's request or `barometre review`). */
export const reviewEvent = (r: ReviewRequest): Omit<AuditEvent, "actor" | "via"> => ({
  action: r.state === "reopened" ? "return.reopen" : "return.review",
  structureCode: r.structureCode,
  year: r.year,
  detail: `révision ${r.revision} : ${REVIEW_STATE_LABELS[r.state]}`,
});

export const reviewReturnHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { who, body } = await readAuthenticatedJson(req, deps);
    await requireAdmin(deps.db, who);
    const r = parseWith(REVIEW_REQUEST, body);
    const now = deps.clock();
    const event = { ...reviewEvent(r), actor: who.email, via: "api" } as const;
    const review = await audited(deps.db, event, now, () =>
      decideReview(
        deps.db,
        { year: r.year, code: r.structureCode, number: r.revision },
        decisionOf(r),
        who.email,
        now,
        deps.config.mail,
      ),
    );
    await requestSheetSync(deps, r.year);
    const answer: ReviewReturnAnswer = {
      structureCode: r.structureCode,
      year: r.year,
      revision: r.revision,
      review: toJson({
        state: review.state,
        comment: review.comment,
        fields: review.fields,
        reviewedBy: review.reviewedBy,
        reviewedAt: review.reviewedAt,
        sequence: review.sequence,
      }),
      locked: review.state === "accepted",
    };
    res.status(200).json(answer);
  };
