// Finds the .xlsx workbooks of a folder and reads a return from one file: shared by import and benchmark.
import { readdir, stat } from "node:fs/promises";
import { type ImportResult, importWorkbook } from "@barometre/shared";
import { UserError } from "../errors.ts";
import { readWorkbookFile } from "./read.ts";

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The .xlsx files of a folder, sorted by name; Excel's "~$" lock files and hidden files are not returns. */
export async function listWorkbooks(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new UserError(`Impossible de lire le dossier « ${folder} ».`);
  }
  const workbooks = names
    .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$") && !n.startsWith("."))
    .sort();
  if (workbooks.length === 0)
    throw new UserError(`Le dossier « ${folder} » ne contient aucun classeur .xlsx.`);
  return workbooks;
}

/** Reads one workbook file and imports it (legacy or prepared); UserError (exit 2) when it cannot be read. */
export async function importWorkbookFile(path: string): Promise<ImportResult> {
  return importWorkbook(await readWorkbookFile(path));
}
