import { GasRuntime, type RuntimeOptions } from "../../harness/gas-runtime.ts";
import { type FormulaResults } from "../../harness/load-xlsx.ts";
export declare const FIXTURES: string;
/** The production-shaped manifest whitelists this; tests whitelist their local server instead. */
export declare const MANIFEST_FUNCTIONS_URL =
  "https://europe-west9-barometre-essai.cloudfunctions.net";
/** addon/dist as `npm run addon:build` makes it, built into a temporary folder. */
export declare function builtAddon(): Promise<string>;
export type SessionOptions = Partial<Omit<RuntimeOptions, "distDir">> & {
  formulaResults?: FormulaResults;
};
/** A spreadsheet opened from an .xlsx fixture, with the built add-on installed; the call log starts empty. */
export declare function openWorkbook(path: string, options?: SessionOptions): Promise<GasRuntime>;
export declare const fixture: (name: string) => string;
