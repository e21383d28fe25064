// The operations the Union's command and the tests use: storage of the directory, campaigns and returns,
// the close, mails, reports, retention and audit. The one door into the functions besides the deployed ones.
export { AUDIT_ACTIONS, CHANNEL_WORDS, settingNames } from "./audit/actions.ts";
export type { AuditLine } from "./audit/read.ts";
export { readAudit } from "./audit/read.ts";
export type { AuditEvent } from "./audit/record.ts";
export { audited } from "./audit/record.ts";
export { closeAndReport } from "./close/close-campaign.ts";
export { structureReportPdf } from "./close/structure-report.ts";
export { upkeep } from "./close/upkeep.ts";
export { csvValue, toCsv } from "./export/csv.ts";
export { exportCampaign, exportCampaignCsv } from "./export/rows.ts";
export { decisionOf, reviewEvent } from "./handlers/review-return.ts";
export { submitReturnHandler } from "./handlers/submit-return.ts";
export { CLOCK_SKEW_SECONDS } from "./http/auth.ts";
export { parseWith } from "./http/envelope.ts";
export type { Handler } from "./http/guard.ts";
export { guard, MAX_ERROR_CHARS } from "./http/guard.ts";
export type { MailDraft, MailKind, OutboxMail } from "./mail/outbox.ts";
export { outboxMails, queueMail } from "./mail/outbox.ts";
export type { RetryPolicy, SenderDeps } from "./mail/sender.ts";
export { backoffMs, deliverMail, RETRY_POLICY } from "./mail/sender.ts";
export { smtpTransport } from "./mail/smtp.ts";
export { sweepOutbox } from "./mail/sweep.ts";
export { compactSnapshot } from "./positioning/population-snapshot.ts";
export { offsetLabel, parseOffsetLabel } from "./reminders/offsets.ts";
export { sendReminders } from "./reminders/send-reminders.ts";
export { escapeXml } from "./report/escape.ts";
export type { RenderedMail } from "./report/render.ts";
export { boardSummaryPdf, renderReport } from "./report/render.ts";
export { PURGED_MESSAGE } from "./retention/candidates.ts";
export { applyRetention } from "./retention/purge.ts";
export { PURGE_HEADER, purgeDetail, purgeRows } from "./retention/report.ts";
export { readRetention, setRetention } from "./retention/settings.ts";
export { eraseStructure, exportStructure, STRUCTURE_DATA } from "./retention/structure-data.ts";
export { decideReview } from "./returns/review-decision.ts";
export { revisionHistory } from "./returns/revision-history.ts";
export type { MailSettings } from "./runtime/config.ts";
export {
  FUNCTION_OPTIONS,
  MAX_BODY_BYTES,
  privacyUrlOf,
  REGION,
  REPORT_BATCHES_AT_ONCE,
  REQUEST_DEADLINE_MS,
} from "./runtime/config.ts";
export type { Deps } from "./runtime/deps.ts";
export type { Logger } from "./runtime/logger.ts";
export type { ReportRenderer } from "./runtime/renderer.ts";
export { lazyRenderer } from "./runtime/renderer.ts";
export { checkoutVersion, REPOSITORY_ROOT } from "./runtime/version.ts";
export type { StatusBoard } from "./status/board.ts";
export { readStatusBoard } from "./status/read-board.ts";
export { countsSentence, ratesSentence, statusCsv, statusTable } from "./status/table.ts";
export {
  closeCampaign,
  configureCampaign,
  getCampaign,
  listCampaignYears,
  openCampaign,
  parisDay,
} from "./storage/campaigns.ts";
export type { StructureEntry } from "./storage/directory.ts";
export {
  addAdmin,
  checkStructureEntry,
  EMAIL,
  getStructure,
  listAdmins,
  listStructures,
  saveStructure,
} from "./storage/directory.ts";
export { isUnavailable } from "./storage/firestore-errors.ts";
export { toJson } from "./storage/firestore-json.ts";
export {
  FOLLOWUP_UPDATE,
  getFollowup,
  leftRedWords,
  listFollowups,
  openFollowups,
  outcomeWords,
  updateFollowup,
} from "./storage/followups.ts";
export * as storagePaths from "./storage/paths.ts";
export {
  adminsCol,
  answersCol,
  campaignsCol,
  followupDoc,
  latestDoc,
  mailCol,
  mailDoc,
  peersDoc,
  retentionSettingsDoc,
  revisionId,
  revisionsCol,
  structuresCol,
  unionSheetDoc,
} from "./storage/paths.ts";
export { choosePeers, peersInForce } from "./storage/peers.ts";
export type { StoredRevision } from "./storage/revisions.ts";
export { PENDING, setLatest } from "./storage/revisions.ts";
export { sheetsClient } from "./union-sheet/sheets-client.ts";
export type { SheetDeps } from "./union-sheet/sync.ts";
export { syncUnionSheet } from "./union-sheet/sync.ts";
export { eachLimited } from "./util/each-limited.ts";
export { parisTime } from "./util/paris-time.ts";
