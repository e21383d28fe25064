// One task of the campaign-close fan-out: renders and queues the report of each structure of a batch not yet queued.
//
// Each report's outbox id is deterministic (report-<year>-<code>) and created with create(), so a batch run twice
// (a retry after a crash, a resumed fan-out racing the original) queues each report once; the mails already
// queued are skipped before rendering, so a replay costs little.
import { buildReport, type NamedIndicators, type ReportInput } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { queueMail } from "../mail/outbox.ts";
import { privacySentence } from "../mail/privacy-note.ts";
import type { WorkDeps } from "../runtime/deps.ts";
import type { ReportBatchTask } from "../runtime/tasks.ts";
import { mailDoc } from "../storage/paths.ts";
import { parisTime } from "../util/paris-time.ts";
import {
  allFinalMembers,
  type FinalBenchmark,
  type FinalMember,
  finalBatch,
  getFinalBenchmark,
} from "./final-benchmark.ts";

export const reportMailId = (year: number, code: string): string => `report-${year}-${code}`;

export interface BatchOutcome {
  queued: number;
  /** Already queued by an earlier run. */
  skipped: number;
}

/** What a structure's report is built from: its frozen positioning and the campaign's final benchmark. */
export function reportInput(
  head: FinalBenchmark,
  m: FinalMember,
  table: readonly NamedIndicators[] | undefined,
): ReportInput {
  return {
    campaign: {
      year: head.year,
      mode: head.mode,
      minGroupSize: head.minGroupSize,
      bands: head.bands,
      ...(head.directorySize
        ? { responses: { received: head.memberCount, expected: head.directorySize } }
        : {}),
    },
    structure: { code: m.code, name: m.name, territory: m.territory },
    revision: { number: m.revision, submittedAt: m.submittedAt },
    positioning: m.positioning,
    dataAt: parisTime.format(head.computedAt.toDate()),
    ...(table ? { transparentTable: table } : {}),
  };
}

/** Every structure's name and indicators, for transparent mode's named table. */
export async function namedTable(db: Firestore, year: number): Promise<NamedIndicators[]> {
  const all = await allFinalMembers(db, year);
  return all.map((m) => ({ code: m.code, name: m.name, indicators: m.indicators }));
}

/**
 * `signal` stops the batch between two reports (a function about to time out, an in-process queue killed):
 * what is queued stays queued, the rest is done by the next run.
 */
export async function runReportBatch(
  deps: WorkDeps,
  task: ReportBatchTask,
  signal: AbortSignal,
): Promise<BatchOutcome> {
  const head = await getFinalBenchmark(deps.db, task.year);
  if (!head) throw new Error(`No final benchmark for campaign ${task.year}`);
  const members = await finalBatch(deps.db, task.year, task.batch);
  const refs = members.map((m) => mailDoc(deps.db, reportMailId(task.year, m.code)));
  const existing = refs.length ? await deps.db.getAll(...refs, { fieldMask: ["kind"] }) : [];
  const todo = members.filter((_, i) => !existing[i]?.exists);
  const table =
    head.mode === "transparent" && todo.length ? await namedTable(deps.db, task.year) : undefined;
  for (const m of todo) {
    signal.throwIfAborted();
    const doc = buildReport(reportInput(head, m, table));
    const notes = [...doc.notes, privacySentence(deps.config.mail.privacyUrl)];
    const mail = await deps.renderer.report({ ...doc, notes });
    signal.throwIfAborted();
    await queueMail(
      deps.db,
      reportMailId(task.year, m.code),
      { to: m.to, message: mail, kind: "report", campaignYear: task.year, structureCode: m.code },
      deps.config.mail.from,
      deps.clock(),
    );
  }
  return { queued: todo.length, skipped: members.length - todo.length };
}
