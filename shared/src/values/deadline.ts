// Days left before a campaign's deadline, in French: « Date limite : 30/06/2019, dans 12 jours ».
import { formatDate, formatNumber } from "./format.ts";
import { isoToSerial } from "./parse.ts";

/** Calendar days from one "YYYY-MM-DD" day to another: positive when `to` comes later. */
export function daysBetween(from: string, to: string): number {
  return isoToSerial(to) - isoToSerial(from);
}

/** "dans 12 jours", "demain", "aujourd'hui", "passée hier", "passée depuis 3 jours". */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft > 1) return `dans ${formatNumber(daysLeft)} jours`;
  if (daysLeft === 1) return "demain";
  if (daysLeft === 0) return "aujourd'hui";
  if (daysLeft === -1) return "passée hier";
  return `passée depuis ${formatNumber(-daysLeft)} jours`;
}

/** « Date limite : 30/06/2019, dans 12 jours » (no final full stop: callers end the sentence). */
export function deadlineSentence(deadline: string, daysLeft: number): string {
  return `Date limite : ${formatDate(deadline)}, ${daysLeftWords(daysLeft)}`;
}
