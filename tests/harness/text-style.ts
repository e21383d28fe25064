// Text styles of the harness: the builder SpreadsheetApp.newTextStyle() returns and the style it builds.
import { asGas } from "./as-gas.ts";
import type { Book } from "./book.ts";
import { CountedBuilder } from "./counted-builder.ts";

type GasTextStyle = GoogleAppsScript.Spreadsheet.TextStyle;
type GasTextStyleBuilder = GoogleAppsScript.Spreadsheet.TextStyleBuilder;

/** What a style sets; an attribute left null is not set, and setTextStyles keeps the cell's own. */
export interface TextStyleModel {
  bold: boolean | null;
  italic: boolean | null;
  fontSize: number | null;
  foregroundColor: string | null;
}

export class HarnessTextStyle
  implements Pick<GasTextStyle, "isBold" | "isItalic" | "getFontSize" | "getForegroundColor">
{
  constructor(readonly model: Readonly<TextStyleModel>) {}

  isBold(): boolean | null {
    return this.model.bold;
  }

  isItalic(): boolean | null {
    return this.model.italic;
  }

  getFontSize(): number | null {
    return this.model.fontSize;
  }

  getForegroundColor(): string | null {
    return this.model.foregroundColor;
  }
}

export class HarnessTextStyleBuilder
  extends CountedBuilder<TextStyleModel, GasTextStyleBuilder>
  implements
    Pick<
      GasTextStyleBuilder,
      "setBold" | "setItalic" | "setFontSize" | "setForegroundColor" | "build"
    >
{
  constructor(book: Book) {
    super(book, "TextStyleBuilder", {
      bold: null,
      italic: null,
      fontSize: null,
      foregroundColor: null,
    });
  }

  setBold(bold: boolean): GasTextStyleBuilder {
    return this.step("setBold", (m) => {
      m.bold = bold;
    });
  }

  setItalic(italic: boolean): GasTextStyleBuilder {
    return this.step("setItalic", (m) => {
      m.italic = italic;
    });
  }

  setFontSize(fontSize: number): GasTextStyleBuilder {
    return this.step("setFontSize", (m) => {
      m.fontSize = fontSize;
    });
  }

  setForegroundColor(cssString: string): GasTextStyleBuilder {
    return this.step("setForegroundColor", (m) => {
      m.foregroundColor = cssString;
    });
  }

  build(): GasTextStyle {
    this.book.calls.record("handle", "TextStyleBuilder.build");
    return asGas(new HarnessTextStyle({ ...this.model }));
  }
}
