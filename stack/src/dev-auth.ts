// A local stand-in for Google's token issuer: an RS256 key made at start, its certificates endpoint, and signed ID tokens.
import { createHash, randomUUID } from "node:crypto";
import type { Request, Response } from "express";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";

/** Google's issuer, as google-auth-library expects it. */
export const GOOGLE_ISSUER = "https://accounts.google.com";

export interface IdTokenOptions {
  /** The `aud` claim: the add-on's OAuth client id the functions accept. */
  audience: string;
  issuer?: string;
  emailVerified?: boolean;
  issuedAt?: Date;
  /** Default: one hour after issuedAt. */
  expiresAt?: Date;
  /** More claims, as Google adds with other scopes (name, picture…). */
  claims?: Record<string, unknown>;
}

export interface DevAuth {
  kid: string;
  /** `{ kid: PEM }`, the shape of Google's federated sign-on certificates. */
  certs: Record<string, string>;
  certsHandler(req: Request, res: Response): void;
  signIdToken(email: string, options: IdTokenOptions): Promise<string>;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Serves the certificates as Google serves its own: cacheable for an hour. */
const serveCerts =
  (certs: Record<string, string>): DevAuth["certsHandler"] =>
  (_req, res) => {
    res.set("Cache-Control", "public, max-age=3600").json(certs);
  };

/**
 * The issuer as another process trusts it: its certificates, not its key. For a functions server started in a
 * process of its own (the bench's new instances); it signs nothing.
 */
export function trustedDevAuth(issuer: Pick<DevAuth, "kid" | "certs">): DevAuth {
  return {
    kid: issuer.kid,
    certs: issuer.certs,
    certsHandler: serveCerts(issuer.certs),
    signIdToken: () =>
      Promise.reject(new Error("Ce processus ne connaît que les certificats de l'émetteur local.")),
  };
}

export async function createDevAuth(): Promise<DevAuth> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const certs = { [kid]: await exportSPKI(publicKey) };
  return {
    kid,
    certs,
    certsHandler: serveCerts(certs),
    signIdToken: (email, options) => {
      const issuedAt = options.issuedAt ?? new Date();
      const expiresAt = options.expiresAt ?? new Date(issuedAt.getTime() + 3_600_000);
      return new SignJWT({
        ...options.claims,
        email,
        email_verified: options.emailVerified ?? true,
      })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(options.issuer ?? GOOGLE_ISSUER)
        .setAudience(options.audience)
        .setSubject(createHash("sha256").update(email).digest("hex").slice(0, 21))
        .setIssuedAt(seconds(issuedAt))
        .setExpirationTime(seconds(expiresAt))
        .sign(privateKey);
    },
  };
}
