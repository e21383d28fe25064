// What a message shown to a user must look like: a French sentence, with no leak of code or English runtime words.
import { expect } from "vitest";

/** Words and shapes that betray a program talking instead of the product: runtime values, errors, stack lines. */
const FOREIGN =
  /\b(?:undefined|NaN|Infinity|Error|TypeError|Cannot|Unexpected|Invalid|invalid|expected|Expected|received|Received|string|object|boolean|number|array)\b|\[object |\bat \S+ \(|node:|\{\s*"/;
const ACCENTED = /[àâçéèêëîïôûùüœ]/i;
const FRENCH_WORD =
  /(?:^|[\s'’(«])(?:le|la|les|l|un|une|des|du|de|d|est|n|doit|pas|au|aux|et|ou|à|en|ce|cette)(?=[\s'’)»,.:]|$)/i;

/**
 * A French sentence: an accented letter or a French function word, none of the foreign words. `null` is allowed
 * only when the message explains JSON to a program calling the API ("un nombre ou null").
 */
export function expectFrenchSentence(value: unknown, options: { jsonNull?: boolean } = {}): void {
  expect(typeof value, String(value)).toBe("string");
  const text = value as string;
  expect(text.trim().length, text).toBeGreaterThan(8);
  expect(ACCENTED.test(text) || FRENCH_WORD.test(text), `a French sentence: ${text}`).toBe(true);
  expect(text, "no runtime words").not.toMatch(FOREIGN);
  if (!options.jsonNull) expect(text, "no null").not.toMatch(/\bnull\b/);
}
