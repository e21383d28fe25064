// The one typed configuration: region and function options in code, deployment values from Firebase params.
import { defineInt, defineSecret, defineString } from "firebase-functions/params";

/** 1 Mio: far above a return (about 5 ko), and the limit docs/api.md promises callers. */
export const MAX_BODY_BYTES = 1_048_576;

/** The add-on's UrlFetchApp waits up to 60 s; an answer within 20 s leaves it time to retry. */
export const REQUEST_DEADLINE_MS = 20_000;

/** Paris: functions next to the data (Firestore location europe-west9, see firebase.json). */
export const REGION = "europe-west9";

/**
 * Report batches of the campaign close run at most this many at once: so few instances render every report, each
 * a few hundred after its start (the bench's campaignClose2800 measures one instance's share).
 */
export const REPORT_BATCHES_AT_ONCE = 6;

/**
 * The add-on's OAuth client id, the `aud` of the ID tokens ScriptApp.getIdentityToken() issues; several ids
 * (a test deployment of the add-on, say) may be separated by commas. Set at deploy time, never in the repository.
 */
export const ADDON_OAUTH_CLIENT_ID = defineString("ADDON_OAUTH_CLIENT_ID", {
  description:
    "Identifiant du client OAuth du module complémentaire (audience acceptée des jetons d'identité), séparés par des virgules s'il y en a plusieurs",
});

export const MAIL_FROM = defineString("MAIL_FROM", {
  description:
    "Expéditeur des courriels du Baromètre, par exemple « Baromètre des PIMMS <barometre@pimms.fr> » (son domaine fait aussi les Message-ID)",
});

export const UNION_EMAILS = defineString("UNION_EMAILS", {
  description:
    "Adresses de l'Union qui reçoivent l'avis de chaque retour et la synthèse de clôture, séparées par des virgules",
});

export const UNION_SHEET_ID = defineString("UNION_SHEET_ID", {
  default: "",
  description:
    "Identifiant du Google Sheet consolidé de l'Union (partagé en édition avec le compte de service des fonctions) ; vide : pas de tableau consolidé",
});

export const PRIVACY_URL = defineString("PRIVACY_URL", {
  default: "",
  description:
    "Adresse https de la page de confidentialité publiée par l'Union (le texte de docs/rgpd.md), citée à la fin de chaque courriel aux structures ; vide : les courriels renvoient à l'Union",
});

export const SMTP_HOST = defineString("SMTP_HOST", {
  description: "Serveur SMTP d'envoi des courriels",
});

export const SMTP_PORT = defineInt("SMTP_PORT", {
  default: 587,
  description: "Port du serveur SMTP (465 : TLS direct ; 587 : STARTTLS)",
});

export const SMTP_USER = defineString("SMTP_USER", {
  description: "Identifiant SMTP",
});

/** The one secret: set with `firebase functions:secrets:set SMTP_PASSWORD`, never in a file. */
export const SMTP_PASSWORD = defineSecret("SMTP_PASSWORD");

/** Options of every HTTP function: public invoker because each request carries its own Google ID token. */
export const FUNCTION_OPTIONS = {
  region: REGION,
  invoker: "public",
  memory: "256MiB",
  timeoutSeconds: 60,
  maxInstances: 10,
} as const;

export interface MailSettings {
  /** The From of every mail. */
  from: string;
  /** The Union's addresses: revision notices and the network summary. */
  union: string[];
  /** The Union's privacy page, quoted at the end of every mail to a structure; null: none published. */
  privacyUrl: string | null;
}

/** PRIVACY_URL checked: empty for none, otherwise an https address (a mail must never point to a plain-http page). */
export function privacyUrlOf(raw: string): string | null {
  const url = raw.trim();
  if (url === "") return null;
  if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(url))
    throw new Error(`PRIVACY_URL is not an https address: ${url}`);
  return url;
}

export interface Config {
  /** Accepted token audiences. */
  audiences: string[];
  maxBodyBytes: number;
  /** A request not answered by then gets a 503 the caller may retry (well under the functions' timeout). */
  requestDeadlineMs: number;
  mail: MailSettings;
  /** The Union's consolidated Google Sheet, or null when the deployment has none. */
  unionSheetId: string | null;
  /** What healthz reports as the functions' version (see version.ts); absent: unknown. */
  version?: string;
}

const list = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function productionConfig(): Config {
  const audiences = list(ADDON_OAUTH_CLIENT_ID.value());
  if (audiences.length === 0) throw new Error("ADDON_OAUTH_CLIENT_ID is empty");
  const union = list(UNION_EMAILS.value());
  if (union.length === 0) throw new Error("UNION_EMAILS is empty");
  return {
    audiences,
    maxBodyBytes: MAX_BODY_BYTES,
    requestDeadlineMs: REQUEST_DEADLINE_MS,
    mail: { from: MAIL_FROM.value(), union, privacyUrl: privacyUrlOf(PRIVACY_URL.value()) },
    unionSheetId: UNION_SHEET_ID.value().trim() || null,
    // Replaced by its value when functions/scripts/build.ts bundles the functions.
    version: process.env.BAROMETRE_VERSION,
  };
}
