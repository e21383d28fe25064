// The composition root: the functions' dependencies made from what a platform provides, the one way for
// production (Firestore, Cloud Tasks, the Sheets API) and for the local stack (emulator, in-process queues).
import type { Firestore } from "firebase-admin/firestore";
import type { TokenVerifier } from "../http/auth.ts";
import { PopulationCache } from "../positioning/population-cache.ts";
import type { SheetDeps } from "../union-sheet/sync.ts";
import type { Config } from "./config.ts";
import type { Deps, WorkDeps } from "./deps.ts";
import type { Logger } from "./logger.ts";
import type { ReportRenderer } from "./renderer.ts";
import type { ReportBatchTask, SheetSyncTask, Tasks } from "./tasks.ts";

/** What each task function does with one task: the body of its onTaskDispatched function, or of a local queue. */
export interface TaskRunners {
  reportBatch(task: ReportBatchTask, signal: AbortSignal): Promise<void>;
  sheetSync(task: SheetSyncTask): Promise<void>;
}

/** What a platform gives the functions; everything else is wired here. */
export interface Platform {
  db: Firestore;
  clock: () => Date;
  logger: Logger;
  config: Config;
  renderer: ReportRenderer;
  /** The task queues; `runners` are the tasks' bodies, for a platform that runs its queues itself. */
  tasks(runners: TaskRunners): Tasks;
  /** The Union's sheet and its API client, or null when the deployment has none. */
  sheets(): Promise<SheetDeps | null>;
}

/** The task bodies over background dependencies; loaded on first use, as a cold start needs neither. */
export function taskRunners(work: WorkDeps, sheets: Platform["sheets"]): TaskRunners {
  return {
    async reportBatch(task, signal) {
      const { runReportBatch } = await import("../close/report-batch.ts");
      await runReportBatch(work, task, signal);
    },
    async sheetSync(task) {
      const deps = await sheets();
      if (!deps) return;
      const { syncUnionSheet } = await import("../union-sheet/sync.ts");
      await syncUnionSheet(deps, task.year);
    },
  };
}

/** Background dependencies (close, report batches, upkeep, reminders): there is no caller to authenticate. */
export function composeWork(platform: Platform): WorkDeps {
  const { db, clock, logger, config, renderer } = platform;
  // The runners need the finished dependencies, and the queues need the runners: tied once the object exists.
  const work = { db, clock, logger, config, renderer } as WorkDeps;
  work.tasks = platform.tasks(taskRunners(work, platform.sheets));
  return work;
}

/** The handlers' dependencies: background ones, the caller's token checked, populations kept between requests. */
export function withCallers(work: WorkDeps, verifyToken: TokenVerifier): Deps {
  return { ...work, verifyToken, populations: new PopulationCache() };
}
