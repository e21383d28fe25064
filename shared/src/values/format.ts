// fr-FR display of numbers, amounts, rates and dates, identical in Node and in Apps Script (no Intl dependency).
import type { RawCell } from "./parse.ts";

/** fr-FR groups thousands with a narrow no-break space and writes the decimal mark as a comma. */
const GROUP = "\u202f";
const NBSP = "\u00a0";

export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "—" : value > 0 ? "∞" : "-∞";
  const abs = Math.abs(value);
  // toFixed switches to exponent notation from 1e21; such numbers are integers, so BigInt writes them out.
  const fixed =
    abs < 1e21
      ? abs.toFixed(decimals)
      : `${BigInt(abs)}${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}`;
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** A count and its noun: "0 erreur", "1 erreur", "1 200 erreurs" (French keeps the singular up to one). */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatNumber(n)} ${n > 1 ? many : one}`;

/** "1 024 140,50 €" */
export function formatEur(value: number, decimals = 2): string {
  return `${formatNumber(value, decimals)}${NBSP}€`;
}

/** A fraction as a percentage: 0.642 → "64,2 %". */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatNumber(fraction * 100, decimals)}${NBSP}%`;
}

/** A change in percentage points, always signed: "+3,8 pts". */
export function formatPoints(points: number, decimals = 1): string {
  const text = formatNumber(points, decimals);
  return `${text.startsWith("-") || Number(points.toFixed(decimals)) === 0 ? text : `+${text}`}${NBSP}pts`;
}

/** "2019-04-12" → "12/04/2019" */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** A raw cell quoted in a message, shortened so a huge cell cannot flood it. */
export function formatRaw(raw: RawCell): string {
  const text =
    raw instanceof Date
      ? Number.isNaN(raw.getTime())
        ? "date invalide"
        : raw.toISOString().slice(0, 10)
      : String(raw ?? "");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
