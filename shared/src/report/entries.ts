// One indicator of a structure's report: value and band in words, position, distribution chart, evolution and fiche.
import type { BandSettings } from "../indicators/bands.ts";
import { indicator } from "../indicators/definitions.ts";
import { formatIndicatorValue } from "../indicators/display.ts";
import type { GroupView, IndicatorPositioning } from "../positioning/index.ts";
import { formatNumber, formatPercent } from "../values/format.ts";
import { distribution, groupName, suppressedNotice } from "./distribution.ts";
import { trajectoryModel } from "./trajectory.ts";
import type { Fact, IndicatorEntry } from "./types.ts";
import { bandText, count, formatChange } from "./words.ts";

export interface EntryContext {
  year: number;
  bands?: BandSettings;
}

/** The verdict in words, with the percentile rank where it adds to it (not at the highest or lowest level, where ties make it misleading). */
function positionFact(g: GroupView): Fact | null {
  // Positionings frozen before verdicts existed have none.
  if (!g.verdict) return null;
  const { percentileRank } = g.position;
  const ranked = ["upperQuarter", "middleHalf", "lowerQuarter"].includes(g.verdict.kind);
  return {
    label: `Position dans le ${g.label === "Réseau" ? "réseau" : `groupe ${g.label}`}`,
    value:
      ranked && percentileRank !== null
        ? `${g.verdict.text} (rang centile ${formatNumber(percentileRank, 0)} sur 100)`
        : g.verdict.text,
  };
}

/** Share of Oui in a group for the Oui/Non indicator, or its suppression notice. */
function yesShareFacts(groups: readonly GroupView[]): { facts: Fact[]; notices: string[] } {
  const facts: Fact[] = [];
  const notices: string[] = [];
  for (const g of groups) {
    if (g.yesShare !== null)
      facts.push({
        label: `${groupName(g.label)} (${count(g.size, "structure")})`,
        value: `${formatPercent(g.yesShare)} de Oui`,
      });
    else if (g.suppressedSentence) notices.push(suppressedNotice(g.label, g.suppressedSentence));
  }
  return { facts, notices };
}

function evolution(p: IndicatorPositioning, year: number): string | null {
  const def = indicator(p.key);
  const before = year - 1;
  // A change of a change in points would only confuse: the #5 changes are themselves the evolution.
  if (def.unit === "points") return null;
  if (def.unit === "bool")
    return p.previousValue === null
      ? `Évolution depuis ${before} : pas de réponse ${before} connue pour votre structure.`
      : `Évolution depuis ${before} : ${formatIndicatorValue(p.key, p.previousValue)} en ${before}, ${formatIndicatorValue(p.key, p.value)} en ${year}.`;
  const mine =
    p.change !== null
      ? `${formatChange(def.unit, p.change)} pour votre structure (${formatIndicatorValue(p.key, p.previousValue)} en ${before})`
      : p.previousValue === null
        ? `pas de valeur ${before} pour votre structure`
        : `non calculable pour votre structure (${formatIndicatorValue(p.key, p.previousValue)} en ${before})`;
  const median =
    p.networkMedianChange !== null
      ? `${formatChange(def.unit, p.networkMedianChange)} pour la médiane du réseau`
      : "médiane du réseau de l'an dernier non disponible";
  return `Évolution depuis ${before} : ${mine} ; ${median}.`;
}

export function structureEntry(p: IndicatorPositioning, ctx: EntryContext): IndicatorEntry {
  const def = indicator(p.key);
  const valueText = formatIndicatorValue(p.key, p.value);
  const band = bandText(p.key, p.status, ctx.bands);
  // Positionings frozen before size groups existed have none.
  const groups = [
    p.network,
    ...(p.group ? [p.group] : []),
    ...(p.sizes ?? []),
    ...(p.custom ? [p.custom] : []),
  ];
  const facts: Fact[] = [
    {
      label: `Valeur ${ctx.year}`,
      value: p.reason ? `${valueText} : ${p.reason}` : valueText,
      status: p.status,
    },
  ];
  if (band) facts.push({ label: "Bande", value: band.text, status: band.status });
  if (band) facts.push({ label: "Seuils", value: band.thresholds });
  const positions = groups.map(positionFact).filter((f): f is Fact => f !== null);
  facts.push(...positions);
  let chart: IndicatorEntry["chart"] = null;
  let notices: string[];
  if (def.unit === "bool") {
    const shares = yesShareFacts(groups);
    facts.push(...shares.facts);
    notices = shares.notices;
  } else {
    const marker =
      typeof p.value === "number"
        ? { value: p.value, label: `Votre structure : ${valueText}` }
        : null;
    const d = distribution(p.key, groups, marker);
    facts.push(...d.facts);
    notices = d.notices;
    // The chart draws the network and the territory; the size groups and the custom peer set are given in
    // figures and words only, which keeps each report's images (and its rendering time at the close) as they were.
    chart =
      p.sizes?.length || p.custom
        ? distribution(p.key, p.group ? [p.network, p.group] : [p.network], marker).chart
        : d.chart;
    // The alt text also says what the marker means: the band and the position in each group.
    if (chart)
      chart.alt = [
        chart.alt,
        ...(band ? [`Bande : ${band.text}.`] : []),
        ...positions.map((f) => `${f.label} : ${f.value}.`),
      ].join(" ");
  }
  return {
    key: p.key,
    number: def.number,
    name: def.name,
    trajectory: trajectoryModel(p.key, p.trajectory ?? [], p.group?.label ?? null),
    valueText,
    reason: p.reason,
    band,
    facts,
    chart,
    notices,
    evolution: evolution(p, ctx.year),
    definition: def.definition,
    formulaInWords: def.formulaInWords,
  };
}
