// The document's last accepted send, kept in its document properties so every editor sees it.
import {
  type Finding,
  findField,
  formatDate,
  getValue,
  PARIS_TIME_ZONE,
  type PimmsReturn,
} from "@barometre/shared";
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
  /** The returnHash of what was sent (stored under this name in the document's properties). */
  contentHash: string;
  /** The fields the Union's answer warned about, each with its value then (JSON), so explanations follow them. */
  warned?: Record<string, string>;
}

/** A field's value in a return, null for an unknown path. */
export function fieldValue(ret: PimmsReturn, key: string): unknown {
  const f = findField(key);
  return f ? getValue(ret, f) : null;
}

export function warnedValues(
  ret: PimmsReturn,
  findings: readonly Finding[],
): Record<string, string> {
  return Object.fromEntries(
    findings.flatMap((f) =>
      f.severity === "warning" && f.field
        ? [[f.field, JSON.stringify(fieldValue(ret, f.field))]]
        : [],
    ),
  );
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

/** "12/04/2019 à 14:05": the Paris day and time, whatever the spreadsheet's time zone. */
export function parisWhen(at: Date): string {
  const day = Utilities.formatDate(at, PARIS_TIME_ZONE, "yyyy-MM-dd");
  return `${formatDate(day)} à ${Utilities.formatDate(at, PARIS_TIME_ZONE, "HH:mm")}`;
}

/** The send as the sidebar shows it, in Paris time. */
export function submissionView(s: StoredSubmission): SubmissionView {
  return {
    revision: s.revision,
    when: parisWhen(new Date(s.at)),
    who: s.who,
    structureCode: s.structureCode,
    year: s.year,
  };
}
