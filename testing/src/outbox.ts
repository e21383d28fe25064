// Outbox test helpers: an emulator, a real SMTP sink, a sender on a clock the test moves, and mails to queue.
import type { Logger } from "@barometre/functions/admin";
import {
  type MailDraft,
  queueMail,
  RETRY_POLICY,
  type RetryPolicy,
  type SenderDeps,
  smtpTransport,
} from "@barometre/functions/admin";
import { type SmtpSink, startSmtpSink } from "@barometre/stack";
import type { Firestore } from "firebase-admin/firestore";

export const FROM = "Baromètre des PIMMS <barometre@pimms.example>";

/** A clock the test moves forward, starting from the real time (claims compare with other processes' clocks). */
export function movableClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms: number) => {
      offset += ms;
    },
  };
}

export interface SenderRig {
  sink: SmtpSink;
  deps: SenderDeps;
  clock: ReturnType<typeof movableClock>;
  logged: string[];
  /** Stops the SMTP server: connections are refused until sinkUp(). */
  sinkDown(): Promise<void>;
  /** Starts it again on the same port, with the same answers and the mails received so far. */
  sinkUp(): Promise<void>;
  close(): Promise<void>;
}

/** Short SMTP timeouts, so a server that never answers costs half a second. */
export const QUICK_SMTP = { connection: 1000, greeting: 1000, socket: 500 };

/**
 * Timeouts for a busy test process, where the SMTP server shares the thread with the emulator: a timeout there
 * would be a client giving up on a mail the server then accepts, and a legitimate second send.
 */
export const CALM_SMTP = { connection: 10_000, greeting: 10_000, socket: 10_000 };

export async function startSenderRig(
  db: Firestore,
  policy: RetryPolicy = RETRY_POLICY,
  timeoutMs = QUICK_SMTP,
): Promise<SenderRig> {
  let sink = await startSmtpSink();
  const transport = await smtpTransport({
    host: "127.0.0.1",
    port: sink.port,
    user: null,
    password: null,
    timeoutMs,
  });
  const clock = movableClock();
  const logged: string[] = [];
  const logger: Logger = {
    error: (message, details) => logged.push(`${message} ${JSON.stringify(details)}`),
  };
  const rig: SenderRig = {
    sink,
    clock,
    logged,
    deps: { db, clock: clock.now, transport, from: FROM, policy, logger },
    sinkDown: () => sink.stop(),
    sinkUp: async () => {
      const { port, answer, received, offered } = sink;
      sink = await startSmtpSink({ port, answer });
      Object.assign(sink, { received, offered });
      rig.sink = sink;
    },
    close: async () => {
      transport.close();
      await rig.sink.stop();
    },
  };
  return rig;
}

let counter = 0;

/** A small mail about a structure, queued now under a fresh id; returns the id. */
export async function queueTestMail(
  db: Firestore,
  overrides: Partial<MailDraft> = {},
  now = new Date(),
): Promise<string> {
  const id = `test-${process.pid}-${++counter}`;
  const draft: MailDraft = {
    to: [`direction-${counter}@pimms.example`],
    message: {
      subject: `Essai ${counter}`,
      text: `Courriel d'essai ${counter}.`,
      html: "",
      attachments: [],
    },
    kind: "revision",
    campaignYear: 2018,
    structureCode: "PIMMS-ESSAI",
    ...overrides,
  };
  await queueMail(db, id, draft, FROM, now);
  return id;
}
