// Utilities of the harness: digests as Apps Script's signed bytes, and formatDate in a time zone.
import { createHash } from "node:crypto";
import { asGas } from "./as-gas.ts";
import { wallClock } from "./sheet-dates.ts";

const DIGESTS = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};
const CHARSETS = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The SimpleDateFormat patterns the add-on uses; any other fails loudly. */
function format(date: Date, timeZone: string, pattern: string): string {
  const t = wallClock(date.getTime(), timeZone);
  const tokens: Record<string, string> = {
    yyyy: String(t.year),
    MM: pad(t.month),
    dd: pad(t.day),
    HH: pad(t.hour),
    mm: pad(t.minute),
    ss: pad(t.second),
  };
  const out = pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => tokens[token] as string);
  if (/[A-Za-z]/.test(out.replace(/T/g, ""))) {
    throw new Error(`The harness does not format the date pattern ${pattern}`);
  }
  return out;
}

export function utilities(): GoogleAppsScript.Utilities.Utilities {
  const service: Pick<
    GoogleAppsScript.Utilities.Utilities,
    "DigestAlgorithm" | "Charset" | "computeDigest" | "formatDate"
  > = {
    DigestAlgorithm: asGas(DIGESTS),
    Charset: asGas(CHARSETS),
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      if (typeof value !== "string") throw new Error("The harness digests strings only.");
      const encoding = charset === CHARSETS.US_ASCII ? "ascii" : "utf8";
      const bytes = createHash(algorithm as string)
        .update(value, encoding)
        .digest();
      return [...bytes].map((b) => (b > 127 ? b - 256 : b));
    },
    formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, pattern: string): string {
      return format(date as unknown as Date, timeZone, pattern);
    },
  };
  return asGas(service);
}
