// Reads the Union's structure list (code, name, territory, emails) from a CSV, checking every line in French.
import type { checkStructureEntry, StructureEntry } from "@barometre/functions/admin";
import { fold, matchOption, TERRITORIES } from "@barometre/shared";

/** RFC 4180 records: quoted cells may hold separators, quotes ("") and line breaks. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Accepted column titles, compared without case or accents. */
const COLUMNS = {
  code: ["code", "code structure", "structurecode"],
  name: ["name", "nom", "nom du pimms", "nom de la structure"],
  territory: ["territory", "territoire", "type de territoire"],
  emails: ["emails", "email", "courriels", "courriel", "adresses", "adresses autorisees"],
} as const;
type Column = keyof typeof COLUMNS;

export interface StructureRows {
  entries: StructureEntry[];
  /** One French sentence per problem, each naming its line. */
  problems: string[];
}

/** The rows of the file, each checked with the directory's own rules (passed in: they load zod). */
export function readStructureCsv(text: string, check: typeof checkStructureEntry): StructureRows {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  const rows = parseCsv(clean, firstLine.includes(";") ? ";" : ",");
  const header = (rows[0] ?? []).map((h) => fold(h));
  const index = {} as Record<Column, number>;
  const problems: string[] = [];
  for (const column of Object.keys(COLUMNS) as Column[]) {
    index[column] = header.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h));
    if (index[column] < 0)
      problems.push(
        `Ligne 1 : la colonne « ${COLUMNS[column][0]} » manque (en-têtes attendus : code, name, territory, emails).`,
      );
  }
  if (problems.length) return { entries: [], problems };

  const entries: StructureEntry[] = [];
  const lines = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === "")) return;
    const cell = (column: Column) => cells[index[column]] ?? "";
    const territory = cell("territory");
    const { entry, problems: wrong } = check({
      code: cell("code"),
      name: cell("name"),
      territory: matchOption(TERRITORIES, territory) ?? territory,
      emails: cell("emails")
        .split(/[\s,;|]+/)
        .filter(Boolean),
    });
    if (!entry) {
      for (const problem of wrong) problems.push(`Ligne ${line} : ${problem}`);
      return;
    }
    const seen = lines.get(entry.code);
    if (seen !== undefined) {
      problems.push(`Ligne ${line} : le code « ${entry.code} » figure déjà à la ligne ${seen}.`);
      return;
    }
    lines.set(entry.code, line);
    entries.push(entry);
  });
  return { entries, problems };
}
