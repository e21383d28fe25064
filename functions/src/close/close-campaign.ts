// Campaign close: refuse further returns, compute the final benchmark once, queue the Union's summary, then fan the
// structures' reports out in batches through the report task queue; and resume a fan-out that stopped half-way.
import type { CloseOutcome } from "@barometre/shared";
import { Timestamp } from "firebase-admin/firestore";
import type { WorkDeps } from "../runtime/deps.ts";
import { type Campaign, closeCampaign, getCampaign } from "../storage/campaigns.ts";
import { openFollowups } from "../storage/followups.ts";
import { finalBenchmarkDoc, mailCol } from "../storage/paths.ts";
import { requestSheetSync } from "../union-sheet/request-sync.ts";
import { type FinalBenchmark, takeFinalBenchmark } from "./final-benchmark.ts";
import { queueNetworkSummary } from "./network-summary.ts";

/** A fan-out (re)started less than this long ago is left to finish before it is started again. */
export const RESUME_AFTER_MS = 30 * 60_000;

/** Queues every batch; the ids change with each start, so a restart is not taken for a duplicate of the first. */
async function startFanOut(deps: WorkDeps, head: FinalBenchmark): Promise<void> {
  const at = deps.clock();
  await finalBenchmarkDoc(deps.db, head.year).update({ fanOutAt: Timestamp.fromDate(at) });
  for (let batch = 0; batch < head.batches; batch++)
    await deps.tasks.reportBatch.enqueue(
      { year: head.year, batch },
      { id: `report-${head.year}-${batch}-${at.getTime()}` },
    );
}

function settingsOf(campaign: Campaign) {
  return {
    year: campaign.year,
    mode: campaign.mode,
    minGroupSize: campaign.minGroupSize,
    bands: campaign.bands,
    ...(campaign.sizeBands ? { sizeBands: campaign.sizeBands } : {}),
  };
}

/**
 * The Union's close (admin request, `barometre campaign close`, or the deadline through the upkeep): safe to run
 * again, it never recomputes the benchmark nor queues a report twice.
 */
export async function closeAndReport(
  deps: WorkDeps,
  year: number,
  by: string,
): Promise<CloseOutcome> {
  let campaign = await getCampaign(deps.db, year);
  // A close already recorded keeps its date and author; closeCampaign refuses a campaign that does not exist.
  if (!(campaign?.state === "closed" && campaign.reportsRequestedAt)) {
    await closeCampaign(deps.db, year, by, deps.clock(), { reports: true });
    campaign = await getCampaign(deps.db, year);
  }
  if (!campaign) throw new Error(`Campaign ${year} vanished while closing`);
  const { head, computed } = await takeFinalBenchmark(
    deps.db,
    settingsOf(campaign),
    by,
    deps.clock(),
  );
  await queueNetworkSummary(deps, head, computed);
  const followups = await openFollowups(deps.db, year, by, deps.clock());
  await startFanOut(deps, head);
  await requestSheetSync(deps, year);
  return { year, structures: head.memberCount, batches: head.batches, followups };
}

/** Reports queued for a campaign, against its members still on record (an erased structure gets none). */
export async function fanOutProgress(deps: Pick<WorkDeps, "db">, head: FinalBenchmark) {
  const queued = await mailCol(deps.db)
    .where("campaignYear", "==", head.year)
    .where("kind", "==", "report")
    .count()
    .get();
  return { queued: queued.data().count, members: head.memberCount };
}

/**
 * Starts the fan-out again when reports are missing and the last start is old enough to have finished: the
 * batches skip what is queued, so only the missing reports are rendered. Returns whether it restarted.
 */
export async function resumeFanOut(deps: WorkDeps, head: FinalBenchmark): Promise<boolean> {
  const since = head.fanOutAt ? deps.clock().getTime() - head.fanOutAt.toMillis() : Infinity;
  if (since < RESUME_AFTER_MS) return false;
  const { queued, members } = await fanOutProgress(deps, head);
  if (queued >= members) return false;
  await startFanOut(deps, head);
  return true;
}
