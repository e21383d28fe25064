// The document's last accepted send, kept in its document properties so every editor sees it.
import { formatDate, PARIS_TIME_ZONE } from "@barometre/shared";
import type { SubmissionView } from "./panel-types.ts";

const PROPERTY = "barometre.lastSubmission";

export interface StoredSubmission {
  revision: number;
  /** ISO instant of the answer. */
  at: string;
  who: string | null;
  structureCode: string;
  year: number;
  idempotencyKey: string;
  contentHash: string;
}

export function lastSubmission(): StoredSubmission | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(PROPERTY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as StoredSubmission;
    return typeof s.revision === "number" && typeof s.at === "string" ? s : null;
  } catch {
    return null;
  }
}

export function recordSubmission(s: StoredSubmission): void {
  PropertiesService.getDocumentProperties().setProperty(PROPERTY, JSON.stringify(s));
}

/** The send as the sidebar shows it: the Paris day and time, whatever the spreadsheet's time zone. */
export function submissionView(s: StoredSubmission): SubmissionView {
  const at = new Date(s.at);
  const day = Utilities.formatDate(at, PARIS_TIME_ZONE, "yyyy-MM-dd");
  return {
    revision: s.revision,
    when: `${formatDate(day)} à ${Utilities.formatDate(at, PARIS_TIME_ZONE, "HH:mm")}`,
    who: s.who,
    structureCode: s.structureCode,
    year: s.year,
  };
}
