// Who is calling: the Google ID token of the Authorization header, verified with google-auth-library.
import { canonicalAddress, formatRaw } from "@barometre/shared";
import { OAuth2Client } from "google-auth-library";
import { HttpError, type HttpRequest } from "./guard.ts";

export interface Identity {
  /** Verified by Google, in canonical form by the one address rule (shared/values/address.ts). */
  email: string;
}

/**
 * The clock skew google-auth-library allows on `iat` and `exp` (OAuth2Client.CLOCK_SKEW_SECS_, private): the same
 * is allowed on `nbf`, which the library does not check.
 */
export const CLOCK_SKEW_SECONDS = 300;

/** Turns a bearer token into the caller's identity, or refuses it with a 401. */
export type TokenVerifier = (token: string) => Promise<Identity>;

export interface VerifierOptions {
  /** Accepted `aud` values: the add-on's OAuth client id. */
  audiences: readonly string[];
  /** Where the signing certificates are published; Google's in production, a local endpoint in tests. */
  certsUrl?: string;
}

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="barometre"' };

const unauthorised = (why: string) =>
  new HttpError(
    401,
    `Identification refusée : ${why} Reconnectez-vous puis réessayez.`,
    undefined,
    CHALLENGE,
  );

/** google-auth-library's reasons, in words a director can act on. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/too late|expired/i.test(message)) return "le jeton d'identité a expiré.";
  if (/too early/i.test(message)) return "le jeton d'identité n'est pas encore valide.";
  if (/recipient|audience/i.test(message))
    return "le jeton d'identité n'est pas destiné au Baromètre.";
  if (/issuer/i.test(message)) return "le jeton d'identité n'a pas été émis par Google.";
  return "le jeton d'identité n'est pas valide.";
}

export function googleTokenVerifier(options: VerifierOptions): TokenVerifier {
  const client = new OAuth2Client(
    options.certsUrl ? { endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl } } : {},
  );
  const audiences = [...options.audiences];
  return async (token) => {
    // Certificates that cannot be fetched are an outage, not the caller's fault.
    // They are cached, so verifyIdToken below reuses them.
    await client.getFederatedSignonCertsAsync().catch(() => {
      throw new HttpError(
        503,
        "Les certificats de Google sont momentanément inaccessibles : réessayez dans quelques minutes.",
      );
    });
    let payload: { email?: string; email_verified?: boolean; nbf?: unknown } | undefined;
    try {
      payload = (await client.verifyIdToken({ idToken: token, audience: audiences })).getPayload();
    } catch (error) {
      throw unauthorised(reasonOf(error));
    }
    if (!payload?.email)
      throw unauthorised("le jeton d'identité ne porte pas d'adresse électronique.");
    if (payload.email_verified !== true)
      throw unauthorised("l'adresse électronique du compte Google n'est pas vérifiée.");
    const { nbf } = payload;
    const early = typeof nbf !== "number" || nbf - CLOCK_SKEW_SECONDS > Date.now() / 1000;
    if (nbf !== undefined && early)
      throw unauthorised("le jeton d'identité n'est pas encore valide.");
    const email = canonicalAddress(payload.email);
    // Authenticated, but no directory entry or admin can hold such an address: a refusal, not a reconnection.
    if (email === null)
      throw new HttpError(
        403,
        `L'adresse « ${formatRaw(payload.email)} » ne peut pas être autorisée : le Baromètre n'accepte que les adresses en caractères ASCII (lettres sans accent, chiffres, « . », « _ », « ' », « + », « - »). Contactez l'Union.`,
      );
    return { email };
  };
}

/** The bearer token of the request, or a 401 when it is missing or not a bearer token. */
export function bearerToken(req: HttpRequest): string {
  const header = req.headers.authorization;
  if (!header) throw unauthorised("aucun jeton d'identité n'accompagne la requête.");
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match?.[1]) throw unauthorised("l'en-tête Authorization doit être « Bearer <jeton> ».");
  return match[1];
}

export async function authenticate(req: HttpRequest, verify: TokenVerifier): Promise<Identity> {
  return verify(bearerToken(req));
}
