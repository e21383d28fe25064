// The .eml files a run left, parsed as a mail client would read them.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";

export interface MailFile {
  file: string;
  mail: ParsedMail;
  to: string[];
}

const addresses = (to: AddressObject | AddressObject[] | undefined): string[] =>
  [to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ""));

export async function readMailFiles(dir: string): Promise<MailFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(join(dir, file)), { skipImageLinks: true });
      return { file, mail, to: addresses(mail.to) };
    }),
  );
}

export const pdfOf = (mail: ParsedMail) =>
  mail.attachments.find((a) => a.contentType === "application/pdf");
