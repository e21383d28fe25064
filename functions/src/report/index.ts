// The report renderers of the functions: mails with inline PNG charts and a PDF, from the shared report documents.
export {
  boardSummaryPdf,
  type MailAttachment,
  type RenderedMail,
  renderLayout,
  renderNetworkSummary,
  renderReport,
} from "./render.ts";
