// An indicator's distribution in the network and peer groups: the chart model, the figures in words, and small-group notices.
import { type IndicatorKey, indicator } from "../indicators/definitions.ts";
import { formatIndicatorValue } from "../indicators/display.ts";
import type { ShownStats, ShownSummary } from "../stats/shown.ts";
import { type GroupStats, isSuppressed, type Summary } from "../stats/summary.ts";
import type { BoxStats, ChartModel, ChartRow, Fact } from "./types.ts";
import { count } from "./words.ts";

/** A group as a distribution sees it: the network or a territory. */
export interface GroupFigures {
  /** "Réseau" or the territory. */
  label: string;
  /** Full statistics in the Union's documents, shown ones (no extremes) in what structures receive. */
  stats: GroupStats | ShownStats | null;
  suppressedSentence: string | null;
}

export interface Distribution {
  chart: ChartModel | null;
  facts: Fact[];
  notices: string[];
}

const NETWORK = "Réseau";

/** "Réseau", "Groupe Urbain QPV". */
export const groupName = (label: string): string =>
  label === NETWORK ? NETWORK : `Groupe ${label}`;

/** "Groupe Rural — Moins de 5 structures (3) : statistiques non affichées pour préserver l'anonymat." */
export const suppressedNotice = (label: string, sentence: string): string =>
  `${groupName(label)} — ${sentence}`;

/** What the whiskers' ends are called. */
export const WHISKER_ENDS = {
  range: ["minimum", "maximum"],
  deciles: ["10e centile", "90e centile"],
} as const;

/** The box of full statistics (whiskers to the extremes) or of shown ones (whiskers to the 10th and 90th percentiles). */
export function boxOf(s: Summary | ShownSummary): BoxStats {
  const { q1, median, q3 } = s;
  if ("min" in s) return { q1, median, q3, whiskers: { low: s.min, high: s.max, ends: "range" } };
  return { q1, median, q3, whiskers: s.whiskers && { ...s.whiskers, ends: "deciles" } };
}

/** "minimum 0,12 ; 1er quartile 0,85 ; médiane 1,40 ; 3e quartile 2,10 ; maximum 4,02" (or the 10th and 90th percentiles). */
export function fiveNumbers(key: IndicatorKey, s: BoxStats): string {
  const v = (x: number) => formatIndicatorValue(key, x);
  const box = `1er quartile ${v(s.q1)} ; médiane ${v(s.median)} ; 3e quartile ${v(s.q3)}`;
  if (!s.whiskers) return box;
  const [low, high] = WHISKER_ENDS[s.whiskers.ends];
  return `${low} ${v(s.whiskers.low)} ; ${box} ; ${high} ${v(s.whiskers.high)}`;
}

/** "moyenne 1,52", or why it is not shown. */
const meanText = (key: IndicatorKey, mean: number | null): string =>
  mean === null
    ? "moyenne non affichée (secret statistique)"
    : `moyenne ${formatIndicatorValue(key, mean)}`;

/**
 * The distribution of one numeric indicator over the given groups: a chart row for each group with
 * statistics, a notice for each suppressed one, and the marker of the structure's value when given.
 */
export function distribution(
  key: IndicatorKey,
  groups: readonly GroupFigures[],
  marker: { value: number; label: string } | null,
): Distribution {
  const rows: ChartRow[] = [];
  const facts: Fact[] = [];
  const notices: string[] = [];
  const hidden: string[] = [];
  for (const g of groups) {
    if (g.stats && !isSuppressed(g.stats)) {
      const label = `${groupName(g.label)} (${count(g.stats.n, "structure")})`;
      const box = boxOf(g.stats);
      rows.push({ label, stats: box });
      facts.push({ label, value: `${fiveNumbers(key, box)} ; ${meanText(key, g.stats.mean)}` });
    } else if (g.suppressedSentence) {
      notices.push(suppressedNotice(g.label, g.suppressedSentence));
      hidden.push(`${groupName(g.label)} : statistiques non affichées (petit groupe).`);
    }
  }
  if (rows.length === 0) return { chart: null, facts, notices };
  const name = indicator(key).name;
  const title = `${name} : distribution ${marker ? "et position de votre structure" : "dans le réseau"}`;
  const alt = [
    `Graphique « ${name} ».`,
    ...rows.map((r) => `${r.label} : ${fiveNumbers(key, r.stats)}.`),
    ...(marker ? [`${marker.label}.`] : []),
    ...hidden,
  ].join(" ");
  return {
    chart: { id: key, unit: indicator(key).unit, title, rows, marker, alt },
    facts,
    notices,
  };
}
