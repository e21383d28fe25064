// The idempotency key of a send: a SHA-256 of the return's canonical JSON and of the revision it follows.
import type { PimmsReturn } from "@barometre/shared";

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

/** Identifies the content alone: equal to the last send's hash means nothing changed since. */
export const contentHash = (ret: PimmsReturn): string => sha256Hex(canonicalJson(ret));

/**
 * Retrying after a failure gives the same key (nothing new was recorded), so the server never stores a
 * send twice; the revision it follows is part of it, so going back to an earlier content after a later
 * revision is a new revision rather than an echo of the first one.
 */
export function idempotencyKey(ret: PimmsReturn, followsRevision: number | null): string {
  return `ret-${sha256Hex(canonicalJson({ return: ret, follows: followsRevision }))}`;
}
