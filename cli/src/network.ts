// Loads a network of returns for the benchmark: a JSON array of returns, or a folder of .xlsx returns.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { coerceReturn, computeIndicators, type Member, type PimmsReturn } from "@barometre/shared";
import { UserError } from "./errors.ts";
import { importWorkbookFile, isFolder, listWorkbooks } from "./xlsx/read-folder.ts";

export interface LoadedReturn {
  source: string;
  ret: PimmsReturn;
}

async function readJsonReturns(path: string): Promise<LoadedReturn[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UserError(`Impossible de lire le fichier « ${path} ».`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(`Le fichier « ${path} » n'est pas un JSON valide.`);
  }
  if (!Array.isArray(data))
    throw new UserError(`Le fichier « ${path} » doit contenir un tableau JSON de retours.`);
  return data.map((item, i) => {
    const source = `${path}#${i + 1}`;
    const { ret, findings } = coerceReturn(item);
    // A value of the wrong JSON type is left out: say so rather than lose it silently.
    for (const f of findings)
      process.stderr.write(`Attention : retour ${source} : ${f.message} Valeur ignorée.\n`);
    return { source, ret };
  });
}

/** Every readable workbook of the folder; an unreadable one is named on stderr and left out. */
async function readWorkbookReturns(folder: string): Promise<LoadedReturn[]> {
  const loaded: LoadedReturn[] = [];
  for (const name of await listWorkbooks(folder)) {
    const source = join(folder, name);
    try {
      loaded.push({ source, ret: (await importWorkbookFile(source)).ret });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      process.stderr.write(`Attention : ${error.message} Ce classeur est ignoré.\n`);
    }
  }
  return loaded;
}

export async function loadReturns(path: string): Promise<LoadedReturn[]> {
  return (await isFolder(path)) ? readWorkbookReturns(path) : readJsonReturns(path);
}

/** The benchmark population: one member per structure code (the last return wins, as a newer revision would). */
export function toMembers(loaded: readonly LoadedReturn[]): Member[] {
  const byCode = new Map<string, Member>();
  loaded.forEach(({ source, ret }) => {
    const code = ret.identification.structureCode;
    if (!code) throw new UserError(`Le retour ${source} n'a pas de code structure.`);
    if (byCode.has(code))
      process.stderr.write(
        `Attention : ${code} apparaît plusieurs fois ; le dernier retour est retenu.\n`,
      );
    byCode.set(code, {
      structureCode: code,
      territory: ret.identification.territory,
      indicators: computeIndicators(ret),
    });
  });
  return [...byCode.values()];
}
