// Builds the add-on once per test file and opens fixtures in the Apps Script harness with it.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAddon } from "@barometre/addon/build";
import { GasRuntime, type RuntimeOptions } from "../../harness/gas-runtime.ts";
import { type FormulaResults, loadXlsx } from "../../harness/load-xlsx.ts";

export const FIXTURES = join(import.meta.dirname, "../../../testing/fixtures/legacy-2018");

/** The production-shaped manifest whitelists this; tests whitelist their local server instead. */
export const MANIFEST_FUNCTIONS_URL = "https://europe-west9-barometre-essai.cloudfunctions.net";

let built: Promise<string> | null = null;

/** addon/dist as `npm run addon:build` makes it, built into a temporary folder. */
export function builtAddon(): Promise<string> {
  built ??= mkdtemp(join(tmpdir(), "barometre-addon-")).then(async (outDir) => {
    await buildAddon({ functionsUrl: MANIFEST_FUNCTIONS_URL, outDir });
    return outDir;
  });
  return built;
}

export type SessionOptions = Partial<Omit<RuntimeOptions, "distDir">> & {
  formulaResults?: FormulaResults;
};

/** A spreadsheet opened from an .xlsx fixture, with the built add-on installed; the call log starts empty. */
export async function openWorkbook(
  path: string,
  options: SessionOptions = {},
): Promise<GasRuntime> {
  const rt = new GasRuntime({
    distDir: await builtAddon(),
    whitelist: options.whitelist ?? [],
    // Offline unless a test connects it: the shared build's address is a production-shaped one.
    functionsUrl: options.functionsUrl ?? null,
    identityToken:
      options.identityToken ??
      (() => {
        throw new Error("Exception: no identity token in this test");
      }),
    ...options,
  });
  await loadXlsx(rt.book, path, options.formulaResults);
  rt.book.calls.reset();
  return rt;
}

export const fixture = (name: string) => join(FIXTURES, name);
