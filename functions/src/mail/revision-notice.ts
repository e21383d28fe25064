// The Union's short notice of each accepted revision: which structure, which revision, and its fragile indicators.
import { formatIndicatorValue, indicator, type Positioning } from "@barometre/shared";
import { parisTime } from "../paris-time.ts";
import { escapeXml } from "../report/escape.ts";
import type { StoredRevision } from "../revisions.ts";
import type { MailDraft } from "./outbox.ts";

/** The notice's outbox id: one per revision, whoever completes the submission. */
export const revisionNoticeId = (r: StoredRevision): string =>
  `revision-${r.year}-${r.structureCode}-${String(r.number).padStart(6, "0")}`;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

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
      ? `Le retour porte ${plural(warnings, "un avertissement", "avertissements")} (cohérence des données, évolution sur un an).`
      : "Le retour ne porte aucun avertissement.",
    `Positionnement calculé sur ${plural(positioning.networkSize, "une structure", "structures")} de la campagne ${year}.`,
  ];
  const listed = fragile.length
    ? `<ul>${fragile.map((f) => `<li>${escapeXml(f)}</li>`).join("")}</ul>`
    : "";
  return {
    to: [...union],
    kind: "revision",
    campaignYear: year,
    structureCode: code,
    message: {
      subject: `Baromètre ${year} : ${name} a envoyé la révision ${number} de son retour${fragile.length ? ` (${plural(fragile.length, "un indicateur", "indicateurs")} en bande rouge)` : ""}`,
      text: `${[head, verdict, ...fragile.map((f) => `- ${f}`), ...notes].join("\n")}\n`,
      html: `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeXml(name)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2937;"><p>${escapeXml(head)}</p><p><strong>${escapeXml(verdict)}</strong></p>${listed}${notes.map((n) => `<p>${escapeXml(n)}</p>`).join("")}</body></html>`,
      attachments: [],
    },
  };
}
