// Status bands: the defaults of docs/domain.md, overridable per campaign, and the band of a value.
import {
  type Bands,
  type Comparison,
  INDICATORS,
  type IndicatorKey,
  indicator,
} from "./definitions.ts";

export type Status = "green" | "orange" | "red";

/** A campaign's bands: any indicator left out keeps its default. */
export type BandSettings = Partial<Record<IndicatorKey, Bands>>;

export const DEFAULT_BANDS: Readonly<Partial<Record<IndicatorKey, Bands>>> = Object.fromEntries(
  INDICATORS.filter((d) => d.bands).map((d) => [d.key, d.bands]),
);

export function bandsFor(key: IndicatorKey, settings: BandSettings = {}): Bands | null {
  return settings[key] ?? indicator(key).bands;
}

const passes = (value: number, op: Comparison, threshold: number) =>
  op === ">=" ? value >= threshold : value > threshold;

export function statusOf(bands: Bands | null, value: number | boolean | null): Status | null {
  if (bands === null || value === null) return null;
  if (bands.kind === "boolean") return value === true ? "green" : value === false ? "red" : null;
  if (typeof value !== "number") return null;
  if (passes(value, bands.green.op, bands.green.value)) return "green";
  if (passes(value, bands.orange.op, bands.orange.value)) return "orange";
  return "red";
}

export const STATUS_LABELS: Record<Status, string> = {
  green: "Vert",
  orange: "Orange",
  red: "Rouge",
};
