// The one-page board summary (conseil d'administration, funders): each indicator's value, band, verdict against the peers, trend and network median in one table.
import type { BandSettings, Status } from "../indicators/bands.ts";
import { indicator } from "../indicators/definitions.ts";
import { formatIndicatorValue } from "../indicators/display.ts";
import type { IndicatorPositioning } from "../positioning/index.ts";
import { VERDICT_WORDS, type Verdict } from "../positioning/verdict.ts";
import { isSuppressed } from "../stats/summary.ts";
import { formatPercent } from "../values/format.ts";
import type { Layout, NamedTable, ReportInput } from "./types.ts";
import { bandText, count, formatChange, thresholdsText } from "./words.ts";

export const BOARD_HEAD = [
  "Indicateur",
  "Valeur",
  "Bande",
  "Position parmi vos pairs",
  "Tendance sur un an",
  "Médiane du réseau",
];

/** The trend since N-1 as an arrow and words, so the arrow is never read alone. */
function trend(p: IndicatorPositioning): string {
  const unit = indicator(p.key).unit;
  if (unit === "points") return "sans objet (c'est déjà une évolution)";
  if (unit === "bool")
    return p.previousValue === null
      ? "pas de réponse l'an dernier"
      : `${formatIndicatorValue(p.key, p.previousValue)} l'an dernier`;
  if (p.change === null) return "pas de valeur comparable l'an dernier";
  const text = formatChange(unit, p.change);
  if (!/[1-9]/.test(text)) return "→ stable";
  return p.change > 0 ? `↗ en hausse (${text})` : `↘ en baisse (${text})`;
}

function short(v: Verdict, where: string): string {
  if (v.kind === "notComparable") return v.text;
  const like = v.text.split(", comme ")[1];
  return `${VERDICT_WORDS[v.kind]}${where}${like ? ` (comme ${like})` : ""}`;
}

/**
 * The verdict against the peers (the custom set the structure chose, else its territory), or against the network,
 * named then, when that group holds too few values.
 */
function peers(p: IndicatorPositioning): string {
  const group = (p.custom ?? p.group)?.verdict;
  if (group && group.kind !== "notComparable") return short(group, "");
  const network = p.network.verdict;
  return network ? short(network, " du réseau") : "sans objet (Oui/Non)";
}

function networkMedian(p: IndicatorPositioning): string {
  const view = p.network;
  if (view.stats === null)
    return view.yesShare === null ? "masquée" : `${formatPercent(view.yesShare)} de Oui`;
  return isSuppressed(view.stats) ? "masquée" : formatIndicatorValue(p.key, view.stats.median);
}

function row(p: IndicatorPositioning, bands?: BandSettings): NamedTable["rows"][number] {
  const def = indicator(p.key);
  const band = bandText(p.key, p.status, bands);
  const value = formatIndicatorValue(p.key, p.value);
  const status: Status | null = band?.status ?? null;
  return {
    cells: [
      `${def.number}. ${def.name}`,
      value,
      // An indicator without bands has none to compute, whether its value is missing or not.
      band
        ? band.text
        : p.value === null && thresholdsText(p.key, bands) !== null
          ? "non calculable"
          : "sans bande",
      peers(p),
      trend(p),
      networkMedian(p),
    ],
    statuses: [null, status, status, null, null, null],
    highlight: false,
  };
}

/** The summary's layout: rendered alone as a one-page PDF. */
export function buildBoardSummary(input: ReportInput, headline: string): Layout {
  const { campaign, structure, positioning: p } = input;
  const year = campaign.year;
  const peer = p.indicators.find((i) => i.group)?.group ?? null;
  // The verdicts' group: the custom set when the structure chose one (its definition in short, and its size).
  const groups = [
    `réseau (${count(p.networkSize, "structure")})`,
    ...(p.peers
      ? [`le groupe ${p.peers.label}, ${count(p.peers.size, "structure")}`]
      : peer
        ? [`vos pairs du groupe ${peer.label} (${count(peer.size, "structure")})`]
        : []),
  ];
  const red = p.indicators.filter((i) => i.status === "red").length;
  return {
    title: `Baromètre des PIMMS ${year}`,
    subtitle: `Synthèse pour le conseil d'administration — ${structure.name}`,
    subject: `Baromètre des PIMMS ${year} : synthèse d'une page pour ${structure.name}`,
    fileStem: `barometre-${year}-${structure.code}-synthese`,
    header: [
      `Code structure : ${structure.code} · Type de territoire : ${structure.territory ?? "non renseigné"}`,
      `Comparaison avec le ${groups.join(" et ")}.${input.dataAt ? ` Données arrêtées le ${input.dataAt} (heure de Paris).` : ""}`,
    ],
    blocks: [
      { kind: "paragraph", text: headline, strong: red > 0 },
      {
        kind: "table",
        table: {
          caption: `Les indicateurs ${year} de ${structure.name}`,
          head: BOARD_HEAD,
          rows: p.indicators.map((i) => row(i, campaign.bands)),
        },
      },
      {
        kind: "paragraph",
        text: "Position parmi vos pairs : votre place dans votre groupe de comparaison (le réseau si le groupe est trop petit). Aucun minimum ni maximum de groupe n'est donné : chacun serait la valeur d'une structure. Le rapport complet, joint, donne les graphiques, les trajectoires et la définition de chaque indicateur.",
      },
    ],
  };
}
