// The outbox sweep: every mail that is due (new, waiting for its retry, or whose sender's lease expired) gets an attempt.
import { Timestamp } from "firebase-admin/firestore";
import { mailCol } from "../storage/paths.ts";
import { eachLimited } from "../util/each-limited.ts";
import { type DeliveryOutcome, deliverMail, type SenderDeps } from "./sender.ts";

export type SweepCounts = Partial<Record<DeliveryOutcome, number>>;

export interface SweepOptions {
  /** Mails looked at in one sweep; the next sweep takes the rest. */
  limit?: number;
  /** Attempts in flight at once: the SMTP pool's connections. */
  concurrency?: number;
}

export async function sweepOutbox(
  deps: SenderDeps,
  options: SweepOptions = {},
): Promise<SweepCounts> {
  const now = Timestamp.fromDate(deps.clock());
  // Ids only: the mails themselves (attachments included) are read one at a time by deliverMail.
  const due = await mailCol(deps.db)
    .where("due", "<=", now)
    .orderBy("due")
    .limit(options.limit ?? 500)
    .select()
    .get();
  const outcomes = await eachLimited(due.docs, options.concurrency ?? 4, (d) =>
    deliverMail(deps, d.id),
  );
  const counts: SweepCounts = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}
