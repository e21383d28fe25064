// The canonical JSON of a send and the two hashes of its content: the add-on's, from which its idempotency key
// derives, and the server's, stored beside each key so that a key reused for other content is refused.
import type { Attestation } from "../dialogue/index.ts";
import type { PimmsReturn } from "../schema/index.ts";

/** A SHA-256 as lowercase hex; each runtime brings its own (node:crypto, Apps Script's Utilities), the core has none. */
export type Sha256Hex = (text: string) => string;

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/** What a director sends beside the return: explanations of warnings and the attestation. */
export interface Signature {
  explanations: Record<string, string>;
  attestation: Attestation;
}

/** The content of a send as the add-on builds it: the return as read from the workbook, and its signature. */
export interface SendContent extends Signature {
  return: PimmsReturn;
}

/**
 * The add-on's hash of a send's content (its canonical JSON): equal to the last send's means nothing changed, and
 * the idempotency key derives from it.
 */
export const returnHash = (content: SendContent, sha256: Sha256Hex): string =>
  sha256(canonicalJson(content));

/**
 * The idempotency key of a send: retrying after a failure gives the same key (nothing new was recorded), so the
 * server never stores a send twice; the revision it follows is part of it, so going back to an earlier content
 * after a later revision is a new revision rather than an echo of the first one.
 */
export const sendKey = (hash: string, followsRevision: number | null, sha256: Sha256Hex): string =>
  `ret-${sha256(canonicalJson({ content: hash, follows: followsRevision }))}`;

/**
 * The server's hash of the content it received, stored as `contentHash` beside the idempotency key: the return
 * as coerceReturn rebuilds it (schema order, so plain JSON is canonical) then, when given, the explanations
 * (sorted by field) and the attestation. It differs from returnHash (the add-on's text of the same content) and
 * must not change: stored revisions and answers are compared with it.
 */
export function receivedContentHash(
  ret: PimmsReturn,
  signature: Signature | undefined,
  sha256: Sha256Hex,
): string {
  if (!signature) return sha256(JSON.stringify(ret));
  const explanations = Object.entries(signature.explanations).sort(([a], [b]) => (a < b ? -1 : 1));
  return sha256(
    JSON.stringify(ret) + JSON.stringify({ explanations, attestation: signature.attestation }),
  );
}
