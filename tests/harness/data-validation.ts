// Data validation of the harness: the builder the add-on calls and the rule it produces, kept for inspection.
import { asGas } from "./as-gas.ts";
import type { Book } from "./book.ts";

type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The DataValidationCriteria names Apps Script uses. */
export type Criteria =
  | "VALUE_IN_LIST"
  | "NUMBER_BETWEEN"
  | "NUMBER_GREATER_THAN"
  | "NUMBER_GREATER_THAN_OR_EQUAL_TO"
  | "NUMBER_LESS_THAN_OR_EQUAL_TO"
  | "DATE_IS_VALID_DATE"
  | "TEXT_IS_VALID_EMAIL"
  | "CUSTOM_FORMULA";

export class HarnessDataValidation
  implements Pick<GasValidation, "getCriteriaValues" | "getHelpText" | "getAllowInvalid">
{
  constructor(
    readonly criteria: Criteria,
    readonly values: readonly unknown[],
    readonly helpText: string,
    readonly allowInvalid: boolean,
  ) {}

  getCriteriaValues(): unknown[] {
    return [...this.values];
  }

  getHelpText(): string {
    return this.helpText;
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
}

type Used =
  | "requireValueInList"
  | "requireNumberBetween"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThanOrEqualTo"
  | "requireDate"
  | "requireTextIsEmail"
  | "requireFormulaSatisfied"
  | "setAllowInvalid"
  | "setHelpText"
  | "build";

export class HarnessDataValidationBuilder implements Pick<GasBuilder, Used> {
  private criteria: Criteria | null = null;
  private values: unknown[] = [];
  private helpText = "";
  private allowInvalid = true;

  constructor(private readonly book: Book) {}

  private set(method: string, criteria: Criteria, values: unknown[]): GasBuilder {
    this.book.calls.record("handle", `DataValidationBuilder.${method}`);
    this.criteria = criteria;
    this.values = values;
    return asGas(this);
  }

  requireValueInList(values: string[], showDropdown = true): GasBuilder {
    return this.set("requireValueInList", "VALUE_IN_LIST", [[...values], showDropdown]);
  }

  requireNumberBetween(start: number, end: number): GasBuilder {
    return this.set("requireNumberBetween", "NUMBER_BETWEEN", [start, end]);
  }

  requireNumberGreaterThan(n: number): GasBuilder {
    return this.set("requireNumberGreaterThan", "NUMBER_GREATER_THAN", [n]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): GasBuilder {
    return this.set("requireNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", [n]);
  }

  requireNumberLessThanOrEqualTo(n: number): GasBuilder {
    return this.set("requireNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", [n]);
  }

  requireDate(): GasBuilder {
    return this.set("requireDate", "DATE_IS_VALID_DATE", []);
  }

  requireTextIsEmail(): GasBuilder {
    return this.set("requireTextIsEmail", "TEXT_IS_VALID_EMAIL", []);
  }

  /** Sheets refuses a custom formula it cannot read; the harness parses it, so a malformed one fails the test. */
  requireFormulaSatisfied(formula: string): GasBuilder {
    const problem = this.book.formulaProblem(formula);
    if (problem) throw new Error(`Exception: Invalid custom formula ${formula}: ${problem}`);
    return this.set("requireFormulaSatisfied", "CUSTOM_FORMULA", [formula]);
  }

  setAllowInvalid(allowInvalid: boolean): GasBuilder {
    this.book.calls.record("handle", "DataValidationBuilder.setAllowInvalid");
    this.allowInvalid = allowInvalid;
    return asGas(this);
  }

  setHelpText(helpText: string): GasBuilder {
    this.book.calls.record("handle", "DataValidationBuilder.setHelpText");
    this.helpText = helpText;
    return asGas(this);
  }

  build(): GasValidation {
    this.book.calls.record("handle", "DataValidationBuilder.build");
    if (!this.criteria) throw new Error("Exception: A data validation rule needs a criterion.");
    return asGas(
      new HarnessDataValidation(this.criteria, this.values, this.helpText, this.allowInvalid),
    );
  }
}
