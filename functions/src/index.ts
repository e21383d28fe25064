// The deployed functions, and nothing else: each loads its code on first use so cold starts stay light.

import type { FunctionName } from "@barometre/shared";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { type HttpsOptions, onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import type { Handlers } from "./handlers/app.ts";
import {
  FUNCTION_OPTIONS,
  REGION,
  REPORT_BATCHES_AT_ONCE,
  SMTP_PASSWORD,
} from "./runtime/config.ts";
import type { ReportBatchTask, SheetSyncTask } from "./runtime/tasks.ts";

let loading: Promise<Handlers> | undefined;

function handlers(): Promise<Handlers> {
  loading ??= import("./runtime/production.ts").then((m) => m.productionHandlers());
  // A failed start (a missing param, say) is retried by the next request rather than remembered.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const production = () => import("./runtime/production.ts");

const lazy = (name: FunctionName, options: HttpsOptions = {}) =>
  onRequest({ ...FUNCTION_OPTIONS, ...options }, async (req, res) => {
    let all: Handlers;
    try {
      all = await handlers();
    } catch (error) {
      console.error(`${name}: start failed`, error instanceof Error ? error.message : error);
      res.status(500).json({
        error:
          "Le service n'a pas pu démarrer. Réessayez plus tard ; si cela persiste, prévenez l'Union.",
      });
      return;
    }
    await all[name](req, res);
  });

export const healthz = lazy("healthz");
export const submitReturn = lazy("submitReturn");
export const previousReturn = lazy("previousReturn");
export const campaignExport = lazy("campaignExport");
export const reviewReturn = lazy("reviewReturn");
/** Closing a campaign computes the final benchmark of every structure: more memory and time. */
export const manageCampaign = lazy("manageCampaign", { memory: "1GiB", timeoutSeconds: 300 });
export const campaignInfo = lazy("campaignInfo");
export const reportProgress = lazy("reportProgress");
export const choosePeers = lazy("choosePeers");

/** The outbox sender: every write of a mail document; new mails and retries asked by hand are attempted. */
export const deliverMail = onDocumentWritten(
  { document: "mail/{id}", region: REGION, secrets: [SMTP_PASSWORD], retry: false },
  async (event) => {
    const [{ onMailWritten }, sender] = await Promise.all([
      import("./mail/trigger.ts"),
      production().then((m) => m.productionSender()),
    ]);
    await onMailWritten(sender, event.params.id, event.data?.after.data());
  },
);

/** Retries after their backoff, mails whose sender died (lease expired), anything a trigger missed. */
export const sweepOutbox = onSchedule(
  { schedule: "every 5 minutes", region: REGION, secrets: [SMTP_PASSWORD], timeoutSeconds: 300 },
  async () => {
    const [{ sweepOutbox: sweep }, sender] = await Promise.all([
      import("./mail/sweep.ts"),
      production().then((m) => m.productionSender()),
    ]);
    await sweep(sender);
  },
);

/** Deadlines, unfinished closes and fan-outs, the Union's sheet. */
export const upkeep = onSchedule(
  {
    schedule: "every 60 minutes",
    timeZone: "Europe/Paris",
    region: REGION,
    memory: "1GiB",
    timeoutSeconds: 540,
  },
  async () => {
    const [{ upkeep: run }, m] = await Promise.all([import("./close/upkeep.ts"), production()]);
    await run(m.productionDeps());
  },
);

/** Each morning, reminders to the structures whose return has not arrived, and the Union's digest of them. */
export const sendReminders = onSchedule(
  {
    schedule: "every day 09:00",
    timeZone: "Europe/Paris",
    region: REGION,
    timeoutSeconds: 540,
  },
  async () => {
    const [{ sendReminders: run }, m] = await Promise.all([
      import("./reminders/send-reminders.ts"),
      production(),
    ]);
    await run(m.productionDeps(), new Date());
  },
);

/** Seconds a report batch may take; it stops cleanly a little before, and Cloud Tasks runs it again. */
const BATCH_SECONDS = 540;

/** One batch of the campaign-close fan-out (see close/report-batch.ts). */
export const reportBatch = onTaskDispatched<ReportBatchTask>(
  {
    region: REGION,
    memory: "1GiB",
    timeoutSeconds: BATCH_SECONDS,
    retryConfig: { maxAttempts: 20, minBackoffSeconds: 30, maxBackoffSeconds: 600 },
    rateLimits: { maxConcurrentDispatches: REPORT_BATCHES_AT_ONCE },
  },
  async (request) => {
    const m = await production();
    await m
      .productionRunners()
      .reportBatch(request.data, AbortSignal.timeout((BATCH_SECONDS - 60) * 1000));
  },
);

/** The debounced rewrite of the Union's consolidated sheet for a campaign. */
export const syncUnionSheet = onTaskDispatched<SheetSyncTask>(
  {
    region: REGION,
    timeoutSeconds: 120,
    retryConfig: { maxAttempts: 5, minBackoffSeconds: 60 },
    rateLimits: { maxConcurrentDispatches: 1 },
  },
  async (request) => {
    const m = await production();
    await m.productionRunners().sheetSync(request.data);
  },
);
