// What the outbox holds at the end of a run: the delivered mails of each kind, and any not delivered, with why.

import type { MailKind } from "@barometre/functions/admin";
import { outboxMails } from "@barometre/functions/admin";
import type { Firestore } from "firebase-admin/firestore";

export interface MailTally {
  delivered: Partial<Record<MailKind, number>>;
  /** One French line per mail not delivered. */
  undelivered: string[];
}

export async function tallyMail(db: Firestore): Promise<MailTally> {
  const tally: MailTally = { delivered: {}, undelivered: [] };
  for (const doc of (await outboxMails(db).get()).docs) {
    const mail = doc.data();
    if (mail.delivery.state === "SUCCESS")
      tally.delivered[mail.kind] = (tally.delivered[mail.kind] ?? 0) + 1;
    else
      tally.undelivered.push(
        `Courriel ${doc.id} non envoyé (${mail.delivery.state}) : ${mail.delivery.error ?? "en attente"}`,
      );
  }
  return tally;
}
