// The campaign's status board: every registered structure and where it stands: not started, workbook prepared, or
// return submitted (revision, date, the Union's review, indicators in the red band).
import {
  daysBetween,
  fragileKeys,
  PROGRESS_STATES,
  type StatusBoard,
  type StatusRates,
  type StatusRow,
} from "@barometre/shared";
import { announcedDeadline, type Campaign, parisDay } from "../storage/campaigns.ts";
import type { StructureEntry } from "../storage/directory.ts";
import type { Progress } from "../storage/progress.ts";
import type { StoredRevision } from "../storage/revisions.ts";

// The board's shapes are the API's (campaignExport with view=status).
export type { ProgressState, StatusBoard, StatusRates, StatusRow } from "@barometre/shared";

/** What the board reads of a latest revision: a query may select just these fields. */
export const SUMMARY_FIELDS = [
  "structureCode",
  "number",
  "submittedAt",
  "submittedBy",
  "review",
  "indicators",
  "territory",
  "firstSubmittedAt",
] as const;

export type LatestSummary = Pick<StoredRevision, (typeof SUMMARY_FIELDS)[number]>;

const iso = (t: { toDate(): Date } | undefined) => t?.toDate().toISOString() ?? null;

function statusRow(
  code: string,
  entry: StructureEntry | undefined,
  latest: LatestSummary | undefined,
  progress: Progress | undefined,
  deadline: string | null,
): StatusRow {
  // Revisions stored before firstSubmittedAt existed: the latest one's time is the best known.
  const first = latest ? (latest.firstSubmittedAt ?? latest.submittedAt).toDate() : null;
  return {
    structureCode: code,
    name: entry?.name ?? code,
    territory: entry?.territory ?? latest?.territory ?? null,
    state: latest ? "submitted" : progress ? "prepared" : "notStarted",
    preparedAt: iso(progress?.preparedAt),
    revision: latest?.number ?? null,
    submittedAt: iso(latest?.submittedAt),
    submittedBy: latest?.submittedBy ?? null,
    review: latest?.review.state ?? null,
    fragile: latest ? fragileKeys(latest.indicators) : [],
    revisions: latest?.number ?? 0,
    firstSubmittedAt: first?.toISOString() ?? null,
    daysLate: first && deadline ? Math.max(0, daysBetween(deadline, parisDay(first))) : null,
  };
}

/** One row per structure of the directory, or with a return or progress, in code order. */
export function statusRows(
  directory: readonly StructureEntry[],
  latest: readonly LatestSummary[],
  progress: readonly Progress[],
  deadline: string | null = null,
): StatusRow[] {
  const byCode = <T extends { structureCode: string }>(list: readonly T[]) =>
    new Map(list.map((x) => [x.structureCode, x]));
  const entries = new Map(directory.map((e) => [e.code, e]));
  const returns = byCode(latest);
  const prepared = byCode(progress);
  const codes = [...new Set([...entries.keys(), ...returns.keys(), ...prepared.keys()])].sort();
  return codes.map((code) =>
    statusRow(code, entries.get(code), returns.get(code), prepared.get(code), deadline),
  );
}

export function statusRates(rows: readonly StatusRow[], deadline: string | null): StatusRates {
  const share = (n: number) => (rows.length ? n / rows.length : null);
  return {
    response: share(rows.filter((r) => r.state === "submitted").length),
    onTime: deadline === null ? null : share(rows.filter((r) => r.daysLate === 0).length),
    accepted: share(rows.filter((r) => r.review === "accepted").length),
  };
}

export function statusBoard(campaign: Campaign, rows: StatusRow[]): StatusBoard {
  const counts = Object.fromEntries(PROGRESS_STATES.map((s) => [s, 0])) as StatusBoard["counts"];
  for (const row of rows) counts[row.state]++;
  return {
    year: campaign.year,
    state: campaign.state,
    deadline: campaign.deadline,
    counts,
    rates: statusRates(rows, announcedDeadline(campaign)),
    status: rows,
  };
}
