// The validation finding of docs/domain.md: severity, field key, A1 cell and a French message.

export type Severity = "error" | "warning";

export interface Finding {
  severity: Severity;
  /** Dotted field key ("finance.chargesTotal"), or null for a finding about the workbook itself. */
  field: string | null;
  /** A1 reference with the sheet name quoted ("'Finances'!D12"), or null when the field was not found. */
  cell: string | null;
  message: string;
}

/** Where a field's value sits in a workbook, when the caller knows. */
export type CellLocator = (fieldKey: string) => string | null;

export const noCells: CellLocator = () => null;

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** Errors first, then warnings, each in schema order as produced. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
}
