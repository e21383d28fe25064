// An indicator's distribution in the network and peer groups: the chart model, the figures in words, and small-group notices.
import { type IndicatorKey, indicator } from "../indicators/definitions.ts";
import { formatIndicatorValue } from "../indicators/display.ts";
import { type GroupStats, isSuppressed, type Summary } from "../stats/summary.ts";
import type { ChartModel, ChartRow, Fact } from "./types.ts";
import { count } from "./words.ts";

/** A group as a distribution sees it: the network or a territory. */
export interface GroupFigures {
  /** "Réseau" or the territory. */
  label: string;
  stats: GroupStats | null;
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

/** "minimum 0,12 ; 1er quartile 0,85 ; médiane 1,40 ; 3e quartile 2,10 ; maximum 4,02". */
export function fiveNumbers(key: IndicatorKey, s: Summary): string {
  const v = (x: number) => formatIndicatorValue(key, x);
  return `minimum ${v(s.min)} ; 1er quartile ${v(s.q1)} ; médiane ${v(s.median)} ; 3e quartile ${v(s.q3)} ; maximum ${v(s.max)}`;
}

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
      rows.push({ label, stats: g.stats });
      facts.push({
        label,
        value: `${fiveNumbers(key, g.stats)} ; moyenne ${formatIndicatorValue(key, g.stats.mean)}`,
      });
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
