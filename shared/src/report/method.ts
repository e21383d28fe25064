// « Comment lire ce rapport »: the end section of a structure's report, with the campaign's response rate, each group's definition and size, the secrecy rules, the date of the data and every indicator's fiche.
import { INDICATORS } from "../indicators/definitions.ts";
import type { Positioning } from "../positioning/index.ts";
import { WHISKER_MIN_SIZE } from "../stats/shown.ts";
import { formatNumber, formatPercent } from "../values/format.ts";
import type { Fact, ReportInput } from "./types.ts";
import { count, READING } from "./words.ts";

/** What a size group or a custom set shows: the whiskers only from WHISKER_MIN_SIZE values, as every group. */
const NO_MEAN = `médiane, quartiles et, à partir de ${WHISKER_MIN_SIZE} valeurs, 10e et 90e centiles ; jamais de moyenne`;

export const METHOD_TITLE = "Comment lire ce rapport";

function responseRate(input: ReportInput, p: Positioning): string {
  const responses = input.campaign.responses;
  const received = responses?.received ?? p.networkSize;
  if (!responses || responses.expected <= 0)
    return `Taux de réponse : ${count(received, "structure")} ont transmis leur retour ${input.campaign.year}.`;
  return `Taux de réponse : ${formatNumber(received)} structures sur ${formatNumber(responses.expected)} de l'annuaire de l'Union ont transmis leur retour ${input.campaign.year} (${formatPercent(received / responses.expected)}).`;
}

function groups(p: Positioning): string[] {
  const peer = p.indicators.find((i) => i.group)?.group ?? null;
  return [
    `Réseau : toutes les structures qui ont transmis leur retour (${count(p.networkSize, "structure")}).`,
    ...(peer
      ? [
          `Groupe ${peer.label} : les structures du même type de territoire que la vôtre (${count(peer.size, "structure")}).`,
        ]
      : []),
    ...(p.indicators.find((i) => i.sizes?.length)?.sizes ?? []).map(
      (g) =>
        `Groupe ${g.label} : les structures de taille comparable à la vôtre, selon les tranches fixées par l'Union pour la campagne (${count(g.size, "structure")}) ; ${NO_MEAN}.`,
    ),
    ...(p.peers
      ? [
          `Groupe ${p.peers.label} : ${p.peers.definition} (${count(p.peers.size, "structure")}), choisi par votre structure pour la campagne ; ${NO_MEAN} ni de part de Oui, qui rapprochées de celles des autres groupes pourraient révéler celles d'un petit groupe.`,
        ]
      : []),
    "Pour chaque indicateur, seules les structures dont la valeur est calculable entrent dans les statistiques : leur nombre est donné à côté de chaque groupe.",
  ];
}

const VERDICTS =
  "Les positions sont dites en mots : « dans le quart le plus haut » (au-dessus du 3e quartile), « dans la moitié centrale » (du 1er au 3e quartile), « dans le quart le plus bas » (en dessous du 1er quartile). Une valeur égale à la plus haute (ou la plus basse) du groupe est dite « au niveau le plus haut » (ou « le plus bas »), avec le nombre de structures qui la partagent lorsqu'elles sont au moins trois. « Non comparable » dit pourquoi aucune position n'est donnée.";

/** Why a change may not be the difference of the two rounded values shown beside it. */
const CHANGES =
  "Les évolutions sur un an sont calculées sur les valeurs exactes, avant arrondi : elles peuvent différer d'une unité, au dernier chiffre, de la différence des deux valeurs arrondies affichées (par exemple 3,44 % − 2,86 % = +0,58 pts, affiché +0,6 pts à côté de 3,4 % et 2,9 %).";

function secrecy(min: number): string[] {
  return [
    READING.smallGroups(min),
    `Secret statistique : ce rapport ne donne ni le minimum ni le maximum d'un groupe, qui seraient chacun la valeur d'une structure. Les traits des graphiques vont du 10e au 90e centile, et ne sont tracés qu'à partir de ${formatNumber(WHISKER_MIN_SIZE)} structures. Une moyenne (ou une part de Oui) n'est pas affichée lorsque, rapprochée de celles des autres groupes publiés pour la campagne, elle permettrait de calculer celle d'un groupe de moins de ${count(min, "structure")} ; les médianes et les quartiles restent affichés.`,
  ];
}

/** The paragraphs of the section, then each indicator's definition and formula. */
export function methodSection(input: ReportInput): { paragraphs: string[]; fiches: Fact[] } {
  const p = input.positioning;
  const dated = input.dataAt
    ? `Données arrêtées le ${input.dataAt} (heure de Paris), à la clôture de la campagne ${input.campaign.year}.`
    : `Données de la campagne ${input.campaign.year}, arrêtées à sa clôture.`;
  return {
    paragraphs: [
      responseRate(input, p),
      ...groups(p),
      VERDICTS,
      READING.quantiles(true),
      CHANGES,
      ...secrecy(input.campaign.minGroupSize),
      dated,
    ],
    fiches: INDICATORS.map((d) => ({
      label: `${d.number}. ${d.name}`,
      value: `${d.definition} Calcul : ${d.formulaInWords}`,
    })),
  };
}
