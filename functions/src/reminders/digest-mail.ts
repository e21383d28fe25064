// The Union's digest of a reminder round: which registered structures have not submitted, and where each one stands.
import { daysLeftWords, deadlineSentence, formatDate } from "@barometre/shared";
import type { MailDraft } from "../mail/outbox.ts";
import { plainMail } from "../mail/plain-mail.ts";
import type { StatusRow } from "../status/board.ts";
import { parisDay } from "../storage/campaigns.ts";
import type { DueReminder } from "./due.ts";
import { offsetLabel } from "./offsets.ts";

/** One per campaign, deadline and reminder day, whichever run gets there first. */
export const digestId = (year: number, due: DueReminder): string =>
  `reminder-digest-${year}-${due.deadline}-${offsetLabel(due.offset)}`;

const whereItStands = (row: StatusRow): string =>
  row.preparedAt
    ? `classeur préparé le ${formatDate(parisDay(new Date(row.preparedAt)))}, pas envoyé`
    : "non commencé";

export function digestMail(
  year: number,
  due: DueReminder,
  late: readonly StatusRow[],
  registered: number,
  union: readonly string[],
): MailDraft {
  const label = offsetLabel(due.offset);
  const n = late.length;
  const missing = n === 1 ? "1 structure sans retour" : `${n} structures sans retour`;
  const subject = `Baromètre ${year} : ${missing} (date limite : ${formatDate(due.deadline)}, ${daysLeftWords(due.daysLeft)})`;
  const who =
    n === 1
      ? `1 structure inscrite sur ${registered} n'a pas envoyé son retour ${year} ; elle reçoit une relance (${label}) à ses adresses de l'annuaire.`
      : `${n} structures inscrites sur ${registered} n'ont pas envoyé leur retour ${year} ; chacune reçoit une relance (${label}) à ses adresses de l'annuaire.`;
  return {
    to: [...union],
    kind: "digest",
    campaignYear: year,
    structureCode: null,
    message: plainMail(subject, `Relance ${label} de la campagne ${year}`, [
      { kind: "paragraph", text: who },
      { kind: "paragraph", text: `${deadlineSentence(due.deadline, due.daysLeft)}.`, strong: true },
      {
        kind: "table",
        caption: "Structures sans retour",
        head: ["Structure", "Code", "Type de territoire", "Où elle en est"],
        rows: late.map((r) => [r.name, r.structureCode, r.territory ?? "", whereItStands(r)]),
      },
      {
        kind: "note",
        text: `Le suivi de toutes les structures : onglet « Suivi ${year} » du tableau consolidé, ou « barometre campaign status ${year} ».`,
      },
    ]),
  };
}
