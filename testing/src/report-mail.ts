// Delivers rendered mails through nodemailer to a real SMTP server on 127.0.0.1 and parses them back with mailparser.

import type { RenderedMail } from "@barometre/functions/admin";
import { type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export async function deliverAndParse(mails: readonly RenderedMail[]): Promise<ParsedMail[]> {
  const received: Buffer[] = [];
  // smtp-server's built-in certificate has expired: plain SMTP on the loopback, no authentication.
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
  });
  try {
    for (const mail of mails)
      await transport.sendMail({
        from: "Baromètre des PIMMS <barometre@pimms.example>",
        to: "direction@pimms.example",
        ...mail,
      });
  } finally {
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return Promise.all(received.map((raw) => simpleParser(raw, { skipImageLinks: true })));
}

/** Text with every whitespace removed, so a name the PDF wrapped over two lines is still found. */
export const compact = (text: string): string => text.replace(/\s+/g, "");
