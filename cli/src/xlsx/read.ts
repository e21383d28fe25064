// Reads an .xlsx file into a WorkbookGrid, refusing empty, foreign, truncated or oversized files in French before loading them.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookGrid } from "@barometre/shared";
import { UserError } from "../errors.ts";
import { sheetGrid } from "./read-grid.ts";
import { listZipEntries, verifyZipEntries, ZIP_LIMITS, ZipRefusal } from "./zip.ts";

const ZIP_MAGIC = Buffer.from("PK\u0003\u0004", "latin1");
/** The compound-file header of .xls files and of password-protected .xlsx files. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function readBytes(path: string, shown: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new UserError(`« ${shown} » est un dossier, pas un classeur .xlsx.`);
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Le fichier « ${shown} » est introuvable ou illisible.`);
  }
  if (size === 0) throw new UserError(`Le fichier « ${shown} » est vide.`);
  if (size > ZIP_LIMITS.maxUncompressedBytes) {
    throw new UserError(
      `Le fichier « ${shown} » est trop volumineux pour être un retour du Baromètre.`,
    );
  }
  try {
    // readFile opens the file read-only: the input is never written.
    return await readFile(path);
  } catch {
    throw new UserError(`Le fichier « ${shown} » ne peut pas être lu.`);
  }
}

function checkArchive(bytes: Buffer, shown: string): void {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new UserError(
      `Le fichier « ${shown} » est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : enregistrez-le au format .xlsx sans mot de passe.`,
    );
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new UserError(`Le fichier « ${shown} » n'est pas un classeur Excel (.xlsx).`);
  }
  try {
    const entries = listZipEntries(bytes);
    if (!entries.some((e) => e.name === "xl/workbook.xml")) {
      throw new ZipRefusal("c'est une archive zip, mais pas un classeur Excel (.xlsx)");
    }
    verifyZipEntries(bytes, entries);
  } catch (error) {
    if (error instanceof ZipRefusal) {
      throw new UserError(`Le fichier « ${shown} » ne peut pas être importé : ${error.message}.`);
    }
    throw error;
  }
}

/** The workbook at `path` as plain grids; `shown` is how the file is named in messages. */
export async function readWorkbookFile(
  path: string,
  shown = basename(path),
): Promise<WorkbookGrid> {
  const bytes = await readBytes(path, shown);
  checkArchive(bytes, shown);
  // exceljs is loaded on first use: commands that never read a workbook start without it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError(`Le classeur « ${shown} » est endommagé et ne peut pas être lu.`);
  }
  return { sheets: workbook.worksheets.map(sheetGrid) };
}
