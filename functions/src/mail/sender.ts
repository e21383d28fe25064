// Our own outbox sender: each attempt claimed by create() of a deterministic claim document, then sent through SMTP.
//
// Exactly one delivery per mail, with no transaction (the emulator does not isolate them):
// - Attempt k of mail m is claimed by creating mailClaims/m~k; of two senders racing, one creates it and the
//   other finds it claimed and under lease, and stops. The claim, not the mail, is the lock.
// - A sender that dies after claiming leaves its claim "sending": once the lease expires, the next sender takes
//   attempt k+1. One that dies after the server accepted the mail but before recording it would cause a second
//   send; the claim is marked "sent" first thing after the SMTP answer, which makes that window tiny, and the
//   Message-ID is derived from the mail id, so a re-sent copy is recognisably the same message.
// - A sender never sends once its lease has run out: a taker-over may be on it.
// - Transient failures (4xx, timeouts, connections refused or cut) go to RETRY with an exponential backoff, due
//   again later for the sweep; permanent ones (5xx) and the last allowed attempt end in ERROR with the reason.
import { randomUUID } from "node:crypto";
import { type DocumentReference, type Firestore, Timestamp } from "firebase-admin/firestore";
import type { Logger } from "../runtime/logger.ts";
import { isAlreadyExists, isNotFound } from "../storage/firestore-errors.ts";
import { mailClaimDoc, mailDoc } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";
import {
  AS_MAIL,
  type Delivery,
  type DeliveryInfo,
  messageIdOf,
  type OutboxMail,
  pendingDelivery,
} from "./outbox.ts";
import { type MailTransport, type SentInfo, smtpFailure } from "./smtp.ts";

export interface RetryPolicy {
  /** Attempts before a transiently failing mail ends in ERROR. */
  maxAttempts: number;
  /** How long a claimed attempt is protected from takers-over: well above the SMTP timeouts. */
  leaseMs: number;
  /** Wait after the first failed attempt, doubled after each further one, up to maxBackoffMs. */
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  leaseMs: 120_000,
  firstBackoffMs: 60_000,
  maxBackoffMs: 3_600_000,
};

export const backoffMs = (policy: RetryPolicy, attempt: number): number =>
  Math.min(policy.maxBackoffMs, policy.firstBackoffMs * 2 ** (attempt - 1));

export interface SenderDeps {
  db: Firestore;
  clock: () => Date;
  transport: MailTransport;
  /** The sender of mails queued without `from` (by hand, or by another tool using the extension's schema). */
  from: string;
  policy: RetryPolicy;
  logger: Logger;
}

export type DeliveryOutcome =
  /** Delivered by this call. */
  | "sent"
  /** Failed for now; due again after its backoff. */
  | "retry"
  /** Ended in ERROR by this call. */
  | "failed"
  /** Another sender holds the current attempt. */
  | "busy"
  /** Waiting for its retry time. */
  | "notDue"
  /** Already delivered or failed for good. */
  | "done"
  /** Erased. */
  | "gone";

type ClaimState = "sending" | "failed";

interface Claim {
  mailId: string;
  attempt: number;
  owner: string;
  /** So erasing a structure also erases the claims of its mails. */
  structureCode: string | null;
  claimedAt: Timestamp;
  leaseExpireTime: Timestamp;
  state: ClaimState;
  error: string | null;
}

const AS_CLAIM = asStored<Claim>();

type ClaimResult =
  | { kind: "claimed"; attempt: number; ref: DocumentReference; lease: Timestamp }
  | { kind: "busy" }
  | { kind: "exhausted"; attempts: number };

const addresses = (list: SentInfo["accepted"] | undefined): string[] =>
  (list ?? []).map((a) => (typeof a === "string" ? a : a.address));

const infoOf = (sent: SentInfo): DeliveryInfo => ({
  messageId: sent.messageId ?? null,
  accepted: addresses(sent.accepted),
  rejected: addresses(sent.rejected),
  pendingRecipients: addresses(sent.pending),
  response: sent.response ?? null,
});

/** The first attempt number from `first` on that this sender may claim, or why it may not send now. */
async function claimAttempt(
  deps: SenderDeps,
  mailId: string,
  structureCode: string | null,
  first: number,
  now: Date,
): Promise<ClaimResult> {
  const lease = Timestamp.fromMillis(now.getTime() + deps.policy.leaseMs);
  const owner = randomUUID();
  for (let attempt = first; ; attempt++) {
    if (attempt > deps.policy.maxAttempts) return { kind: "exhausted", attempts: attempt - 1 };
    const ref = mailClaimDoc(deps.db, mailId, attempt);
    const claim: Claim = {
      mailId,
      attempt,
      owner,
      structureCode,
      claimedAt: Timestamp.fromDate(now),
      leaseExpireTime: lease,
      state: "sending",
      error: null,
    };
    try {
      await ref.create(claim);
      return { kind: "claimed", attempt, ref, lease };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    const other = (await ref.withConverter(AS_CLAIM).get()).data();
    if (other?.state === "sending" && other.leaseExpireTime.toMillis() > now.getTime())
      return { kind: "busy" };
    // A failed attempt, or a sender that died holding it: the next number is free to claim.
  }
}

/** Updates the mail unless it was erased meanwhile; false when it is gone. */
async function record(ref: DocumentReference, fields: Record<string, unknown>): Promise<boolean> {
  try {
    await ref.update(fields);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

const succeeded = (info: DeliveryInfo, at: Date) => ({
  "delivery.state": "SUCCESS",
  "delivery.endTime": Timestamp.fromDate(at),
  "delivery.info": info,
  "delivery.error": null,
  "delivery.leaseExpireTime": null,
  due: null,
});

const failed = (error: string, at: Date) => ({
  "delivery.state": "ERROR",
  "delivery.endTime": Timestamp.fromDate(at),
  "delivery.error": error,
  "delivery.leaseExpireTime": null,
  due: null,
});

/** Whether the mail may be attempted now, from its stored state. */
function ready(mail: OutboxMail, now: Date): DeliveryOutcome | null {
  const state = mail.delivery?.state ?? "PENDING";
  if (state === "SUCCESS" || state === "ERROR") return "done";
  if (state === "RETRY" && mail.due && mail.due.toMillis() > now.getTime()) return "notDue";
  const lease = mail.delivery?.leaseExpireTime;
  if (state === "PROCESSING" && lease && lease.toMillis() > now.getTime()) return "busy";
  return null;
}

/** Makes one delivery attempt of mail `id` if it is due and nobody else holds it. */
export async function deliverMail(deps: SenderDeps, id: string): Promise<DeliveryOutcome> {
  const ref = mailDoc(deps.db, id);
  const mail = (await ref.withConverter(AS_MAIL).get()).data();
  if (!mail) return "gone";
  const now = deps.clock();
  const blocked = ready(mail, now);
  if (blocked) return blocked;
  const delivery: Delivery = mail.delivery ?? pendingDelivery(Timestamp.fromDate(now));
  const structureCode = mail.structureCode ?? null;
  const claim = await claimAttempt(deps, id, structureCode, delivery.attempts + 1, now);
  if (claim.kind === "busy") return "busy";
  if (claim.kind === "exhausted") {
    const error = `Abandon après ${claim.attempts} tentatives. ${delivery.error ?? ""}`.trim();
    return (await record(ref, failed(error, now))) ? "failed" : "gone";
  }
  const started = await record(ref, {
    delivery: {
      ...delivery,
      state: "PROCESSING",
      attempts: claim.attempt,
      leaseExpireTime: claim.lease,
    },
    due: claim.lease,
  });
  if (!started) return "gone";
  if (deps.clock().getTime() >= claim.lease.toMillis()) return "busy";
  const from = mail.from ?? deps.from;
  let sent: SentInfo;
  try {
    sent = await deps.transport.sendMail({
      from,
      to: mail.to,
      subject: mail.message.subject,
      text: mail.message.text,
      html: mail.message.html || undefined,
      attachments: mail.message.attachments ?? [],
      headers: mail.headers ?? { "Message-ID": messageIdOf(id, from) },
    });
  } catch (error) {
    return afterFailure(deps, ref, claim, smtpFailure(error));
  }
  return (await record(ref, succeeded(infoOf(sent), deps.clock()))) ? "sent" : "gone";
}

async function afterFailure(
  deps: SenderDeps,
  ref: DocumentReference,
  claim: { attempt: number; ref: DocumentReference },
  failure: { transient: boolean; reason: string },
): Promise<DeliveryOutcome> {
  const now = deps.clock();
  await claim.ref.update({ state: "failed", error: failure.reason });
  deps.logger.error("deliverMail: échec d'une tentative", {
    mail: ref.id,
    attempt: claim.attempt,
    reason: failure.reason,
  });
  if (failure.transient && claim.attempt < deps.policy.maxAttempts) {
    const due = Timestamp.fromMillis(now.getTime() + backoffMs(deps.policy, claim.attempt));
    const retried = await record(ref, {
      "delivery.state": "RETRY",
      "delivery.error": failure.reason,
      "delivery.leaseExpireTime": null,
      due,
    });
    return retried ? "retry" : "gone";
  }
  const error = failure.transient
    ? `Abandon après ${claim.attempt} tentatives. ${failure.reason}`
    : failure.reason;
  return (await record(ref, failed(error, now))) ? "failed" : "gone";
}
