// Conditional format rules of the harness: the "text equals" rules the add-on uses for status bands.
import { asGas } from "./as-gas.ts";
import type { Book, ConditionalRuleModel } from "./book.ts";
import { CountedBuilder } from "./counted-builder.ts";
import type { HarnessRange } from "./range.ts";

type GasRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export class HarnessConditionalFormatRule {
  constructor(readonly model: ConditionalRuleModel) {}
}

export class HarnessConditionalFormatRuleBuilder
  extends CountedBuilder<ConditionalRuleModel, GasRuleBuilder>
  implements
    Pick<
      GasRuleBuilder,
      "whenTextEqualTo" | "setBackground" | "setFontColor" | "setRanges" | "build"
    >
{
  constructor(book: Book) {
    super(book, "ConditionalFormatRuleBuilder", {
      ranges: [],
      textEqualTo: "",
      background: null,
      fontColor: null,
    });
  }

  whenTextEqualTo(text: string): GasRuleBuilder {
    return this.step("whenTextEqualTo", (m) => {
      m.textEqualTo = text;
    });
  }

  setBackground(color: string | null): GasRuleBuilder {
    return this.step("setBackground", (m) => {
      m.background = color;
    });
  }

  setFontColor(color: string | null): GasRuleBuilder {
    return this.step("setFontColor", (m) => {
      m.fontColor = color;
    });
  }

  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GasRuleBuilder {
    return this.step("setRanges", (m) => {
      m.ranges = ranges.map((r) => ({ ...(r as unknown as HarnessRange).rect }));
    });
  }

  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    this.book.calls.record("handle", "ConditionalFormatRuleBuilder.build");
    return asGas(new HarnessConditionalFormatRule({ ...this.model }));
  }
}
