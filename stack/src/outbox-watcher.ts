// The deployed outbox sender, locally: every write of a mail (heard by a Firestore listener, or where it is written)
// runs the same trigger logic as deliverMail, and a periodic sweep catches retries and expired leases, as the
// scheduled sweepOutbox does.

import type { OutboxMail, SenderDeps } from "@barometre/functions/local";
import {
  AS_MAIL,
  mailDoc,
  onMailWritten,
  outboxMails,
  sweepOutbox,
} from "@barometre/functions/local";
import { Timestamp } from "firebase-admin/firestore";

export interface OutboxWatcher {
  /** Resolves once every mail is delivered or failed for good (none due, none in flight). */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

export interface OutboxWatchOptions {
  sweepEveryMs?: number;
  /**
   * Subscribes to the ids of the mails written, heard where they are written, as the deployed trigger is. Without
   * it, a Firestore listener on the outbox: the in-process emulator answers it by sending every mail again on each
   * write anywhere in the database, so its time and memory grow with mails × writes (a gigabyte for npm start).
   */
  mailWrites?: (onWrite: (id: string) => void) => () => void;
}

export function watchOutbox(deps: SenderDeps, options: OutboxWatchOptions = {}): OutboxWatcher {
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const done = work
      .catch((error: unknown) =>
        deps.logger.error("outbox: échec d'envoi", {
          detail: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  const attempt = (id: string, mail: OutboxMail | undefined) => onMailWritten(deps, id, mail);
  const unsubscribe = options.mailWrites
    ? options.mailWrites((id) =>
        track(
          mailDoc(deps.db, id)
            .withConverter(AS_MAIL)
            .get()
            .then((snap) => attempt(id, snap.data())),
        ),
      )
    : outboxMails(deps.db).onSnapshot((snap) => {
        for (const change of snap.docChanges())
          if (change.type !== "removed") track(attempt(change.doc.id, change.doc.data()));
      });
  const timer = setInterval(() => track(sweepOutbox(deps)), options.sweepEveryMs ?? 5_000);
  const settled = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  return {
    drained: async () => {
      for (;;) {
        await settled();
        const pending = await outboxMails(deps.db)
          .where("due", ">", Timestamp.fromMillis(0))
          .count()
          .get();
        if (pending.data().count === 0 && inFlight.size === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      unsubscribe();
      clearInterval(timer);
      await settled();
    },
  };
}
