// The mail outbox: documents in the firestore-send-email extension's schema, queued once each under a deterministic id.
import { formatNumber } from "@barometre/shared";
import { type CollectionReference, type Firestore, Timestamp } from "firebase-admin/firestore";
import { isAlreadyExists } from "../storage/firestore-errors.ts";
import { mailCol, mailDoc } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";

export type DeliveryState = "PENDING" | "PROCESSING" | "SUCCESS" | "ERROR" | "RETRY";

export interface DeliveryInfo {
  messageId: string | null;
  accepted: string[];
  rejected: string[];
  pendingRecipients: string[];
  response: string | null;
}

/** The extension's `delivery` field, which our own sender maintains the same way. */
export interface Delivery {
  state: DeliveryState;
  /** Attempts started so far. */
  attempts: number;
  startTime: Timestamp;
  endTime: Timestamp | null;
  leaseExpireTime: Timestamp | null;
  /** Why the last attempt failed, in French, for the Union. */
  error: string | null;
  info: DeliveryInfo | null;
}

/** Shaped as nodemailer and the extension take attachments; Firestore stores `content` as bytes. */
export interface OutboxAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  cid?: string;
  contentDisposition: "inline" | "attachment";
}

export interface OutboxMessage {
  subject: string;
  text: string;
  html: string;
  attachments: OutboxAttachment[];
}

/**
 * What a mail is about: the structure's report, the Union's summary, the Union's notice of a revision, a reminder
 * to a structure that has not submitted, the Union's digest of the structures reminded, the Union's notice of
 * reports sent to the directory's addresses instead of the one a return gave, or the Union's review (a correction
 * asked, a rejection, a reopening) told to the structure.
 */
export type MailKind =
  | "report"
  | "summary"
  | "revision"
  | "reminder"
  | "digest"
  | "recipients"
  | "review";

export interface MailDraft {
  to: string[];
  message: OutboxMessage;
  kind: MailKind;
  campaignYear: number;
  /** The structure the mail is about, so erasing a structure finds its mails; null for the summary. */
  structureCode: string | null;
}

export interface OutboxMail extends MailDraft {
  from: string;
  /** The extension passes `headers` to nodemailer too: the same Message-ID whoever sends it, however often. */
  headers: { "Message-ID": string };
  delivery: Delivery;
  /**
   * When a sender should next look at the mail (now, after a retry's backoff, when a lease expires), null once
   * it is delivered or has failed for good. Top-level: the emulator cannot query nested fields.
   */
  due: Timestamp | null;
  createdAt: Timestamp;
  /** Set when the retention policy emptied the mail after its delivery (functions/src/retention/). */
  purgedAt?: Timestamp;
}

/** Mails read as OutboxMail. */
export const AS_MAIL = asStored<OutboxMail>();

/** The outbox, each mail read as OutboxMail. */
export const outboxMails = (db: Firestore): CollectionReference<OutboxMail> =>
  mailCol(db).withConverter(AS_MAIL);

/** Firestore refuses documents over 1 MiB; keep room for field names and the delivery record. */
export const MAX_MAIL_BYTES = 1_040_000;

/** Why a mail over the limit is not sent, in French, recorded as its delivery error. */
export const tooLargeReason = (bytes: number): string =>
  `Courriel trop volumineux pour la file d'envoi (${formatNumber(Math.ceil(bytes / 1024), 0)} Kio, pour ${formatNumber(Math.floor(MAX_MAIL_BYTES / 1024), 0)} Kio au plus) : il n'a pas été envoyé.`;

/** A stable Message-ID: a re-sent mail (after a crash) is recognisably the same message. */
export function messageIdOf(id: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "barometre.invalid";
  return `<${id}@${domain}>`;
}

function sizeOf(message: OutboxMessage): number {
  const text = Buffer.byteLength(message.subject) + Buffer.byteLength(message.text);
  return (
    text +
    Buffer.byteLength(message.html) +
    message.attachments.reduce((sum, a) => sum + a.content.length + 200, 0)
  );
}

/** Firestore refuses `undefined`: an attachment without cid leaves the key out. */
const storable = (a: OutboxAttachment): OutboxAttachment => ({
  filename: a.filename,
  content: a.content,
  contentType: a.contentType,
  ...(a.cid ? { cid: a.cid } : {}),
  contentDisposition: a.contentDisposition,
});

export function pendingDelivery(now: Timestamp): Delivery {
  return {
    state: "PENDING",
    attempts: 0,
    startTime: now,
    endTime: null,
    leaseExpireTime: null,
    error: null,
    info: null,
  };
}

export type QueueOutcome = "queued" | "exists" | "tooLarge";

function outboxMail(id: string, draft: MailDraft, from: string, at: Timestamp): OutboxMail {
  const bytes = sizeOf(draft.message);
  const mail: OutboxMail = {
    ...draft,
    message: { ...draft.message, attachments: draft.message.attachments.map(storable) },
    from,
    headers: { "Message-ID": messageIdOf(id, from) },
    delivery: pendingDelivery(at),
    due: at,
    createdAt: at,
  };
  if (bytes <= MAX_MAIL_BYTES) return mail;
  // Recorded as failed rather than dropped, so the Union sees which mail is missing and why.
  const error = tooLargeReason(bytes);
  return {
    ...mail,
    message: { subject: draft.message.subject, text: error, html: "", attachments: [] },
    delivery: { ...mail.delivery, state: "ERROR", endTime: at, error },
    due: null,
  };
}

/**
 * Queues the mail under `id` unless a mail already has that id: create() makes a replayed request or batch
 * queue nothing twice. A mail over Firestore's size limit is stored in the ERROR state with the reason.
 */
export async function queueMail(
  db: Firestore,
  id: string,
  draft: MailDraft,
  from: string,
  now: Date,
): Promise<QueueOutcome> {
  const mail = outboxMail(id, draft, from, Timestamp.fromDate(now));
  try {
    await mailDoc(db, id).create(mail);
    return mail.delivery.state === "ERROR" ? "tooLarge" : "queued";
  } catch (error) {
    if (isAlreadyExists(error)) return "exists";
    throw error;
  }
}
