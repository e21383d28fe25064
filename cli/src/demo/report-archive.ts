// Keeps a copy of every report as files: the very documents the sender mails, as the stack renders them (npm start)
// or as they are queued in the outbox, whoever rendered them (npm start -- --serve).
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { OutboxMail, RenderedMail, ReportRenderer } from "@barometre/functions/admin";
import { mailDoc } from "@barometre/functions/admin";
import type { Firestore } from "firebase-admin/firestore";

export interface ArchivingRenderer extends ReportRenderer {
  /** Structure reports written so far. */
  reports(): number;
}

/** Where the structures' reports and the Union's network summary are written. */
export interface ArchiveDirs {
  reportsDir: string;
  summaryDir: string;
}

/** What a report's files are made of: the mail's HTML and its attachments, rendered or read from the outbox. */
type ArchivedMail = Pick<RenderedMail, "html" | "attachments">;

/** The mail's HTML readable on its own in a browser: each `cid:` image inlined as a data URL. */
export function standaloneHtml(mail: ArchivedMail): string {
  let html = mail.html;
  for (const a of mail.attachments)
    if (a.cid)
      html = html.replaceAll(
        `cid:${a.cid}`,
        `data:${a.contentType};base64,${a.content.toString("base64")}`,
      );
  return html;
}

/** The mail's first PDF: the report or the summary itself, attached before anything else. */
const firstPdf = (mail: ArchivedMail) =>
  mail.attachments.find((a) => a.contentType === "application/pdf");

async function save(dir: string, stem: string, mail: ArchivedMail): Promise<void> {
  const pdf = firstPdf(mail);
  if (!pdf) throw new Error(`The rendered mail of ${stem} has no PDF`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${stem}.html`), standaloneHtml(mail));
  await writeFile(join(dir, `${stem}.pdf`), pdf.content);
}

/** A structure's report as `<code>.html|.pdf`, and its one-page board summary as `<code>-synthese.pdf`. */
async function saveReport(dir: string, code: string, mail: ArchivedMail): Promise<void> {
  await save(dir, code, mail);
  // The board summary is attached after the report, under its own file stem ending in "-synthese".
  const board = mail.attachments.find((a) => a.filename.endsWith("-synthese.pdf"));
  if (board) await writeFile(join(dir, `${code}-synthese.pdf`), board.content);
}

/**
 * Renders with `inner`, then writes each structure's report to `reportsDir` and the Union's network summary to
 * `summaryDir/<its file stem>.html|.pdf`, before the mail is queued.
 */
export function archivingRenderer(inner: ReportRenderer, dirs: ArchiveDirs): ArchivingRenderer {
  let written = 0;
  return {
    report: async (doc) => {
      const mail = await inner.report(doc);
      await saveReport(dirs.reportsDir, doc.structure.code, mail);
      written++;
      return mail;
    },
    summary: async (doc) => {
      const mail = await inner.summary(doc);
      await save(dirs.summaryDir, doc.fileStem, mail);
      return mail;
    },
    reports: () => written,
  };
}

export interface QueuedArchive {
  /** Structure reports written so far. */
  reports(): number;
  /** Resolves once every report heard so far is written. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Writes one queued mail's files when it is a structure's report (then true) or the network summary. */
async function saveQueued(mail: OutboxMail | undefined, dirs: ArchiveDirs): Promise<boolean> {
  if (mail?.kind === "report" && mail.structureCode) {
    await saveReport(dirs.reportsDir, basename(mail.structureCode), mail.message);
    return true;
  }
  const pdf = mail && firstPdf(mail.message);
  if (mail?.kind === "summary" && pdf)
    await save(dirs.summaryDir, basename(pdf.filename, ".pdf"), mail.message);
  return false;
}

/**
 * Writes each report and network summary as it is queued in the outbox, whoever rendered it: with --serve, the
 * close the Union runs with `barometre campaign close` renders in that command's process, and only its mails reach
 * this stack. Each mail is archived once, when first written (`mailWrites` also reports its delivery's updates).
 */
export function archiveQueued(
  db: Firestore,
  mailWrites: (onWrite: (id: string) => void) => () => void,
  dirs: ArchiveDirs,
  onError: (message: string) => void,
): QueuedArchive {
  const seen = new Set<string>();
  let written = 0;
  const inFlight = new Set<Promise<void>>();
  const unsubscribe = mailWrites((id) => {
    if (seen.has(id) || !/^(report|summary)-/.test(id)) return;
    seen.add(id);
    const work: Promise<void> = mailDoc(db, id)
      .get()
      .then(async (snap) => {
        if (await saveQueued(snap.data() as OutboxMail | undefined, dirs)) written++;
      })
      .catch((error: unknown) =>
        onError(`copie du rapport ${id} : ${error instanceof Error ? error.message : error}`),
      )
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  const settled = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  return {
    reports: () => written,
    settled,
    stop: async () => {
      unsubscribe();
      await settled();
    },
  };
}
