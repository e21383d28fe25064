// A structure's return over one campaign as the Union reads it: every revision (who sent it, who attests it, what
// changed, the director's explanations) and every review (state, comment, fields, who, when), in order.
import { type FieldChange, findField, REVIEW_STATE_LABELS } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { listReviews } from "../storage/reviews.ts";
import { listRevisions } from "../storage/revisions.ts";
import { parisTime } from "../util/paris-time.ts";

export interface HistoryEvent {
  /** Paris time, "12/04/2019 14:05:00". */
  when: string;
  revision: number;
  /** « révision 2 envoyée », « examen : accepté (verrouillé) », « réouverture ». */
  event: string;
  who: string;
  /** The attestation, the review's comment and fields, or the reopening's reason. */
  detail: string;
}

export interface RevisionDetail {
  revision: number;
  changes: FieldChange[] | null;
  /** "Nombre de visiteurs (activity.visitors)" → the director's words. */
  explanations: { field: string; label: string; text: string }[];
}

export interface RevisionHistory {
  structureCode: string;
  year: number;
  events: HistoryEvent[];
  revisions: RevisionDetail[];
}

const labelOf = (key: string) => findField(key)?.label ?? key;

export async function revisionHistory(
  db: Firestore,
  year: number,
  code: string,
): Promise<RevisionHistory> {
  const [revisions, reviews] = await Promise.all([
    listRevisions(db, year, code),
    listReviews(db, year, code),
  ]);
  const timed = [
    ...revisions.map((r) => ({
      at: r.submittedAt.toMillis(),
      event: {
        when: parisTime.format(r.submittedAt.toDate()),
        revision: r.number,
        event: `révision ${r.number} envoyée${r.answers ? " (répond à la demande de l'Union)" : ""}`,
        who: r.submittedBy,
        detail: [
          r.attestation ? `attestée par ${r.attestation.name} (${r.attestation.role})` : "",
          r.changes ? `${r.changes.length} champ(s) modifié(s)` : "",
          Object.keys(r.explanations ?? {}).length
            ? `${Object.keys(r.explanations).length} explication(s)`
            : "",
        ]
          .filter(Boolean)
          .join(" ; "),
      },
    })),
    ...reviews.map((v) => ({
      at: v.reviewedAt?.toMillis() ?? 0,
      event: {
        when: v.reviewedAt ? parisTime.format(v.reviewedAt.toDate()) : "",
        revision: v.revision,
        event:
          v.state === "accepted"
            ? "acceptée : retour verrouillé"
            : v.state === "reopened"
              ? "réouverture du retour"
              : `examen : ${REVIEW_STATE_LABELS[v.state]}`,
        who: v.reviewedBy ?? "",
        detail: [
          v.comment ? `${v.state === "reopened" ? "motif" : "commentaire"} : « ${v.comment} »` : "",
          v.fields.length ? `champs : ${v.fields.map(labelOf).join(", ")}` : "",
        ]
          .filter(Boolean)
          .join(" ; "),
      },
    })),
  ].sort((a, b) => a.at - b.at || a.event.revision - b.event.revision);
  return {
    structureCode: code,
    year,
    events: timed.map((t) => t.event),
    revisions: revisions.map((r) => ({
      revision: r.number,
      changes: r.changes ?? null,
      explanations: Object.entries(r.explanations ?? {}).map(([field, text]) => ({
        field,
        label: labelOf(field),
        text,
      })),
    })),
  };
}
