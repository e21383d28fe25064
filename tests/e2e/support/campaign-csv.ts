// Reads the campaign CSV back independently of the code that wrote it: French Excel cells to return values.
import { readFile } from "node:fs/promises";
import { parseCsv } from "@barometre/cli";
import type { Field, FieldValue } from "@barometre/shared";

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export async function readCampaignCsv(path: string): Promise<{ bom: boolean; table: CsvTable }> {
  const text = await readFile(path, "utf8");
  const bom = text.startsWith("\uFEFF");
  const lines = parseCsv(text.replace(/^\uFEFF/, "").replace(/\r\n$/, ""), ";");
  const [header = [], ...rows] = lines;
  return { bom, table: { header, rows } };
}

/** A decimal comma number, Oui/Non, a jj/mm/aaaa date, a text; empty is null. */
export function cellValue(field: Pick<Field, "type">, cell: string): FieldValue {
  if (cell === "") return null;
  switch (field.type) {
    case "bool":
      return cell === "Oui";
    case "date": {
      const [d, m, y] = cell.split("/");
      return `${y}-${m}-${d}`;
    }
    case "int":
    case "dec":
    case "eur":
      return Number(cell.replace(",", "."));
    default:
      return cell;
  }
}
