// The content hash and idempotency key of a send (shared/src/api/content-hash.ts), with Apps Script's SHA-256.
import { returnHash as hashOf, type SendContent, sendKey } from "@barometre/shared";

function sha256Hex(text: string): string {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
    .map((b) => (b & 0xff).toString(16).padStart(2, "0"))
    .join("");
}

/** Identifies the content alone (return, explanations, attestation): equal to the last send's means nothing changed. */
export const returnHash = (content: SendContent): string => hashOf(content, sha256Hex);

/** The same content after the same revision always gives the same key (see sendKey). */
export const idempotencyKey = (hash: string, followsRevision: number | null): string =>
  sendKey(hash, followsRevision, sha256Hex);
