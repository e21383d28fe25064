// French wording shared by the report documents: lists, ordinals, counts, bands written in words, signed changes.
import { type BandSettings, bandsFor, STATUS_LABELS, type Status } from "../indicators/bands.ts";
import { type IndicatorKey, type IndicatorUnit, indicator } from "../indicators/definitions.ts";
import { formatUnitValue } from "../indicators/display.ts";
import { WHISKER_MIN_SIZE } from "../stats/shown.ts";
import { formatDate, formatPoints } from "../values/format.ts";
import { parisDay } from "../values/paris-day.ts";
import type { BandText } from "./types.ts";

/** "A", "A et B", "A, B et C". */
export function joinFr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** "1er", "2e", "3e". */
export const ordinal = (n: number): string => (n === 1 ? "1er" : `${n}e`);

/** "1 structure", "35 structures". */
export const count = (n: number, noun: string): string =>
  `${formatUnitValue("count", n)}\u00a0${n > 1 ? `${noun}s` : noun}`;

/** What each band means for the structure, so the colour name is never read alone. */
export const BAND_MEANING: Record<Status, string> = {
  red: "fragilité",
  orange: "à surveiller",
  green: "satisfaisant",
};

export const bandWords = (status: Status): string =>
  `${STATUS_LABELS[status]} (${BAND_MEANING[status]})`;

/** The thresholds of an indicator's bands in words ("vert ≥ 2,0 % ; orange ≥ 1,0 % ; rouge en dessous"), or null. */
export function thresholdsText(key: IndicatorKey, settings?: BandSettings): string | null {
  const bands = bandsFor(key, settings);
  if (bands === null) return null;
  if (bands.kind === "boolean") return "vert si Oui, rouge si Non";
  const unit = indicator(key).unit;
  const rule = (op: ">=" | ">", value: number) =>
    `${op === ">=" ? "≥" : ">"} ${formatUnitValue(unit, value)}`;
  return `vert ${rule(bands.green.op, bands.green.value)} ; orange ${rule(bands.orange.op, bands.orange.value)} ; rouge en dessous`;
}

export function bandText(
  key: IndicatorKey,
  status: Status | null,
  settings?: BandSettings,
): BandText | null {
  const thresholds = thresholdsText(key, settings);
  if (status === null || thresholds === null) return null;
  return { status, text: bandWords(status), thresholds };
}

/**
 * A signed change in the indicator's unit: rates (fractions) in percentage points, the others in
 * their own unit ("+3,8 pts", "-0,12", "+1,5 mois").
 */
export function formatChange(unit: IndicatorUnit, delta: number): string {
  if (unit === "percent") return formatPoints(delta * 100);
  if (unit === "points") return formatPoints(delta);
  const text = formatUnitValue(unit, delta);
  return text.startsWith("-") || !/[1-9]/.test(text) ? text : `+${text}`;
}

/** "12/04/2019" from an ISO date as written, or from an ISO timestamp as the day it was in Paris. */
export const dateText = (iso: string): string =>
  formatDate(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : parisDay(new Date(iso)));

/** How to read the charts and the statistics, in the reports and in the Union's summary. */
export const READING = {
  chart: (ends: "range" | "deciles"): string =>
    `Lecture des graphiques : le trait horizontal va ${
      ends === "range"
        ? "du minimum au maximum"
        : `du 10e au 90e centile (jamais jusqu'au minimum ni au maximum, qui seraient chacun la valeur d'une structure ; il n'est pas tracé pour un groupe de moins de ${WHISKER_MIN_SIZE} structures)`
    }, la boîte du 1er au 3e quartile et le trait vertical épais marque la médiane.`,
  marker: "Le losange et le trait pointillé marquent la valeur de votre structure.",
  /** The Union's summary has no structure of its own, hence no percentile rank: `ranks` false leaves them out. */
  quantiles: (ranks: boolean): string =>
    `Les quartiles et la médiane sont calculés comme la fonction QUARTILE.INCLURE d'Excel (interpolation linéaire)${
      ranks
        ? " ; le rang centile compte les structures de valeur inférieure plus la moitié des ex æquo, la vôtre comprise"
        : ""
    }.`,
  smallGroups: (min: number): string =>
    `Un groupe de moins de ${count(min, "structure")} n'affiche pas de statistiques, pour préserver l'anonymat.`,
};
