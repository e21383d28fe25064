// The vocabulary of the schema: what a field, a section and a tab are, as plain data.

/** The field types of docs/domain.md. */
export type FieldType = "int" | "dec" | "eur" | "bool" | "date" | "text" | "enum" | "email";

export type SectionId =
  | "identification"
  | "governance"
  | "finance"
  | "social"
  | "activity"
  | "network";

/** One input of the return, as declared in the schema. */
export interface FieldSpec {
  readonly id: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** Inclusive bounds; `exclusiveMin` makes the lower bound strict (> instead of ≥). */
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  /** Amounts that may be negative (net result, association funds). */
  readonly signed?: boolean;
  /** Presences of the governance grid: an empty cell means "Non", never a missing value. */
  readonly emptyMeansNo?: boolean;
  /** Text compared and stored in capitals (structure codes). */
  readonly upperCase?: boolean;
  readonly pattern?: RegExp;
  readonly patternHint?: string;
  readonly options?: readonly string[];
  readonly unit?: string;
  /** One French sentence shown as the cell's input message and in the documentation. */
  readonly help: string;
  /** Other labels seen in legacy workbooks (docs/domain.md, legacy workbooks). */
  readonly synonyms?: readonly string[];
}

export interface SectionSpec {
  readonly id: SectionId;
  /** The tab name of the prepared workbook. */
  readonly tab: string;
  /** Tab names seen in legacy workbooks, the canonical one included. */
  readonly tabAliases: readonly string[];
  readonly fields: readonly FieldSpec[];
}

/** A field of the flattened schema, with everything an adapter needs to address it. */
export interface Field extends FieldSpec {
  readonly section: SectionId;
  /** Keys inside the section object: ["revenueTotal"] or ["caValidation", "date"]. */
  readonly path: readonly string[];
  /** Dotted key used in findings: "finance.revenueTotal", "governance.agCloture.date". */
  readonly key: string;
  /** Workbook-level defined name: "fld_finance_revenueTotal". */
  readonly name: string;
}
