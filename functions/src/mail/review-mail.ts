// The director's mail when the Union asks for a correction, rejects a revision or reopens an accepted return.
import type { StructureEntry } from "../storage/directory.ts";
import type { StoredReview } from "../storage/reviews.ts";
import type { StoredRevision } from "../storage/revisions.ts";
import { parisTime } from "../util/paris-time.ts";
import { fieldInWords } from "./field-words.ts";
import type { MailDraft } from "./outbox.ts";
import { type PlainBlock, plainMail } from "./plain-mail.ts";
import { privacySentence } from "./privacy-note.ts";

/** One mail per review, whoever completes it and however often. */
export const reviewMailId = (r: StoredReview): string =>
  `review-${r.year}-${r.structureCode}-${r.key}`;

const PANEL =
  "Ouvrez votre classeur dans Google Sheets et choisissez « Ouvrir le panneau » dans le menu Extensions › Baromètre des PIMMS : la demande de l'Union s'affiche en haut du panneau, et chaque champ cité mène à sa cellule.";

type Mailed = "hasIssues" | "rejected" | "reopened";

const WHAT: Record<Mailed, { subject: string; lead: string; next: string }> = {
  hasIssues: {
    subject: "l'Union vous demande de corriger votre retour",
    lead: "demande une correction de",
    next: "Corrigez les valeurs concernées (ou expliquez-les dans le panneau si elles sont justes), puis choisissez « Envoyer à l'Union » : votre nouvelle révision sera examinée à nouveau.",
  },
  rejected: {
    subject: "l'Union n'a pas retenu votre retour",
    lead: "n'a pas retenu",
    next: "Reprenez votre classeur en tenant compte de ce commentaire, puis choisissez « Envoyer à l'Union » : votre nouvelle révision sera examinée à nouveau.",
  },
  reopened: {
    subject: "votre retour est rouvert",
    lead: "a rouvert, après l'avoir accepté,",
    next: "Votre retour n'est plus verrouillé : vous pouvez modifier votre classeur et choisir « Envoyer à l'Union » ; la nouvelle révision sera examinée à nouveau.",
  },
};

/** The states a director is told about by mail, each asking them to act; `accepted` shows in the sidebar only. */
export const isMailed = (r: StoredReview): r is StoredReview & { state: Mailed } => r.state in WHAT;

export function reviewMail(
  entry: StructureEntry,
  revision: StoredRevision,
  review: StoredReview & { state: Mailed },
  privacyUrl: string | null,
): MailDraft {
  const what = WHAT[review.state];
  const year = review.year;
  const sent = parisTime.format(revision.submittedAt.toDate());
  const fields = review.fields.map(fieldInWords);
  const blocks: PlainBlock[] = [
    { kind: "paragraph", text: "Bonjour," },
    {
      kind: "paragraph",
      text: `L'Union ${what.lead} la révision ${revision.number} du retour ${year} de ${entry.name} (${entry.code}), envoyée le ${sent} par ${revision.submittedBy}.`,
    },
    {
      kind: "paragraph",
      text: `${review.state === "reopened" ? "Motif de la réouverture" : "Commentaire de l'Union"} (${review.reviewedBy}${review.reviewedAt ? `, le ${parisTime.format(review.reviewedAt.toDate())}` : ""}) : « ${review.comment ?? ""} »`,
      strong: true,
    },
    ...(fields.length
      ? [
          { kind: "paragraph", text: "Champs concernés :" } as PlainBlock,
          { kind: "list", items: fields } as PlainBlock,
        ]
      : []),
    { kind: "paragraph", text: PANEL },
    { kind: "paragraph", text: what.next },
    {
      kind: "note",
      text: "Ce courriel est envoyé automatiquement par le Baromètre des PIMMS ; pour toute question, répondez à l'Union.",
    },
    { kind: "note", text: privacySentence(privacyUrl) },
  ];
  return {
    to: [...entry.emails],
    kind: "review",
    campaignYear: year,
    structureCode: entry.code,
    message: plainMail(
      `Baromètre ${year} : ${what.subject} (révision ${revision.number})`,
      `Votre retour ${year} au Baromètre des PIMMS`,
      blocks,
    ),
  };
}
