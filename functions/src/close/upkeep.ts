// The hourly upkeep: closes campaigns whose deadline has passed, finishes the closes and fan-outs that stopped
// half-way, asks for a sync of the Union's sheet where revisions may have arrived or structures were erased,
// compacts the population snapshots that submissions may have added to, and purges, a bounded number of documents
// at a time, what the retention policy no longer keeps.
import { audited, recordAudit } from "../audit/record.ts";
import { compactSnapshot } from "../positioning/population-snapshot.ts";
import { applyRetention, type PurgeLine } from "../retention/purge.ts";
import { purgeDetail } from "../retention/report.ts";
import type { WorkDeps } from "../runtime/deps.ts";
import { enqueueQuietly } from "../runtime/tasks.ts";
import { type Campaign, campaignOf, parisDay } from "../storage/campaigns.ts";
import { campaignsCol, unionSheetDoc } from "../storage/paths.ts";
import { closeAndReport, resumeFanOut } from "./close-campaign.ts";
import { getFinalBenchmark } from "./final-benchmark.ts";
import { queueNetworkSummary } from "./network-summary.ts";

/** Who closes a campaign whose deadline has passed, as the campaign document records it. */
export const DEADLINE_ACTOR = "date limite (clôture automatique)";

/** Who the audit log says purged what the retention policy no longer keeps. */
const PURGE_ACTOR = "conservation (purge automatique)";

export interface UpkeepOutcome {
  closed: number[];
  resumed: number[];
  sheetSyncs: number[];
  /** What the retention policy purged this hour, when anything. */
  purged?: PurgeLine[];
}

/** Documents one upkeep deletes at most: the rest waits for the next hour. */
const PURGE_LIMIT = 2000;

/** The purge of this hour, recorded in the audit log when it deleted anything; a failure waits for the next hour. */
async function purge(deps: WorkDeps, now: Date): Promise<PurgeLine[]> {
  try {
    const { lines } = await applyRetention(deps.db, now, { limit: PURGE_LIMIT });
    if (lines.length)
      await recordAudit(
        deps.db,
        {
          actor: PURGE_ACTOR,
          via: "upkeep",
          action: "retention.purge",
          detail: purgeDetail(lines),
        },
        now,
      );
    return lines;
  } catch (error) {
    deps.logger.error("purge de conservation interrompue", {
      detail: error instanceof Error ? error.message : String(error),
    });
    return [];
  }
}

/** How long after its close a campaign's snapshot is still compacted: returns written while it closed land in it. */
const COMPACT_AFTER_CLOSE_MS = 2 * 86_400_000;

/** Whether submissions may have added entries to the campaign's snapshot since the previous upkeep. */
const compactable = (c: Campaign, now: Date) =>
  c.state === "open" ||
  (c.closedAt != null && now.getTime() - c.closedAt.toMillis() < COMPACT_AFTER_CLOSE_MS);

/** Compacts the campaign's snapshot; a failure (or a shard a writer changed meanwhile) waits for the next hour. */
async function compact(deps: WorkDeps, c: Campaign): Promise<void> {
  if (!c.populationShards) return;
  try {
    await compactSnapshot(deps.db, c.year, c.populationShards);
  } catch (error) {
    deps.logger.error("compactage de l'instantané de population interrompu", {
      year: c.year,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

const pastDeadline = (c: Campaign, now: Date) =>
  c.state === "open" && c.deadline !== null && parisDay(now) > c.deadline;

async function sheetWanted(deps: WorkDeps, c: Campaign): Promise<boolean> {
  if (!deps.config.unionSheetId) return false;
  if (c.state === "open") return true;
  return (await unionSheetDoc(deps.db, c.year).get()).get("dirty") === true;
}

export async function upkeep(deps: WorkDeps): Promise<UpkeepOutcome> {
  const now = deps.clock();
  const outcome: UpkeepOutcome = { closed: [], resumed: [], sheetSyncs: [] };
  const campaigns = (await campaignsCol(deps.db).orderBy("year").get()).docs.map((d) =>
    campaignOf(d.data()),
  );
  for (const c of campaigns) {
    if (compactable(c, now)) await compact(deps, c);
    if (pastDeadline(c, now)) {
      await audited(
        deps.db,
        { actor: DEADLINE_ACTOR, via: "upkeep", action: "campaign.close", year: c.year },
        now,
        () => closeAndReport(deps, c.year, DEADLINE_ACTOR),
      );
      outcome.closed.push(c.year);
    } else if (c.state === "closed" && c.reportsRequestedAt) {
      const head = await getFinalBenchmark(deps.db, c.year);
      if (!head) await closeAndReport(deps, c.year, c.updatedBy);
      else {
        await queueNetworkSummary(deps, head, null);
        if (await resumeFanOut(deps, head)) outcome.resumed.push(c.year);
      }
    }
    if (await sheetWanted(deps, c)) {
      const hour = Math.floor(now.getTime() / 3_600_000);
      await enqueueQuietly(
        deps.tasks.sheetSync,
        { year: c.year },
        { id: `sheet-${c.year}-upkeep-${hour}` },
        deps.logger,
      );
      outcome.sheetSyncs.push(c.year);
    }
  }
  const purged = await purge(deps, now);
  if (purged.length) outcome.purged = purged;
  return outcome;
}
