// Where the Union's functions answer: a script property the Union sets once in the add-on's deployment.

/** Script property holding the functions' base URL, e.g. https://europe-west9-<projet>.cloudfunctions.net */
export const FUNCTIONS_URL_PROPERTY = "FUNCTIONS_BASE_URL";

export const NOT_CONFIGURED =
  "L'adresse du service de l'Union n'est pas encore configurée dans ce module : prévenez l'Union.";

/** The base URL without its trailing slash, or null when the Union has not set it. */
export function functionsBase(): string | null {
  const raw = PropertiesService.getScriptProperties().getProperty(FUNCTIONS_URL_PROPERTY);
  const base = raw?.trim().replace(/\/+$/, "") ?? "";
  return base === "" ? null : base;
}
