// The eight indicators of docs/domain.md (fifteen keys), each defined once: inputs, formula, bands and fiche.
import { MEETINGS, OFFICERS } from "../schema/index.ts";
import { add, c, div, type Expr, f, type Guard, mul, sub } from "./expr.ts";

export const INDICATOR_KEYS = [
  "governanceRegularity",
  "financialBalance",
  "monthsOfCharges",
  "trainingRate",
  "positiveExitRate",
  "reasonsPartnersShare",
  "reasonsNonPartnersShare",
  "reasonsDigitalShare",
  "reasonsPartnersChangePts",
  "reasonsNonPartnersChangePts",
  "reasonsDigitalChangePts",
  "dailyVisitorsPerFte",
  "dailyReasonsPerFte",
  "certificationInPlan",
  "eventParticipants",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** How a value is shown: a fraction as a percentage, a ratio, a count, percentage points, Oui/Non. */
export type IndicatorUnit = "percent" | "ratio" | "months" | "count" | "points" | "perFte" | "bool";

export type Comparison = ">=" | ">";

/** Status bands for a "higher is better" indicator: green above the first threshold, orange above the second. */
export interface NumericBands {
  kind: "numeric";
  green: { op: Comparison; value: number };
  orange: { op: Comparison; value: number };
}
/** Oui is green, Non is red. */
export interface BooleanBands {
  kind: "boolean";
}
export type Bands = NumericBands | BooleanBands;

export interface IndicatorDef {
  key: IndicatorKey;
  /** The number of the indicator in the Union's list (1 to 8, 2' for the months beside #2). */
  number: string;
  name: string;
  unit: IndicatorUnit;
  sense: "higher" | "neutral";
  guards: readonly Guard[];
  /** A numeric value, or the Oui/Non field an indicator simply reports. */
  value: Expr | { k: "bool"; key: string };
  bands: Bands | null;
  /** The indicator's fiche: what it means and how it is computed, in plain French. */
  definition: string;
  formulaInWords: string;
}

const FIN = "finance";
const ACT = "activity";
const SOC = "social";

const presences: Expr = MEETINGS.map(
  (m): Expr => ({
    k: "ifDate",
    key: `governance.${m.id}.date`,
    held: OFFICERS.map((o): Expr => ({ k: "yes", key: `governance.${m.id}.${o.id}` })).reduce(add),
    notHeld: c(0),
  }),
).reduce(add);

const EXITS = [
  "exitsDurableJob",
  "exitsTransitionJob",
  "exitsTraining",
  "exitsBusiness",
  "exitsJobSeeking",
  "exitsOther",
].map((id) => `${SOC}.${id}`);
const POSITIVE_EXITS = EXITS.slice(0, 4);

type Mix = "Partners" | "NonPartners" | "Digital";
const MIX: readonly { part: Mix; name: string }[] = [
  { part: "Partners", name: "motifs partenaires" },
  { part: "NonPartners", name: "motifs non partenaires" },
  { part: "Digital", name: "motifs espace numérique" },
];
const reasonsSum = (prefix: "reasons" | "prevReasons"): Expr =>
  add(
    add(f(`${ACT}.${prefix}Partners`), f(`${ACT}.${prefix}NonPartners`)),
    f(`${ACT}.${prefix}Digital`),
  );
const share = (prefix: "reasons" | "prevReasons", part: Mix): Expr =>
  div(f(`${ACT}.${prefix}${part}`), reasonsSum(prefix));
const mixGuards = (prefix: "reasons" | "prevReasons"): Guard[] => [
  ...MIX.map((m): Guard => ({ k: "filled", key: `${ACT}.${prefix}${m.part}` })),
  {
    k: "positive",
    expr: reasonsSum(prefix),
    reason:
      prefix === "reasons"
        ? "Aucun motif partenaire, non partenaire ou espace numérique déclaré"
        : "Aucun motif N-1 déclaré",
  },
];

const perFte = (numerator: string): { guards: Guard[]; value: Expr } => ({
  guards: [
    { k: "filled", key: numerator },
    { k: "filled", key: "identification.openingDays" },
    { k: "filled", key: `${SOC}.fteFrontDesk` },
    {
      k: "positive",
      expr: f("identification.openingDays"),
      reason: "Aucun jour d'ouverture déclaré : division impossible",
    },
    {
      k: "positive",
      expr: f(`${SOC}.fteFrontDesk`),
      reason: "ETP médiation postée nul ou négatif : division impossible",
    },
  ],
  value: div(div(f(numerator), f("identification.openingDays")), f(`${SOC}.fteFrontDesk`)),
});

const chargesPositive: Guard = {
  k: "positive",
  expr: f(`${FIN}.chargesTotal`),
  reason: "Total des charges nul ou négatif : division impossible",
};

export const INDICATORS: readonly IndicatorDef[] = [
  {
    key: "governanceRegularity",
    number: "1",
    name: "Régularité des instances",
    unit: "percent",
    sense: "higher",
    guards: [],
    value: div(presences, c(9)),
    bands: { kind: "numeric", green: { op: ">=", value: 1 }, orange: { op: ">=", value: 2 / 3 } },
    definition:
      "Mesure la présence du président, du trésorier et du secrétaire aux trois instances statutaires de l'année : CA de validation des comptes, AG de clôture et CA d'orientation.",
    formulaInWords:
      "Nombre de présences constatées divisé par 9 (3 instances × 3 membres du bureau) ; une instance qui ne s'est pas tenue compte comme 3 absences.",
  },
  {
    key: "financialBalance",
    number: "2",
    name: "Équilibre financier",
    unit: "ratio",
    sense: "higher",
    guards: [
      { k: "filled", key: `${FIN}.associationFunds` },
      { k: "filled", key: `${FIN}.chargesTotal` },
      chargesPositive,
    ],
    value: div(f(`${FIN}.associationFunds`), div(f(`${FIN}.chargesTotal`), c(4))),
    bands: { kind: "numeric", green: { op: ">", value: 1 }, orange: { op: ">", value: 0.5 } },
    definition:
      "Compare les fonds associatifs à un trimestre de charges : au-dessus de 1, l'association peut faire face à trois mois d'activité avec ses fonds propres.",
    formulaInWords:
      "Fonds associatifs au 31/12 divisés par le quart du total des charges ; l'équilibre est atteint au-dessus de 1.",
  },
  {
    key: "monthsOfCharges",
    number: "2'",
    name: "Mois de charges couverts",
    unit: "months",
    sense: "higher",
    guards: [
      { k: "filled", key: `${FIN}.associationFunds` },
      { k: "filled", key: `${FIN}.chargesTotal` },
      chargesPositive,
    ],
    value: div(mul(c(12), f(`${FIN}.associationFunds`)), f(`${FIN}.chargesTotal`)),
    bands: null,
    definition:
      "Traduit l'équilibre financier en durée : combien de mois de charges les fonds associatifs permettraient de couvrir.",
    formulaInWords: "12 × fonds associatifs au 31/12 ÷ total des charges.",
  },
  {
    key: "trainingRate",
    number: "3",
    name: "Taux de formation",
    unit: "percent",
    sense: "higher",
    guards: [
      { k: "filled", key: `${FIN}.trainingCosts` },
      { k: "filled", key: `${FIN}.grossPayroll` },
      {
        k: "positive",
        expr: f(`${FIN}.grossPayroll`),
        reason: "Masse salariale brute nulle ou négative : division impossible",
      },
    ],
    value: div(f(`${FIN}.trainingCosts`), f(`${FIN}.grossPayroll`)),
    bands: { kind: "numeric", green: { op: ">=", value: 0.02 }, orange: { op: ">=", value: 0.01 } },
    definition:
      "Mesure l'effort de formation des salariés, condition de la professionnalisation des médiateurs.",
    formulaInWords: "Frais de formation divisés par la masse salariale brute.",
  },
  {
    key: "positiveExitRate",
    number: "4",
    name: "Taux de sorties positives",
    unit: "percent",
    sense: "higher",
    guards: [
      { k: "anyFilled", keys: EXITS, reason: "Sorties de médiateurs non renseignées" },
      {
        k: "positive",
        expr: { k: "sum", keys: EXITS },
        reason: "Aucune sortie de médiateur sur l'exercice",
      },
    ],
    value: div({ k: "sum", keys: POSITIVE_EXITS }, { k: "sum", keys: EXITS }),
    bands: { kind: "numeric", green: { op: ">=", value: 0.6 }, orange: { op: ">=", value: 0.4 } },
    definition:
      "Part des médiateurs partis pendant l'exercice vers un emploi durable, un emploi de transition, une formation qualifiante ou une création d'entreprise : le PIMMS comme tremplin professionnel.",
    formulaInWords:
      "(Sorties vers un emploi durable + emploi de transition + formation qualifiante + création d'entreprise) ÷ toutes les sorties de médiateurs.",
  },
  ...MIX.map(
    (m): IndicatorDef => ({
      key: `reasons${m.part}Share` as IndicatorKey,
      number: "5",
      name: `Part des ${m.name}`,
      unit: "percent",
      sense: "neutral",
      guards: mixGuards("reasons"),
      value: share("reasons", m.part),
      bands: null,
      definition: `Répartition des motifs : part des ${m.name} parmi les motifs partenaires, non partenaires et espace numérique.`,
      formulaInWords: `Motifs ${m.name.replace("motifs ", "")} ÷ (motifs partenaires + non partenaires + espace numérique).`,
    }),
  ),
  ...MIX.map(
    (m): IndicatorDef => ({
      key: `reasons${m.part}ChangePts` as IndicatorKey,
      number: "5",
      name: `Évolution de la part des ${m.name}`,
      unit: "points",
      sense: "neutral",
      guards: [...mixGuards("reasons"), ...mixGuards("prevReasons")],
      value: mul(sub(share("reasons", m.part), share("prevReasons", m.part)), c(100)),
      bands: null,
      definition: `Variation, en points, de la part des ${m.name} entre l'exercice précédent et cet exercice.`,
      formulaInWords: `(Part des ${m.name} cette année − part N-1, calculée sur les motifs N-1) × 100.`,
    }),
  ),
  {
    key: "dailyVisitorsPerFte",
    number: "6",
    name: "Fréquentation journalière par ETP",
    unit: "perFte",
    sense: "neutral",
    ...perFte(`${ACT}.visitors`),
    bands: null,
    definition:
      "Nombre moyen de personnes accueillies par jour d'ouverture et par ETP de médiation postée.",
    formulaInWords: "Personnes accueillies ÷ jours d'ouverture au public ÷ ETP médiation postée.",
  },
  {
    key: "dailyReasonsPerFte",
    number: "6",
    name: "Motifs journaliers par ETP",
    unit: "perFte",
    sense: "neutral",
    ...perFte(`${ACT}.reasonsTotal`),
    bands: null,
    definition:
      "Nombre moyen de motifs traités par jour d'ouverture et par ETP de médiation postée.",
    formulaInWords: "Motifs traités ÷ jours d'ouverture au public ÷ ETP médiation postée.",
  },
  {
    key: "certificationInPlan",
    number: "7",
    name: "Certification dans le plan stratégique",
    unit: "bool",
    sense: "higher",
    guards: [{ k: "filled", key: "network.certificationInPlan" }],
    value: { k: "bool", key: "network.certificationInPlan" },
    bands: { kind: "boolean" },
    definition:
      "Indique si le volet certification réseau est intégré au plan d'action stratégique de l'association.",
    formulaInWords: "Oui ou Non, tel que déclaré dans l'onglet Réseau et communication.",
  },
  {
    key: "eventParticipants",
    number: "8",
    name: "Participants aux événements",
    unit: "count",
    sense: "higher",
    guards: [{ k: "filled", key: "network.eventParticipants" }],
    value: f("network.eventParticipants"),
    bands: null,
    definition: "Mesure la participation de la structure à la vie du réseau PIMMS.",
    formulaInWords: "Nombre de participants de la structure aux événements PIMMS de l'exercice.",
  },
];

export const NUMERIC_INDICATOR_KEYS: readonly IndicatorKey[] = INDICATORS.filter(
  (d) => d.unit !== "bool",
).map((d) => d.key);

const byKey = new Map(INDICATORS.map((d) => [d.key, d]));
export function indicator(key: IndicatorKey): IndicatorDef {
  return byKey.get(key) as IndicatorDef;
}
