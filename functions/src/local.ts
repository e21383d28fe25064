// The composition root a local stack fills in: the handlers built from explicit dependencies, and the
// task, mail and sheet pieces that production wires to Cloud Tasks, SMTP and the Sheets API.
export { createHandlers } from "./handlers/app.ts";
export { googleTokenVerifier } from "./http/auth.ts";
export { answerClientError } from "./http/client-error.ts";
export type { OutboxMail } from "./mail/outbox.ts";
export { AS_MAIL, outboxMails } from "./mail/outbox.ts";
export type { SenderDeps } from "./mail/sender.ts";
export { sweepOutbox } from "./mail/sweep.ts";
export { onMailWritten } from "./mail/trigger.ts";
export { composeWork, withCallers } from "./runtime/compose.ts";
export type { Config, MailSettings } from "./runtime/config.ts";
export { MAX_BODY_BYTES, REQUEST_DEADLINE_MS } from "./runtime/config.ts";
export type { Deps, WorkDeps } from "./runtime/deps.ts";
export type { Logger } from "./runtime/logger.ts";
export type { ReportRenderer } from "./runtime/renderer.ts";
export { lazyRenderer } from "./runtime/renderer.ts";
export type { ReportBatchTask, SheetSyncTask, TaskOptions, TaskQueue } from "./runtime/tasks.ts";
export { checkoutVersion, REPOSITORY_ROOT } from "./runtime/version.ts";
export { mailDoc } from "./storage/paths.ts";
export type { SheetsApi } from "./union-sheet/sheets-client.ts";
export { syncUnionSheet } from "./union-sheet/sync.ts";
