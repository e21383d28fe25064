// The Union's mails that list structures by name (network summary, reminder digests, report recipients): which of them name a
// structure, for its export, and how its erasure takes its name out of them.
import type { Firestore, QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { StructureDataKind } from "../retention/data-kind.ts";
import { mailClaimsCol } from "../storage/paths.ts";
import { type OutboxMail, outboxMails } from "./outbox.ts";

/** The kinds of mail that name several structures for the Union. */
const LISTING_KINDS = ["summary", "digest", "recipients"];

/** What is left of such a mail, once sent, when a structure it named is erased. */
export const REDACTED_TEXT =
  "Copie retirée : ce courriel nommait une structure dont les données ont été effacées depuis. Les statistiques du réseau restent dans le Baromètre.";

/** The code as a whole word: erasing PIMMS-NICE leaves the mails naming PIMMS-NICE-SUD alone. */
const naming = (code: string) => new RegExp(`(?<![A-Z0-9-])${code}(?![A-Z0-9-])`);

async function mailsNaming(
  db: Firestore,
  code: string,
): Promise<QueryDocumentSnapshot<OutboxMail>[]> {
  const snap = await outboxMails(db).where("kind", "in", LISTING_KINDS).get();
  const named = naming(code);
  return snap.docs.filter((d) => {
    const { subject, text, html } = d.data().message;
    return named.test(`${subject}\n${text}\n${html}`);
  });
}

/** Not yet handed to a sender: dropped, so the hourly upkeep or the next reminder run composes it without it. */
const waiting = (m: OutboxMail) => m.delivery.state === "PENDING" || m.delivery.state === "RETRY";

export const unionMailsNaming: StructureDataKind = {
  name: "unionMails",
  label: "synthèses et relevés de l'Union qui la nomment",
  export: async (db, code) =>
    (await mailsNaming(db, code)).map((d) => ({
      path: d.ref.path,
      subject: d.data().message.subject,
    })),
  erase: async (db, code) => {
    const docs = await mailsNaming(db, code);
    for (const d of docs) {
      const mail = d.data();
      if (waiting(mail)) {
        const claims = await mailClaimsCol(db).where("mailId", "==", d.id).get();
        const batch = db.batch();
        for (const ref of [d.ref, ...claims.docs.map((c) => c.ref)]) batch.delete(ref);
        await batch.commit();
      } else
        await d.ref.update({
          message: {
            subject: mail.message.subject,
            text: REDACTED_TEXT,
            html: "",
            attachments: [],
          },
        });
    }
    return docs.length;
  },
};
