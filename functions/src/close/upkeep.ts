// The hourly upkeep: closes campaigns whose deadline has passed, finishes the closes and fan-outs that stopped
// half-way, and asks for a sync of the Union's sheet where revisions may have arrived or structures were erased.
import { type Campaign, campaignOf, parisDay } from "../campaigns.ts";
import type { WorkDeps } from "../deps.ts";
import { campaignsCol, unionSheetDoc } from "../layout.ts";
import { enqueueQuietly } from "../tasks.ts";
import { closeAndReport, resumeFanOut } from "./close-campaign.ts";
import { getFinalBenchmark } from "./final-benchmark.ts";
import { queueNetworkSummary } from "./network-summary.ts";

/** Who closes a campaign whose deadline has passed, as the campaign document records it. */
export const DEADLINE_ACTOR = "date limite (clôture automatique)";

export interface UpkeepOutcome {
  closed: number[];
  resumed: number[];
  sheetSyncs: number[];
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
    if (pastDeadline(c, now)) {
      await closeAndReport(deps, c.year, DEADLINE_ACTOR);
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
  return outcome;
}
