// The reminder a structure gets while its return has not arrived: the deadline in days, and its next step in the add-on.
import { daysLeftWords, deadlineSentence, formatDate } from "@barometre/shared";
import type { MailDraft } from "../mail/outbox.ts";
import { type PlainBlock, plainMail } from "../mail/plain-mail.ts";
import { privacySentence } from "../mail/privacy-note.ts";
import type { StatusRow } from "../status/board.ts";
import { parisDay } from "../storage/campaigns.ts";
import type { StructureEntry } from "../storage/directory.ts";
import type { DueReminder } from "./due.ts";
import { offsetLabel } from "./offsets.ts";

/** One per structure, deadline and reminder day: a deadline moved by the Union starts fresh reminders. */
export const reminderId = (year: number, code: string, due: DueReminder): string =>
  `reminder-${year}-${code}-${due.deadline}-${offsetLabel(due.offset)}`;

const MENU = "le menu Extensions › Baromètre des PIMMS de Google Sheets";

function nextStep(row: StatusRow): string {
  if (row.preparedAt)
    return `Votre classeur a été préparé le ${formatDate(parisDay(new Date(row.preparedAt)))} : il reste à choisir « Vérifier » puis « Envoyer à l'Union » dans ${MENU}.`;
  return `Pour commencer, ouvrez votre classeur dans Google Sheets et choisissez « Préparer le classeur » dans ${MENU}, puis « Vérifier » et « Envoyer à l'Union ».`;
}

export function reminderMail(
  year: number,
  entry: StructureEntry,
  row: StatusRow,
  due: DueReminder,
  privacyUrl: string | null,
): MailDraft {
  const late = due.daysLeft < 0;
  const deadline = formatDate(due.deadline);
  const subject = late
    ? `Baromètre ${year} : la date limite du ${deadline} est passée sans votre retour`
    : `Baromètre ${year} : votre retour est attendu d'ici le ${deadline} (${daysLeftWords(due.daysLeft)})`;
  const blocks: PlainBlock[] = [
    { kind: "paragraph", text: "Bonjour," },
    {
      kind: "paragraph",
      text: `L'Union n'a pas ${late ? "" : "encore "}reçu le retour ${year} de ${entry.name} (${entry.code}).`,
    },
    { kind: "paragraph", text: `${deadlineSentence(due.deadline, due.daysLeft)}.`, strong: true },
    {
      kind: "paragraph",
      text: late
        ? "Le Baromètre n'accepte plus d'envoi pour cette campagne : contactez l'Union pour convenir de la suite."
        : nextStep(row),
    },
    {
      kind: "note",
      text: "Si vous venez d'envoyer votre retour, ne tenez pas compte de ce message. Ce courriel est envoyé automatiquement par le Baromètre des PIMMS ; pour toute question, contactez l'Union.",
    },
    { kind: "note", text: privacySentence(privacyUrl) },
  ];
  return {
    to: [...entry.emails],
    kind: "reminder",
    campaignYear: year,
    structureCode: entry.code,
    message: plainMail(subject, `Votre retour ${year} au Baromètre des PIMMS`, blocks),
  };
}
