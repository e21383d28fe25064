// Background work queued by the functions: Cloud Tasks queues of onTaskDispatched functions in production,
// an in-process queue with the same contract locally and in tests (stack/src/task-queue.ts).
import type { Logger } from "./logger.ts";

export interface TaskOptions {
  /** Deduplicates: a second task with an id already queued is dropped (Cloud Tasks named tasks). */
  id?: string;
  scheduleDelaySeconds?: number;
}

export interface TaskQueue<T> {
  enqueue(data: T, options?: TaskOptions): Promise<void>;
}

/** One batch of the campaign-close fan-out: the structures of batch `batch` of the final benchmark. */
export interface ReportBatchTask {
  year: number;
  batch: number;
}

export interface SheetSyncTask {
  year: number;
}

export interface Tasks {
  reportBatch: TaskQueue<ReportBatchTask>;
  sheetSync: TaskQueue<SheetSyncTask>;
}

/** The task-queue functions, by the name index.ts exports them under. */
export const TASK_FUNCTIONS = { reportBatch: "reportBatch", sheetSync: "syncUnionSheet" } as const;

/**
 * The Cloud Tasks queue of a deployed onTaskDispatched function (firebase-admin, loaded on first use).
 * A task whose id was already used is a duplicate by design: it is dropped, not an error.
 */
export function cloudTaskQueue<T>(functionName: string, region: string): TaskQueue<T> {
  return {
    async enqueue(data, options = {}) {
      const { getFunctions } = await import("firebase-admin/functions");
      const queue = getFunctions().taskQueue<T & Record<string, unknown>>(
        `locations/${region}/functions/${functionName}`,
      );
      try {
        await queue.enqueue(data as T & Record<string, unknown>, options);
      } catch (error) {
        if ((error as { code?: string }).code === "functions/task-already-exists") return;
        throw error;
      }
    },
  };
}

/** Queues a task; when queuing fails, logs it instead of failing the request that asked (the hourly upkeep catches up). */
export async function enqueueQuietly<T>(
  queue: TaskQueue<T>,
  data: T,
  options: TaskOptions,
  logger: Logger,
): Promise<void> {
  try {
    await queue.enqueue(data, options);
  } catch (error) {
    logger.error("tâche non mise en file", {
      task: options.id ?? null,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}
