// The Union's short notice of each accepted revision: which structure, which revision, its fragile indicators, and the
// dialogue: the request it answers, who attests it, the director's explanations and what changed since the last one.
import {
  formatIndicatorValue,
  indicator,
  type Positioning,
  plural,
  REVIEW_STATE_LABELS,
} from "@barometre/shared";
import { escapeXml } from "../report/escape.ts";
import type { StoredRevision } from "../storage/revisions.ts";
import { parisTime } from "../util/paris-time.ts";
import { fieldInWords } from "./field-words.ts";
import type { MailDraft } from "./outbox.ts";

/** The notice's outbox id: one per revision, whoever completes the submission. */
export const revisionNoticeId = (r: StoredRevision): string =>
  `revision-${r.year}-${r.structureCode}-${String(r.number).padStart(6, "0")}`;

/** "un avertissement" for one, "3 avertissements" otherwise: the notice spells a single item out. */
const counted = (n: number, single: string, word: string) => (n === 1 ? single : plural(n, word));

/** The dialogue around a revision, each part a heading line and its items: request answered, sign-off, words. */
function dialogue(r: StoredRevision): { head: string; items: string[] }[] {
  const parts: { head: string; items: string[] }[] = [];
  if (r.answers) {
    const at = r.answers.reviewedAt ? ` du ${parisTime.format(r.answers.reviewedAt.toDate())}` : "";
    parts.push({
      head: `Cette révision répond à votre demande${at} sur la révision ${r.answers.revision} (« ${REVIEW_STATE_LABELS[r.answers.state]} », par ${r.answers.reviewedBy ?? "l'Union"}) : « ${r.answers.comment ?? ""} »`,
      items: [],
    });
  }
  if (r.attestation)
    parts.push({
      // Every role is a feminine noun: « pour la direction », « la présidence », « la trésorerie ».
      head: `Chiffres attestés par ${r.attestation.name}, pour la ${r.attestation.role}.`,
      items: [],
    });
  const explained = Object.entries(r.explanations ?? {});
  if (explained.length)
    parts.push({
      head: `Explications de la structure sur ${counted(explained.length, "un avertissement", "avertissement")} :`,
      items: explained.map(([key, text]) => `${fieldInWords(key)} : ${text}`),
    });
  if (r.changes)
    parts.push(
      r.changes.length
        ? {
            head: `Changements depuis la révision ${r.number - 1} (${counted(r.changes.length, "un champ", "champ")}) :`,
            items: r.changes.map((c) => `${c.label} : ${c.before} → ${c.after}`),
          }
        : { head: `Aucune valeur n'a changé depuis la révision ${r.number - 1}.`, items: [] },
    );
  return parts;
}

export function revisionNotice(
  revision: StoredRevision,
  positioning: Positioning,
  union: readonly string[],
): MailDraft {
  const { year, structureCode: code, number } = revision;
  const name = revision.payload.identification.structureName ?? code;
  const territory = revision.territory ?? "type de territoire non renseigné";
  const fragile = positioning.fragile.map(
    (key) =>
      `${indicator(key).name} : ${formatIndicatorValue(key, revision.indicators[key].value)}`,
  );
  const warnings = revision.findings.filter((f) => f.severity === "warning").length;
  const head = `${name} (${code}, ${territory}) a envoyé la révision ${number} de son retour ${year}, le ${parisTime.format(revision.submittedAt.toDate())}, depuis l'adresse ${revision.submittedBy}.`;
  const verdict =
    fragile.length > 0
      ? `Indicateurs en bande rouge (fragilité) : ${fragile.length}.`
      : "Aucun indicateur en bande rouge.";
  const notes = [
    warnings > 0
      ? `Le retour porte ${counted(warnings, "un avertissement", "avertissement")} (cohérence des données, évolution sur un an).`
      : "Le retour ne porte aucun avertissement.",
    `Positionnement calculé sur ${counted(positioning.networkSize, "une structure", "structure")} de la campagne ${year}.`,
  ];
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((f) => `<li>${escapeXml(f)}</li>`).join("")}</ul>` : "";
  const listed = list(fragile);
  const parts = dialogue(revision);
  return {
    to: [...union],
    kind: "revision",
    campaignYear: year,
    structureCode: code,
    message: {
      subject: `Baromètre ${year} : ${name} a envoyé la révision ${number} de son retour${fragile.length ? ` (${counted(fragile.length, "un indicateur", "indicateur")} en bande rouge)` : ""}${revision.answers ? ", en réponse à votre demande" : ""}`,
      text: `${[
        head,
        verdict,
        ...fragile.map((f) => `- ${f}`),
        ...notes,
        ...parts.flatMap((p) => [p.head, ...p.items.map((i) => `- ${i}`)]),
      ].join("\n")}\n`,
      html: `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeXml(name)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2937;"><p>${escapeXml(head)}</p><p><strong>${escapeXml(verdict)}</strong></p>${listed}${notes.map((n) => `<p>${escapeXml(n)}</p>`).join("")}${parts.map((p) => `<p>${escapeXml(p.head)}</p>${list(p.items)}`).join("")}</body></html>`,
      attachments: [],
    },
  };
}
