// Prepares a copy of a workbook: the original tabs as loaded, the validated tabs added (or replaced in place) after them.
import { randomBytes } from "node:crypto";
import { readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import {
  buildWorkbookPlan,
  findPreparedTabs,
  type ImportResult,
  importWorkbook,
  type TabNames,
  type WorkbookPlan,
} from "@barometre/shared";
import ExcelJS, { type Worksheet } from "exceljs";
import { UserError } from "../errors.ts";
import { readWorkbookFile } from "./read.ts";
import { applyPlan } from "./write-plan.ts";

export interface Prepared {
  result: ImportResult;
  plan: WorkbookPlan;
  /** Names of the validated tabs as written. */
  names: TabNames;
  /** The user's own tabs, kept as they were. */
  originalTabs: string[];
  /** How many validated tabs replaced those of an earlier preparation. */
  replaced: number;
}

/** The same file, even through a link or another spelling of its path. */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    const real = await realpath(dirname(b)).catch(() => dirname(resolve(b)));
    return (await realpath(a).catch(() => resolve(a))) === join(real, basename(b));
  }
}

async function checkOutput(input: string, output: string): Promise<void> {
  if (extname(output).toLowerCase() !== ".xlsx") {
    throw new UserError(`Le fichier de sortie « ${output} » doit avoir l'extension .xlsx.`);
  }
  if (await sameFile(input, output)) {
    throw new UserError(
      "Le fichier de sortie doit être différent du classeur d'origine : celui-ci n'est jamais modifié.",
    );
  }
  const folder = await stat(dirname(resolve(output))).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new UserError(`Le dossier de « ${output} » n'existe pas.`);
  }
}

/** Writes through a temporary file so a failure never leaves a half-written workbook behind. */
async function writeAtomically(output: string, bytes: Uint8Array): Promise<void> {
  const temp = join(
    dirname(resolve(output)),
    `.${basename(output)}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, output);
  } catch {
    await rm(temp, { force: true });
    throw new UserError(`Impossible d'écrire le fichier « ${output} ».`);
  }
}

export async function prepareWorkbook(input: string, output: string): Promise<Prepared> {
  await checkOutput(input, output);
  const grid = await readWorkbookFile(input);
  const result = importWorkbook(grid);
  const prepared = findPreparedTabs(grid);
  const wb = new ExcelJS.Workbook();
  // The file was just read and checked by readWorkbookFile: loading it again gives the tabs to copy.
  await wb.xlsx.load((await readFile(input)) as unknown as ArrayBuffer);
  // The first validated tab of each kind is replaced in place; a duplicate stays, as the user's own tab.
  const replaced = new Map<string, Worksheet>();
  const kept = new Set(wb.worksheets.map((ws) => ws.name));
  const firsts = prepared.filter((t, i) => prepared.findIndex((o) => o.kind === t.kind) === i);
  for (const t of firsts) kept.delete(t.sheet);
  const plan = buildWorkbookPlan(result.ret, { occupied: [...kept] });
  for (const t of firsts) {
    const tab = plan.tabs.find((p) => p.kind === t.kind);
    const ws = wb.getWorksheet(t.sheet);
    if (tab && ws) replaced.set(tab.name, ws);
  }
  await applyPlan(wb, plan, replaced);
  await writeAtomically(output, new Uint8Array(await wb.xlsx.writeBuffer()));
  const names = Object.fromEntries(plan.tabs.map((t) => [t.kind, t.name])) as TabNames;
  return { result, plan, names, originalTabs: [...kept], replaced: replaced.size };
}
