// The one rule by which the Baromètre compares e-mail addresses: tokens, the directory, the admins, report recipients.
//
// An address is compared by its canonical form: surrounding spaces removed, the ASCII letters A-Z lower-cased, and
// nothing else changed. Anything outside printable ASCII is refused rather than folded: Unicode case folding maps
// the Kelvin sign (U+212A) to "k" or "ß" to "ss", which would let one Google account take another's rights. The
// shape is zod's practical e-mail check (the one the directory always used): a local part of letters, digits and
// . _ ' + - (no leading, trailing or doubled dot), "@", dotted domain labels ending in 2 letters or more; at most
// 254 characters. So a canonical address never contains "/", and is always a valid Firestore document id.

import { asciiLowerCase } from "./ascii-case.ts";

const SHAPE = /^(?:[a-z0-9_'+-]+\.)*[a-z0-9_'+-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$/;

/** Longest address accepted (RFC 5321's path limit less its angle brackets). */
export const MAX_ADDRESS_LENGTH = 254;

/** The canonical form of an address, or null when the rule refuses it (see the file comment). */
export function canonicalAddress(raw: string): string | null {
  const trimmed = raw.replace(/^[ \t]+|[ \t]+$/g, "");
  if (trimmed.length > MAX_ADDRESS_LENGTH || !/^[\x21-\x7e]*$/.test(trimmed)) return null;
  const address = asciiLowerCase(trimmed);
  return SHAPE.test(address) ? address : null;
}
