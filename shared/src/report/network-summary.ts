// The Union's network summary at campaign close: statistics per indicator, band counts and the fragile structures, named.
import { type BandSettings, bandsFor, type Status } from "../indicators/bands.ts";
import type { Indicators } from "../indicators/compute.ts";
import { INDICATORS, type IndicatorDef } from "../indicators/definitions.ts";
import { medianChange } from "../stats/change.ts";
import { type GroupIndex, indexPopulation, type PopulationIndex } from "../stats/population.ts";
import { isSuppressed, suppressionSentence } from "../stats/summary.ts";
import { formatNumber, formatPercent } from "../values/format.ts";
import { distribution, type GroupFigures, groupName, suppressedNotice } from "./distribution.ts";
import { sectionsOf } from "./sections.ts";
import type { EntryBody, Fact, PrintedDocument, SummaryItem } from "./types.ts";
import {
  BAND_MEANING,
  bandWords,
  count,
  formatChange,
  joinFr,
  READING,
  thresholdsText,
} from "./words.ts";

export interface NetworkStructure {
  code: string;
  name: string;
  territory: string | null;
  indicators: Indicators;
  /** The custom peer set the structure chose and that applied at the close (Positioning.peers). */
  peers?: { label: string; named: boolean; size: number };
}

export interface NetworkSummaryInput {
  campaign: { year: number; minGroupSize: number; bands?: BandSettings };
  structures: readonly NetworkStructure[];
  /** The previous campaign's population, for the change of each network median. */
  previousPopulation?: PopulationIndex | null;
}

/** One indicator across the network, with the structures in its red band. */
export interface NetworkEntry extends EntryBody {
  /** "PIMMS Rennes (PIMMS-RENNES)", sorted by name. */
  fragile: string[];
}

export interface NetworkSummaryDocument extends PrintedDocument<NetworkEntry> {
  kind: "network";
}

const STATUSES: readonly Status[] = ["red", "orange", "green"];

function groupsOf(index: PopulationIndex): { label: string; group: GroupIndex }[] {
  return [
    { label: "Réseau", group: index.network },
    ...[...index.groups].map(([label, group]) => ({ label, group })),
  ];
}

function numericFigures(def: IndicatorDef, index: PopulationIndex): GroupFigures[] {
  return groupsOf(index).map(({ label, group }) => {
    const stats = group.stats[def.key];
    return {
      label,
      stats,
      suppressedSentence: isSuppressed(stats)
        ? suppressionSentence(stats.n, index.minGroupSize)
        : null,
    };
  });
}

function yesShares(
  def: IndicatorDef,
  index: PopulationIndex,
): { facts: Fact[]; notices: string[] } {
  const facts: Fact[] = [];
  const notices: string[] = [];
  for (const { label, group } of groupsOf(index)) {
    const share = group.yesShare[def.key] ?? null;
    if (share !== null)
      facts.push({
        label: `${groupName(label)} (${count(group.size, "structure")})`,
        value: `${formatPercent(share)} de Oui`,
      });
    else {
      const answered = group.answered[def.key] ?? 0;
      notices.push(suppressedNotice(label, suppressionSentence(answered, index.minGroupSize)));
    }
  }
  return { facts, notices };
}

function bandFacts(def: IndicatorDef, input: NetworkSummaryInput): Fact[] {
  const thresholds = thresholdsText(def.key, input.campaign.bands);
  if (thresholds === null) return [];
  const all = input.structures;
  const tally = STATUSES.map(
    (s) =>
      `${bandWords(s)} : ${count(all.filter((x) => x.indicators[def.key].status === s).length, "structure")}`,
  );
  const missing = all.filter((x) => x.indicators[def.key].value === null).length;
  return [
    { label: "Seuils", value: thresholds },
    {
      label: "Répartition par bande",
      value: [...tally, `non calculable : ${count(missing, "structure")}`].join(" ; "),
    },
  ];
}

function entry(
  def: IndicatorDef,
  input: NetworkSummaryInput,
  index: PopulationIndex,
): NetworkEntry {
  const fragile = input.structures
    .filter((s) => s.indicators[def.key].status === "red")
    .map((s) => `${s.name} (${s.code})`)
    .sort((a, b) => a.localeCompare(b, "fr"));
  const facts = bandFacts(def, input);
  const body = { key: def.key, number: def.number, name: def.name, fragile };
  const fiche = { definition: def.definition, formulaInWords: def.formulaInWords };
  if (def.unit === "bool") {
    const shares = yesShares(def, index);
    return {
      ...body,
      ...fiche,
      facts: [...facts, ...shares.facts],
      chart: null,
      notices: shares.notices,
      evolution: null,
    };
  }
  const d = distribution(def.key, numericFigures(def, index), null);
  const previous = input.previousPopulation?.network.stats[def.key] ?? null;
  const change = medianChange(index.network.stats[def.key], previous);
  const since = `Évolution de la médiane du réseau depuis ${input.campaign.year - 1}`;
  return {
    ...body,
    ...fiche,
    facts: [...facts, ...d.facts],
    chart: d.chart,
    notices: d.notices,
    evolution:
      def.unit === "points"
        ? null
        : `${since} : ${change === null ? "non disponible" : formatChange(def.unit, change)}.`,
  };
}

/**
 * The custom peer sets chosen, counted and described: each set of criteria with its size and how many chose it;
 * the named sets (each its own) by number and range of sizes.
 */
function peerSetLines(structures: readonly NetworkStructure[]): string[] {
  const chosen = structures.flatMap((s) => (s.peers ? [s.peers] : []));
  if (!chosen.length) return ["Aucune structure n'a choisi de groupe de pairs pour la campagne."];
  const named = chosen.filter((p) => p.named);
  const criteria = new Map<string, { size: number; by: number }>();
  for (const p of chosen)
    if (!p.named) criteria.set(p.label, { size: p.size, by: (criteria.get(p.label)?.by ?? 0) + 1 });
  const sets = [...criteria]
    .sort(([a], [b]) => a.localeCompare(b, "fr"))
    .map(
      ([label, { size, by }]) =>
        `« ${label.replace(/^de pairs choisis \((.*)\)$/, "$1")} » (${count(size, "structure")}), choisi par ${count(by, "structure")}`,
    );
  const sizes = named.map((p) => p.size);
  const [low, high] = [Math.min(...sizes), Math.max(...sizes)];
  const byCriteria = chosen.length - named.length;
  const ways = [
    byCriteria ? `${formatNumber(byCriteria)} par critères` : "aucune par critères",
    named.length
      ? `${formatNumber(named.length)} en nommant des structures`
      : "aucune en nommant des structures",
  ];
  return [
    `${count(chosen.length, "structure")} sur ${formatNumber(structures.length)} ${chosen.length > 1 ? "ont" : "a"} choisi un groupe de pairs pour la campagne : ${ways.join(", ")}.`,
    ...(sets.length ? [`Groupes définis par critères : ${sets.join(" ; ")}.`] : []),
    ...(named.length
      ? [
          `Groupes de structures nommées : ${count(named.length, "groupe")} de ${low === high ? "" : `${formatNumber(low)} à `}${count(high, "structure")}.`,
        ]
      : []),
  ];
}

export function buildNetworkSummary(input: NetworkSummaryInput): NetworkSummaryDocument {
  const { campaign, structures } = input;
  const year = campaign.year;
  const index = indexPopulation(
    structures.map((s) => ({
      structureCode: s.code,
      territory: s.territory,
      indicators: s.indicators,
    })),
    campaign.minGroupSize,
  );
  const entries = INDICATORS.map((def) => entry(def, input, index));
  const items: SummaryItem[] = entries
    .filter((e) => bandsFor(e.key, campaign.bands) !== null)
    .map(
      (e): SummaryItem => ({
        key: e.key,
        status: e.fragile.length > 0 ? "red" : null,
        text:
          e.fragile.length > 0
            ? `${e.name} : ${count(e.fragile.length, "structure")} en bande rouge (${BAND_MEANING.red}) : ${joinFr(e.fragile)}.`
            : `${e.name} : aucune structure en bande rouge.`,
      }),
    )
    .sort((a, b) => Number(a.status === null) - Number(b.status === null));
  const fragileCount = structures.filter((s) =>
    INDICATORS.some((d) => s.indicators[d.key].status === "red"),
  ).length;
  const groups = [...index.groups].map(([label, g]) => `${label} : ${count(g.size, "structure")}`);
  return {
    kind: "network",
    year,
    title: `Baromètre des PIMMS ${year}`,
    subtitle: "Synthèse du réseau pour l'Union",
    subject: `Baromètre des PIMMS ${year} : synthèse du réseau (${count(structures.length, "structure")})`,
    fileStem: `barometre-${year}-synthese-reseau`,
    header: [
      `${count(structures.length, "structure")} dans la campagne ${year}${groups.length > 0 ? ` (${groups.join(" ; ")})` : ""}.`,
      ...peerSetLines(structures),
    ],
    summary: {
      headline:
        fragileCount > 0
          ? `${count(fragileCount, "structure")} sur ${formatNumber(structures.length)} en bande rouge (fragilité) sur au moins un indicateur. Par indicateur :`
          : "Aucune structure n'est en bande rouge (fragilité).",
      items,
    },
    sections: sectionsOf(entries),
    legend: { text: READING.chart("range"), marker: false, whiskers: "range" },
    notes: [
      "Document réservé à l'Union : il nomme les structures en bande rouge pour permettre leur accompagnement.",
      READING.quantiles(false),
      READING.smallGroups(campaign.minGroupSize),
    ],
  };
}
