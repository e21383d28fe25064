// Loads a network of returns for the benchmark: a JSON array of returns.
import { readFile } from "node:fs/promises";
import { coerceReturn, computeIndicators, type Member, type PimmsReturn } from "@barometre/shared";
import { UserError } from "./errors.ts";

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
  return data.map((item, i) => ({ source: `${path}#${i + 1}`, ret: coerceReturn(item).ret }));
}

export async function loadReturns(path: string): Promise<LoadedReturn[]> {
  return readJsonReturns(path);
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
