// SMTP through nodemailer (loaded on first use): a pooled transport, and what a failure means for the next attempt.
import type { SendMailOptions } from "nodemailer";

export interface SmtpSettings {
  host: string;
  port: number;
  /** Null for a server without authentication (the local stack's). */
  user: string | null;
  password: string | null;
  /** Milliseconds to connect, to get the greeting, and of silence on the socket; far below the sender's lease. */
  timeoutMs?: { connection: number; greeting: number; socket: number };
}

/** Who took the message, as nodemailer's SMTP transport reports it. */
export interface SentInfo {
  messageId: string;
  accepted: (string | { address: string })[];
  rejected: (string | { address: string })[];
  pending?: (string | { address: string })[];
  response: string;
}

export interface MailTransport {
  sendMail(options: SendMailOptions): Promise<SentInfo>;
  close(): void;
}

const TIMEOUTS = { connection: 15_000, greeting: 15_000, socket: 30_000 };

/** Pooled: one connection costs about 100 ms, and a campaign close sends thousands of mails. */
export async function smtpTransport(settings: SmtpSettings): Promise<MailTransport> {
  const { default: nodemailer } = await import("nodemailer");
  const timeouts = settings.timeoutMs ?? TIMEOUTS;
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    auth:
      settings.user && settings.password
        ? { user: settings.user, pass: settings.password }
        : undefined,
    pool: true,
    maxConnections: 4,
    connectionTimeout: timeouts.connection,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
  });
}

export interface SmtpFailure {
  /** Worth another attempt later: 4xx answers, timeouts, connections refused or cut. */
  transient: boolean;
  /** In French, stored as the mail's delivery error. */
  reason: string;
}

const CONNECTION_CODES = new Set(["ECONNECTION", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET"]);

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  rejectedErrors?: NodemailerError[];
}

/** The SMTP answer without its code (given beside it) and the line breaks some servers put in it. */
const answerOf = (e: NodemailerError) =>
  (e.response ?? e.message ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\d{3}[ -]/, "");

export function smtpFailure(error: unknown): SmtpFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as NodemailerError;
  // Every recipient refused: the refusals' codes say whether to try again (greylisting answers 450).
  const code = e.responseCode ?? e.rejectedErrors?.find((r) => r.responseCode)?.responseCode;
  if (code !== undefined && code >= 400 && code < 500)
    return {
      transient: true,
      reason: `Refus temporaire du serveur de courriel (${code}) : ${answerOf(e)}`,
    };
  if (code !== undefined && code >= 500)
    return {
      transient: false,
      reason: `Refus définitif du serveur de courriel (${code}) : ${answerOf(e)}`,
    };
  if (e.code === "ETIMEDOUT")
    return { transient: true, reason: "Le serveur de courriel n'a pas répondu à temps." };
  if (e.code && CONNECTION_CODES.has(e.code))
    return {
      transient: true,
      reason: `Connexion au serveur de courriel impossible (${e.code}) : ${answerOf(e)}`,
    };
  if (e.code === "EAUTH")
    return {
      transient: true,
      reason: `Identifiants SMTP refusés : vérifiez le secret SMTP_PASSWORD (${answerOf(e)}).`,
    };
  if (e.code === "EENVELOPE" || e.code === "EMESSAGE")
    return { transient: false, reason: `Courriel refusé : ${answerOf(e)}` };
  return { transient: true, reason: `Échec de l'envoi : ${answerOf(e) || String(error)}` };
}
