// The dependencies of the deployed functions: the project's Firestore, Google's certificates, the real clock,
// Cloud Tasks queues, SMTP with its secret, and the Sheets API as the functions' service account.
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { createHandlers, type Handlers } from "../handlers/app.ts";
import { googleTokenVerifier } from "../http/auth.ts";
import { RETRY_POLICY, type SenderDeps } from "../mail/sender.ts";
import { smtpTransport } from "../mail/smtp.ts";
import { sheetsClient } from "../union-sheet/sheets-client.ts";
import type { SheetDeps } from "../union-sheet/sync.ts";
import { composeWork, type TaskRunners, taskRunners, withCallers } from "./compose.ts";
import {
  productionConfig,
  REGION,
  SMTP_HOST,
  SMTP_PASSWORD,
  SMTP_PORT,
  SMTP_USER,
} from "./config.ts";
import type { Deps } from "./deps.ts";
import { lazyRenderer } from "./renderer.ts";
import { cloudTaskQueue, TASK_FUNCTIONS } from "./tasks.ts";

let deps: Deps | undefined;

/** Built once per instance: the population cache and the clients live as long as it does. */
export function productionDeps(): Deps {
  if (deps) return deps;
  const config = productionConfig();
  // firebase-functions registers an app of its own: look for the default one by name.
  const app = getApps().find((a) => a.name === "[DEFAULT]") ?? initializeApp();
  const work = composeWork({
    db: getFirestore(app),
    clock: () => new Date(),
    config,
    logger: { error: (message, details) => logger.error(message, details) },
    renderer: lazyRenderer,
    // Cloud Tasks runs each task in its onTaskDispatched function (index.ts), with productionRunners.
    tasks: () => ({
      reportBatch: cloudTaskQueue(TASK_FUNCTIONS.reportBatch, REGION),
      sheetSync: cloudTaskQueue(TASK_FUNCTIONS.sheetSync, REGION),
    }),
    sheets: productionSheets,
  });
  deps = withCallers(work, googleTokenVerifier({ audiences: config.audiences }));
  return deps;
}

export const productionHandlers = (): Handlers => createHandlers(productionDeps());

/** The bodies of the deployed task functions. */
export const productionRunners = (): TaskRunners => taskRunners(productionDeps(), productionSheets);

let sender: Promise<SenderDeps> | undefined;

/** The outbox sender: one pooled SMTP transport per instance, its password from Secret Manager. */
export function productionSender(): Promise<SenderDeps> {
  sender ??= (async () => {
    const { db, clock, logger: log, config } = productionDeps();
    const transport = await smtpTransport({
      host: SMTP_HOST.value(),
      port: SMTP_PORT.value(),
      user: SMTP_USER.value() || null,
      password: SMTP_PASSWORD.value() || null,
    });
    return { db, clock, transport, from: config.mail.from, policy: RETRY_POLICY, logger: log };
  })();
  return sender;
}

/** The Union's sheet, or null when the deployment has none. */
export async function productionSheets(): Promise<SheetDeps | null> {
  const { db, clock, config } = productionDeps();
  if (!config.unionSheetId) return null;
  return { db, clock, sheets: await sheetsClient(), spreadsheetId: config.unionSheetId };
}
