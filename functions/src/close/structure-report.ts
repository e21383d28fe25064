// One structure's report of a closed campaign, rendered again on demand as a PDF: the full report or its one-page board summary.
import { buildReport } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { finalBatches, getFinalBenchmark, membersOf } from "./final-benchmark.ts";
import { namedTable, reportInput } from "./report-batch.ts";

export type StructureReport =
  | { ok: true; filename: string; content: Buffer }
  | { ok: false; error: string };

export async function structureReportPdf(
  db: Firestore,
  year: number,
  code: string,
  summary: boolean,
): Promise<StructureReport> {
  const head = await getFinalBenchmark(db, year);
  if (!head)
    return {
      ok: false,
      error: `La campagne ${year} n'est pas close : aucun rapport n'existe encore.`,
    };
  const snap = await finalBatches(db, year).where("codes", "array-contains", code).limit(1).get();
  const member = snap.docs.flatMap((d) => membersOf(d.data())).find((m) => m.code === code);
  if (!member)
    return { ok: false, error: `La structure ${code} n'a pas de retour dans la campagne ${year}.` };
  const table = head.mode === "transparent" ? await namedTable(db, year) : undefined;
  const doc = buildReport(reportInput(head, member, table));
  const { boardSummaryPdf, renderReport } = await import("../report/render.ts");
  if (summary)
    return { ok: true, filename: `${doc.board.fileStem}.pdf`, content: await boardSummaryPdf(doc) };
  const mail = await renderReport(doc);
  const pdf = mail.attachments.find((a) => a.filename === `${doc.fileStem}.pdf`);
  if (!pdf) throw new Error("The rendered report has no PDF");
  return { ok: true, filename: pdf.filename, content: pdf.content };
}
