// A real SMTP server on 127.0.0.1 that keeps every accepted mail (and writes it as .eml), with answers chosen per mail.
import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  raw: Buffer;
  from: string;
  to: string[];
  /** The Message-ID header, to tell a re-sent copy from another mail. */
  messageId: string | null;
}

/** How the sink answers a mail: take it, refuse it with an SMTP code, or never answer (the client times out). */
export type SinkAnswer = "accept" | { code: number; message: string } | "hang";

export interface SmtpSinkOptions {
  /** 0 (default) for any free port; a given port to restart a sink where its clients expect it. */
  port?: number;
  /** Where accepted mails are written as <n>.eml; kept in memory only when absent. */
  outDir?: string;
  /** Decides each mail's answer once its data is in; default: accept everything. */
  answer?: (raw: Buffer) => SinkAnswer;
}

export interface SmtpSink {
  host: "127.0.0.1";
  port: number;
  /** Every accepted mail, in order. */
  received: ReceivedMail[];
  /** Mails whose data arrived, whatever the answer. */
  offered: number;
  answer: (raw: Buffer) => SinkAnswer;
  stop(): Promise<void>;
}

const MESSAGE_ID = /^Message-ID:\s*(<[^>\r\n]+>)/im;

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  const sink: SmtpSink = {
    host: "127.0.0.1",
    port: 0,
    received: [],
    offered: 0,
    answer: options.answer ?? (() => "accept"),
    stop: async () => {},
  };
  const keep = async (mail: ReceivedMail) => {
    sink.received.push(mail);
    if (options.outDir)
      await writeFile(
        join(options.outDir, `${String(sink.received.length).padStart(5, "0")}.eml`),
        mail.raw,
      );
  };
  // smtp-server's built-in certificate has expired: plain SMTP on the loopback, authentication optional.
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    closeTimeout: 100,
    onAuth: (_auth, _session, done) => done(null, { user: "local" }),
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        sink.offered++;
        const answer = sink.answer(raw);
        if (answer === "hang") return;
        if (answer !== "accept") {
          done(Object.assign(new Error(answer.message), { responseCode: answer.code }));
          return;
        }
        const envelope = session.envelope;
        keep({
          raw,
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((r) => r.address),
          messageId: MESSAGE_ID.exec(raw.toString("latin1"))?.[1] ?? null,
        }).then(() => done(), done);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  sink.port = (server.server.address() as AddressInfo).port;
  sink.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
