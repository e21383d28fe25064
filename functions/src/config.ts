// The one typed configuration: region and function options in code, deployment values from Firebase params.
import { defineString } from "firebase-functions/params";

/** 1 Mio: far above a return (about 5 ko), and the limit interfaces.md promises callers. */
export const MAX_BODY_BYTES = 1_048_576;

/** Paris: functions next to the data (Firestore location europe-west9, see firebase.json). */
export const REGION = "europe-west9";

/**
 * The add-on's OAuth client id, the `aud` of the ID tokens ScriptApp.getIdentityToken() issues; several ids
 * (a test deployment of the add-on, say) may be separated by commas. Set at deploy time, never in the repository.
 */
export const ADDON_OAUTH_CLIENT_ID = defineString("ADDON_OAUTH_CLIENT_ID", {
  description:
    "Identifiant du client OAuth du module complémentaire (audience acceptée des jetons d'identité), séparés par des virgules s'il y en a plusieurs",
});

/** Options of every HTTP function: public invoker because each request carries its own Google ID token. */
export const FUNCTION_OPTIONS = {
  region: REGION,
  invoker: "public",
  memory: "256MiB",
  timeoutSeconds: 60,
  maxInstances: 10,
} as const;

export interface Config {
  /** Accepted token audiences. */
  audiences: string[];
  maxBodyBytes: number;
}

export function productionConfig(): Config {
  const audiences = ADDON_OAUTH_CLIENT_ID.value()
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (audiences.length === 0) throw new Error("ADDON_OAUTH_CLIENT_ID is empty");
  return { audiences, maxBodyBytes: MAX_BODY_BYTES };
}
