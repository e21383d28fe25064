// GET previousReturn: the latest revision of a structure's return for an exercice, with the Union's review of it, the
// director's explanations and attestation, whether the return is locked, its last difference and the review history.
import { type PreviousReturnAnswer, Refusal } from "@barometre/shared";
import { audited } from "../audit/record.ts";
import type { Handler } from "../http/guard.ts";
import type { Deps } from "../runtime/deps.ts";
import { toJson } from "../storage/firestore-json.ts";
import { listReviews } from "../storage/reviews.ts";
import { getLatest } from "../storage/revisions.ts";
import { readStructureQuery } from "./structure-query.ts";

export const previousReturnHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    const { code, year, who, admin } = await readStructureQuery(req, deps);
    const read = () =>
      Promise.all([getLatest(deps.db, year, code), listReviews(deps.db, year, code)]);
    // A director reads their own structure's return; an admin's read of it is logged.
    const [latest, reviews] = admin
      ? await audited(
          deps.db,
          { actor: who.email, via: "api", action: "return.read", structureCode: code, year },
          deps.clock(),
          read,
        )
      : await read();
    if (!latest)
      throw new Refusal(
        "not-found",
        `Aucun retour de « ${code} » n'a été reçu pour l'exercice ${year}.`,
      );
    const answer: PreviousReturnAnswer = {
      return: latest.payload,
      revision: latest.number,
      submittedAt: latest.submittedAt.toDate().toISOString(),
      submittedBy: latest.submittedBy,
      review: toJson(latest.review),
      locked: latest.review.state === "accepted",
      explanations: latest.explanations ?? {},
      attestation: latest.attestation ?? null,
      changes: latest.changes ?? null,
      answers: toJson(latest.answers ?? null),
      history: reviews.map((r) =>
        toJson({
          revision: r.revision,
          state: r.state,
          comment: r.comment,
          fields: r.fields,
          reviewedBy: r.reviewedBy,
          reviewedAt: r.reviewedAt,
        }),
      ),
    };
    res.status(200).json(answer);
  };
