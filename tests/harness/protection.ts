// Protection of the harness: a range's or a whole sheet's, warning-only or not, with the sheet's editable areas.
import type { Range0 } from "@barometre/shared";
import { asGas } from "./as-gas.ts";
import type { Book, ProtectionModel, SheetModel } from "./book.ts";
import type { HarnessRange } from "./range.ts";

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

export class HarnessProtection
  implements
    Pick<
      GasProtection,
      | "setDescription"
      | "getDescription"
      | "setWarningOnly"
      | "isWarningOnly"
      | "setUnprotectedRanges"
    >
{
  private constructor(
    private readonly book: Book,
    readonly model: ProtectionModel,
  ) {}

  /** A new protection of `range`, or of the whole sheet when it is null. */
  static add(book: Book, sheet: SheetModel, range: Range0 | null): HarnessProtection {
    const model: ProtectionModel = { range, description: "", warningOnly: false, unprotected: [] };
    sheet.protections.push(model);
    return new HarnessProtection(book, model);
  }

  /** Sheet.protect() returns the sheet's protection when it already has one. */
  static ofSheet(book: Book, sheet: SheetModel): HarnessProtection {
    const existing = sheet.protections.find((p) => p.range === null);
    return existing
      ? new HarnessProtection(book, existing)
      : HarnessProtection.add(book, sheet, null);
  }

  setDescription(description: string): GasProtection {
    this.book.calls.record("write", "Protection.setDescription");
    this.model.description = description;
    return asGas(this);
  }

  getDescription(): string {
    this.book.calls.record("meta", "Protection.getDescription");
    return this.model.description;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.book.calls.record("write", "Protection.setWarningOnly");
    this.model.warningOnly = warningOnly;
    return asGas(this);
  }

  isWarningOnly(): boolean {
    this.book.calls.record("meta", "Protection.isWarningOnly");
    return this.model.warningOnly;
  }

  /** Only a sheet's protection has unprotected areas, as in Sheets. */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GasProtection {
    this.book.calls.record("write", "Protection.setUnprotectedRanges");
    if (this.model.range !== null) {
      throw new Error("Exception: Unprotected ranges are only supported on protected sheets.");
    }
    this.model.unprotected = ranges.map((r) => ({ ...(r as unknown as HarnessRange).rect }));
    return asGas(this);
  }
}

/** Whether a user can type in the cell without being warned or stopped. */
export function isEditable(sheet: SheetModel, row: number, col: number): boolean {
  const inside = (r: Range0) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  return sheet.protections.every((p) =>
    p.range === null ? p.unprotected.some(inside) : !inside(p.range),
  );
}
