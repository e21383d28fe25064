export interface AddonBuildOptions {
  /**
   * https base of the Union's functions, e.g. https://europe-west9-<projet>.cloudfunctions.net; null builds
   * an add-on that prepares and verifies but says sending is not configured (no URL fetched at all).
   */
  functionsUrl: string | null;
  outDir?: string;
}
/** The global of Code.js holding the functions' base: functions-config.ts reads it. */
export declare const FUNCTIONS_URL_GLOBAL = "BAROMETRE_FUNCTIONS_URL";
export interface AddonBuild {
  outDir: string;
  /** The top-level functions of Code.js: triggers, menu items and google.script.run targets. */
  globals: string[];
}
export declare function buildAddon(options: AddonBuildOptions): Promise<AddonBuild>;
/** The environment variable `npm run addon:build` and `npm run deploy:addon` read the address from. */
export declare const URL_VARIABLE = "BAROMETRE_FUNCTIONS_URL";
