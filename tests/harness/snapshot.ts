// Everything a harness document holds, as plain data: two snapshots are equal only if nothing changed.
import type { Book } from "./book.ts";

export function snapshot(book: Book): unknown {
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden,
      cells: book.hf.getSheetSerialized(s.id),
      frozenRows: s.frozenRows,
      columnWidths: [...s.columnWidths],
      attributes: [...s.attributes].map(([name, cells]) => [name, [...cells]]),
      merges: s.merges,
      protections: s.protections,
      conditionalRules: s.conditionalRules,
    })),
    names: [...book.names.values()],
  };
}
