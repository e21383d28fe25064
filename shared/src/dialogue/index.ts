// The review dialogue's vocabulary: review states, attestation roles, explanations, and a revision's difference.

import type { Field, FieldValue } from "../schema/index.ts";
import { FIELDS, getValue } from "../schema/index.ts";
import type { PimmsReturn } from "../schema/return.ts";
import { formatDate, formatEur, formatNumber } from "../values/format.ts";

/** What the Union may decide about a revision; `reopened` lifts the lock an `accepted` put. */
export const REVIEW_STATES = ["accepted", "hasIssues", "rejected", "reopened"] as const;
export type ReviewDecision = (typeof REVIEW_STATES)[number];
export type ReviewState = "pending" | ReviewDecision;

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  pending: "en attente d'examen",
  accepted: "accepté",
  hasIssues: "à corriger",
  rejected: "rejeté",
  reopened: "rouvert",
};

/** The same states in a "Revue de l'Union" column (export, Suivi tab, status board), where a cell stays short. */
export const REVIEW_STATE_CELLS: Record<ReviewState, string> = {
  ...REVIEW_STATE_LABELS,
  pending: "en attente",
};

/** Who may vouch for a return's figures. */
export const ATTESTATION_ROLES = ["direction", "présidence", "trésorerie"] as const;
export type AttestationRole = (typeof ATTESTATION_ROLES)[number];

export interface Attestation {
  name: string;
  role: AttestationRole;
}

export const MAX_ATTESTATION_NAME = 120;

/** A director's explanation of one warning: at most this many characters. */
export const MAX_EXPLANATION = 1000;

/** The fields a director may explain: those carrying a warning (errors block the submission instead). */
export function explainableFields(
  findings: readonly { severity: string; field: string | null }[],
): Set<string> {
  return new Set(
    findings.flatMap((f) => (f.severity === "warning" && f.field !== null ? [f.field] : [])),
  );
}

/** One field's change between two revisions, both values as a person reads them. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** A field's value in fr-FR words: "1 024 140,50 €", "Oui", "12/04/2019", "vide". */
export function formatFieldValue(f: Pick<Field, "type">, value: FieldValue): string {
  if (value === null || value === "") return "vide";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "number") {
    if (f.type === "eur") return formatEur(value);
    return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  }
  return f.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/** Every field whose value differs from one revision to the next, in schema order. */
export function returnChanges(before: PimmsReturn, after: PimmsReturn): FieldChange[] {
  return FIELDS.flatMap((f) => {
    const a = getValue(before, f);
    const b = getValue(after, f);
    return a === b
      ? []
      : [
          {
            field: f.key,
            label: f.label,
            before: formatFieldValue(f, a),
            after: formatFieldValue(f, b),
          },
        ];
  });
}
