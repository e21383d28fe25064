// The Union's latest review of the latest revision, as the sidebar shows it at the top: state, comment, who, when
// (Paris time), the fields it names (each a link to its cell), and whether the return is locked.
import { findField, plannedCell, REVIEW_STATE_LABELS, type ReviewState } from "@barometre/shared";
import { workbookCampaign } from "./campaign-view.ts";
import { findingView } from "./finding-view.ts";
import { getFunction } from "./functions-client.ts";
import { functionsBase } from "./functions-config.ts";
import { identityToken } from "./identity.ts";
import { parisWhen } from "./last-submission.ts";
import type { ReviewView } from "./panel-types.ts";

const HEADLINES: Record<ReviewState, string> = {
  pending: "",
  accepted:
    "L'Union a accepté votre retour : il est verrouillé pour cette campagne. Pour le modifier, demandez-lui de le rouvrir.",
  hasIssues: "L'Union vous demande une correction.",
  rejected: "L'Union n'a pas retenu ce retour.",
  reopened: "L'Union a rouvert votre retour : vous pouvez le modifier et l'envoyer à nouveau.",
};

/**
 * Null when there is nothing to show: no address, workbook not prepared, nothing sent, not reviewed yet. A revision
 * that answers a request and awaits its review shows that request, saying it is answered.
 */
export function reviewView(): ReviewView | null {
  if (functionsBase() === null) return null;
  const target = workbookCampaign();
  if (!target) return null;
  const t = getFunction("previousReturn", identityToken(), {
    structureCode: target.code,
    year: target.year,
  });
  if (!("answer" in t)) return null;
  const p = t.answer;
  const pending = p.review.state === "pending";
  const r = pending ? p.answers : p.review;
  if (!r?.reviewedAt) return null;
  return {
    revision: p.revision,
    state: REVIEW_STATE_LABELS[p.review.state],
    headline: pending
      ? `Votre révision ${p.revision} répond à cette demande de l'Union ; elle attend son examen.`
      : HEADLINES[r.state],
    comment: r.comment,
    who: r.reviewedBy,
    when: parisWhen(new Date(r.reviewedAt)),
    locked: p.locked,
    fields: (r.fields ?? []).map((key) => {
      const view = findingView({
        severity: "warning",
        field: key,
        cell: plannedCell(key),
        message: "",
      });
      return { label: findField(key)?.label ?? key, cell: view.cell, place: view.place };
    }),
  };
}
