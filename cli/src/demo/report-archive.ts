// Keeps a copy of every report the functions render, as files: the very documents the sender mails, rendered once.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RenderedMail, ReportRenderer } from "@barometre/functions/admin";

export interface ArchivingRenderer extends ReportRenderer {
  /** Structure reports written so far. */
  reports(): number;
}

/** The mail's HTML readable on its own in a browser: each `cid:` image inlined as a data URL. */
export function standaloneHtml(mail: RenderedMail): string {
  let html = mail.html;
  for (const a of mail.attachments)
    if (a.cid)
      html = html.replaceAll(
        `cid:${a.cid}`,
        `data:${a.contentType};base64,${a.content.toString("base64")}`,
      );
  return html;
}

async function save(dir: string, stem: string, mail: RenderedMail): Promise<void> {
  const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
  if (!pdf) throw new Error(`The rendered mail of ${stem} has no PDF`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${stem}.html`), standaloneHtml(mail));
  await writeFile(join(dir, `${stem}.pdf`), pdf.content);
}

/**
 * Renders with `inner`, then writes each structure's report to `reportsDir/<code>.html|.pdf` (and its board
 * summary to `<code>-synthese.pdf`) and the Union's
 * network summary to `summaryDir/<its file stem>.html|.pdf`, before the mail is queued.
 */
export function archivingRenderer(
  inner: ReportRenderer,
  dirs: { reportsDir: string; summaryDir: string },
): ArchivingRenderer {
  let written = 0;
  return {
    report: async (doc) => {
      const mail = await inner.report(doc);
      await save(dirs.reportsDir, doc.structure.code, mail);
      // The one-page board summary, attached after the report.
      const board = mail.attachments.find((a) => a.filename === `${doc.board.fileStem}.pdf`);
      if (board)
        await writeFile(join(dirs.reportsDir, `${doc.structure.code}-synthese.pdf`), board.content);
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
