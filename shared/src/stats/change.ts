// Year-on-year changes: a structure's indicator since its previous exercice, and the network median's.
import type { Indicators } from "../indicators/compute.ts";
import type { IndicatorKey } from "../indicators/definitions.ts";
import { type GroupStats, isSuppressed } from "./summary.ts";

/** Current minus previous value, in the indicator's own unit (a fraction for rates); null when either is missing. */
export function changeSince(
  current: Indicators,
  previous: Indicators | null,
  key: IndicatorKey,
): number | null {
  return changeBetween(current[key].value, previous?.[key].value ?? null);
}

/** changeSince from the two values already read. */
export function changeBetween(
  now: number | boolean | null,
  before: number | boolean | null,
): number | null {
  return typeof now === "number" && typeof before === "number" ? now - before : null;
}

/** Change of the network median between two campaigns; null when either is suppressed or absent. */
export function medianChange(current: GroupStats, previous: GroupStats | null): number | null {
  if (!previous || isSuppressed(current) || isSuppressed(previous)) return null;
  return current.median - previous.median;
}
