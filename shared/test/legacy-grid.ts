// Small builders for legacy grids in tests, and accessors for what the reader made of them.
import {
  type Cell,
  type FieldValue,
  type Finding,
  field,
  getValue,
  type ImportResult,
  readLegacyWorkbook,
  type SheetGrid,
} from "../src/index.ts";

export function sheet(name: string, rows: Cell[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, rows, ...extra };
}

export function read(...sheets: SheetGrid[]): ImportResult {
  return readLegacyWorkbook({ sheets });
}

export function importedValue(result: ImportResult, key: string): FieldValue {
  return getValue(result.ret, field(key));
}

export function findingsOn(result: ImportResult, key: string | null): Finding[] {
  return result.findings.filter((f) => f.field === key);
}

/** The "Libellé non reconnu" warnings. */
export function unknownLabels(result: ImportResult): Finding[] {
  return result.findings.filter((f) => f.message.startsWith("Libellé non reconnu"));
}
