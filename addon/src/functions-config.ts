// Where the Union's functions answer: one address, given to the build, which writes it both into the
// manifest's urlFetchWhitelist and into Code.js as BAROMETRE_FUNCTIONS_URL (see addon/build.ts).

/** Set by the first line of Code.js; null in a build made without an address. */
declare const BAROMETRE_FUNCTIONS_URL: string | null | undefined;

export const NOT_CONFIGURED =
  "L'adresse du service de l'Union n'est pas encore configurée dans ce module : prévenez l'Union.";

/** The base URL without its trailing slash, or null when the add-on was built without one. */
export function functionsBase(): string | null {
  const raw = typeof BAROMETRE_FUNCTIONS_URL === "string" ? BAROMETRE_FUNCTIONS_URL : "";
  const base = raw.trim().replace(/\/+$/, "");
  return base === "" ? null : base;
}
