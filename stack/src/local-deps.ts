// The local platform the functions' composition root (functions/src/runtime/compose.ts) is filled with:
// in-process task queues, the local stack's mail settings, and the Union's sheet when a Sheets API is given.

import type {
  Logger,
  ReportBatchTask,
  SheetSyncTask,
  SheetsApi,
  WorkDeps,
} from "@barometre/functions/local";
import {
  type Config,
  checkoutVersion,
  composeWork,
  lazyRenderer,
  MAX_BODY_BYTES,
  type MailSettings,
  REPOSITORY_ROOT,
  REQUEST_DEADLINE_MS,
  type ReportRenderer,
} from "@barometre/functions/local";
import type { Firestore } from "firebase-admin/firestore";
import { type InProcessQueueOptions, InProcessTaskQueue } from "./task-queue.ts";

/** The local stack's addresses: the demo Union admin receives the notices and the summary. */
export const LOCAL_MAIL: MailSettings = {
  from: "Baromètre des PIMMS <barometre@pimms.example>",
  union: ["union@pimms.example"],
  privacyUrl: "https://www.pimms.example/barometre/confidentialite",
};

export interface LocalWorkOptions {
  db: Firestore;
  clock?: () => Date;
  logger?: Logger;
  mail?: MailSettings;
  /** The Union's sheet: its id and the API client (a local server's in tests). */
  unionSheet?: { spreadsheetId: string; sheets: SheetsApi } | null;
  renderer?: ReportRenderer;
  /** The functions' version healthz reports; default: this checkout's (see version.ts). */
  version?: string;
  /** Queue behaviour, for tests: delays and retries. */
  queue?: Pick<
    InProcessQueueOptions<unknown>,
    "concurrency" | "delayMs" | "retryDelayMs" | "maxAttempts"
  >;
}

export interface LocalQueues {
  reportBatch: InProcessTaskQueue<ReportBatchTask>;
  sheetSync: InProcessTaskQueue<SheetSyncTask>;
  /** Resolves once both queues have nothing left to run. */
  idle(): Promise<void>;
  kill(): void;
}

const stderrLogger: Logger = { error: (message, details) => console.error(message, details) };

/** Background dependencies with their in-process queues; `config` completes the mail and sheet settings. */
export function localWork(
  options: LocalWorkOptions,
  config: Partial<Pick<Config, "audiences" | "maxBodyBytes" | "requestDeadlineMs">> = {},
): { deps: WorkDeps & { config: Config }; queues: LocalQueues } {
  const logger = options.logger ?? stderrLogger;
  const clock = options.clock ?? (() => new Date());
  const sheet = options.unionSheet ?? null;
  const queueOptions = {
    ...options.queue,
    onFailure: (_: unknown, error: unknown) =>
      logger.error("tâche abandonnée", {
        detail: error instanceof Error ? error.message : String(error),
      }),
  };
  const made: LocalQueues[] = [];
  const deps = composeWork({
    db: options.db,
    clock,
    logger,
    config: {
      audiences: config.audiences ?? [],
      maxBodyBytes: config.maxBodyBytes ?? MAX_BODY_BYTES,
      requestDeadlineMs: config.requestDeadlineMs ?? REQUEST_DEADLINE_MS,
      mail: options.mail ?? LOCAL_MAIL,
      unionSheetId: sheet?.spreadsheetId ?? null,
      version: options.version ?? checkoutVersion(REPOSITORY_ROOT),
    },
    renderer: options.renderer ?? lazyRenderer,
    tasks: (runners) => {
      const reportBatch = new InProcessTaskQueue<ReportBatchTask>({
        ...queueOptions,
        run: runners.reportBatch,
      });
      const sheetSync = new InProcessTaskQueue<SheetSyncTask>({
        ...queueOptions,
        run: runners.sheetSync,
      });
      made.push({
        reportBatch,
        sheetSync,
        idle: async () => {
          await Promise.all([reportBatch.idle(), sheetSync.idle()]);
        },
        kill: () => {
          reportBatch.kill();
          sheetSync.kill();
        },
      });
      return { reportBatch, sheetSync };
    },
    sheets: async () => sheet && { db: options.db, clock, ...sheet },
  });
  const [queues] = made;
  if (!queues) throw new Error("composeWork made no task queues");
  return { deps, queues };
}
