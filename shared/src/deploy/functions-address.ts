// The functions' address as the add-on build and the deploy checks take it: one https base, without its trailing slash.

/**
 * The base of `functionsUrl` ("https://europe-west9-<projet>.cloudfunctions.net"), or a French error.
 * Apps Script fetches only https URLs, and an add-on's manifest lists each URL it fetches in
 * urlFetchWhitelist as an https prefix ending with "/" (https://developers.google.com/apps-script/manifest/allowlist-url).
 */
export function functionsBaseOf(functionsUrl: string): string {
  const text = functionsUrl.trim();
  if (!/^https:\/\//i.test(text)) {
    throw new Error(
      `L'adresse des fonctions doit commencer par https:// (reçu : ${functionsUrl}).`,
    );
  }
  // No URL class here: the domain is bundled into Apps Script, which has none.
  const m = /^https:\/\/([a-z0-9.-]+(?::\d+)?)(\/[^?#\s]*)?$/i.exec(text);
  if (!m) {
    throw new Error(
      `L'adresse des fonctions doit être de la forme https://europe-west9-<projet>.cloudfunctions.net (reçu : ${functionsUrl}).`,
    );
  }
  return `https://${(m[1] as string).toLowerCase()}${(m[2] ?? "").replace(/\/+$/, "")}`;
}

/** The global of the built Code.js that holds the functions' base (written by addon/build.ts). */
export const FUNCTIONS_URL_GLOBAL = "BAROMETRE_FUNCTIONS_URL";

/** The address Firebase gives 2nd-generation HTTP functions of a project in a region (cloudfunctions.net form). */
export const functionsUrlOf = (projectId: string, region: string) =>
  `https://${region}-${projectId}.cloudfunctions.net`;
