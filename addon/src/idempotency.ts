// The idempotency key of a send: a SHA-256 of the content's hash (return, explanations, attestation) and of the
// revision it follows.

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

function sha256Hex(text: string): string {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
    .map((b) => (b & 0xff).toString(16).padStart(2, "0"))
    .join("");
}

/** Identifies the content alone (return, explanations, attestation): equal to the last send's means nothing changed. */
export const contentHash = (content: unknown): string => sha256Hex(canonicalJson(content));

/**
 * Retrying after a failure gives the same key (nothing new was recorded), so the server never stores a
 * send twice; the revision it follows is part of it, so going back to an earlier content after a later
 * revision is a new revision rather than an echo of the first one.
 */
export function idempotencyKey(hash: string, followsRevision: number | null): string {
  return `ret-${sha256Hex(canonicalJson({ content: hash, follows: followsRevision }))}`;
}
