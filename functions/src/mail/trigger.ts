// What the outbox trigger does with a written mail: attempt it when it is new, or a retry that is already due.
import type { OutboxMail } from "./outbox.ts";
import { type DeliveryOutcome, deliverMail, type SenderDeps } from "./sender.ts";

/**
 * Our own writes (PROCESSING, SUCCESS…) trigger too and are skipped here without a read; a RETRY set by hand
 * (the extension's way to ask for another attempt) has no future `due` and is attempted at once.
 */
export function wantsAttempt(mail: Partial<OutboxMail> | undefined, now: Date): boolean {
  if (!mail) return false;
  const state = mail.delivery?.state ?? "PENDING";
  if (state === "PENDING") return true;
  return state === "RETRY" && (!mail.due || mail.due.toMillis() <= now.getTime());
}

export async function onMailWritten(
  deps: SenderDeps,
  id: string,
  after: Partial<OutboxMail> | undefined,
): Promise<DeliveryOutcome | null> {
  return wantsAttempt(after, deps.clock()) ? deliverMail(deps, id) : null;
}
