// Protection and named range of the harness: what the add-on sets on labels and input cells.
import type { Range0 } from "@barometre/shared";
import { asGas } from "./as-gas.ts";
import type { Book, ProtectionModel } from "./book.ts";

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

export class HarnessProtection
  implements
    Pick<GasProtection, "setDescription" | "getDescription" | "setWarningOnly" | "isWarningOnly">
{
  readonly model: ProtectionModel;

  constructor(
    private readonly book: Book,
    range: Range0,
  ) {
    this.model = { range, description: "", warningOnly: false };
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
}
