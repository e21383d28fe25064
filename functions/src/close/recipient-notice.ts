// The Union's notice, at close, of the structures whose report went to the directory's addresses because their
// return gave an address the directory does not hold for them (mail recipients-<year>, queued once).

import { type MailDraft, queueMail } from "../mail/outbox.ts";
import { plainMail } from "../mail/plain-mail.ts";
import type { WorkDeps } from "../runtime/deps.ts";
import type { FinalMember } from "./final-benchmark.ts";

export const recipientNoticeId = (year: number): string => `recipients-${year}`;

/** The notice, or null when every return's address is one the directory holds. */
export function recipientNotice(
  year: number,
  members: readonly FinalMember[],
  union: readonly string[],
): MailDraft | null {
  const unlisted = members.filter((m) => m.unlistedAddress !== undefined);
  if (unlisted.length === 0) return null;
  const n = unlisted.length;
  const subject = `Baromètre ${year} : ${n === 1 ? "1 adresse de retour absente" : `${n} adresses de retour absentes`} de l'annuaire`;
  return {
    to: [...union],
    kind: "recipients",
    campaignYear: year,
    structureCode: null,
    message: plainMail(subject, `Destinataires des rapports ${year}`, [
      {
        kind: "paragraph",
        text: `Le rapport d'une structure ne part qu'aux adresses que l'annuaire de l'Union tient pour elle. ${n === 1 ? "Le retour de la structure ci-dessous donnait" : `Les retours des ${n} structures ci-dessous donnaient`} une autre adresse de direction : le rapport est envoyé aux adresses de l'annuaire, pas à celle-là.`,
      },
      {
        kind: "table",
        caption: "Adresses de retour absentes de l'annuaire",
        head: ["Structure", "Code", "Adresse donnée par le retour", "Rapport envoyé à"],
        rows: unlisted.map((m) => [
          m.name,
          m.code,
          m.unlistedAddress ?? "",
          m.to.length ? m.to.join(", ") : "aucune adresse dans l'annuaire : rapport non remis",
        ]),
      },
      {
        kind: "note",
        text: "Si l'adresse du retour est la bonne, ajoutez-la à l'annuaire (« barometre structures import ») : les courriels suivants y partiront.",
      },
    ]),
  };
}

/** Queues the notice once per campaign (create() by its id), when there is something to tell. */
export async function queueRecipientNotice(
  deps: WorkDeps,
  year: number,
  members: readonly FinalMember[],
): Promise<void> {
  const notice = recipientNotice(year, members, deps.config.mail.union);
  if (notice)
    await queueMail(deps.db, recipientNoticeId(year), notice, deps.config.mail.from, deps.clock());
}
