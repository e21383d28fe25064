// Conditional format rules of the harness: the "text equals" rules the add-on uses for status bands.
import { asGas } from "./as-gas.ts";
import type { Book, ConditionalRuleModel } from "./book.ts";
import type { HarnessRange } from "./range.ts";

type GasRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export class HarnessConditionalFormatRule {
  constructor(readonly model: ConditionalRuleModel) {}
}

export class HarnessConditionalFormatRuleBuilder
  implements
    Pick<
      GasRuleBuilder,
      "whenTextEqualTo" | "setBackground" | "setFontColor" | "setRanges" | "build"
    >
{
  private readonly model: ConditionalRuleModel = {
    ranges: [],
    textEqualTo: "",
    background: null,
    fontColor: null,
  };

  constructor(private readonly book: Book) {}

  private step(method: string, change: () => void): GasRuleBuilder {
    this.book.calls.record("handle", `ConditionalFormatRuleBuilder.${method}`);
    change();
    return asGas(this);
  }

  whenTextEqualTo(text: string): GasRuleBuilder {
    return this.step("whenTextEqualTo", () => {
      this.model.textEqualTo = text;
    });
  }

  setBackground(color: string | null): GasRuleBuilder {
    return this.step("setBackground", () => {
      this.model.background = color;
    });
  }

  setFontColor(color: string | null): GasRuleBuilder {
    return this.step("setFontColor", () => {
      this.model.fontColor = color;
    });
  }

  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GasRuleBuilder {
    return this.step("setRanges", () => {
      this.model.ranges = ranges.map((r) => ({ ...(r as unknown as HarnessRange).rect }));
    });
  }

  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    this.book.calls.record("handle", "ConditionalFormatRuleBuilder.build");
    return asGas(new HarnessConditionalFormatRule({ ...this.model }));
  }
}
