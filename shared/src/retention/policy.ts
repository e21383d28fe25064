// The retention policy: each kind of data kept, how long by default and why, and the Union's settings checked.
import { plural } from "../values/format.ts";

/** The kinds of data the hourly upkeep purges once their retention has run out, in purge order. */
export const RETENTION_KINDS = [
  "returns",
  "answers",
  "mails",
  "reminders",
  "followups",
  "snapshots",
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Days kept, by kind. */
export type RetentionPolicy = Record<RetentionKind, number>;

/** What a retention is counted from. */
export type RetentionAnchor = "close" | "delivery";

export interface RetentionKindInfo {
  kind: RetentionKind;
  /** Its French name. */
  label: string;
  /** What it holds, in French. */
  holds: string;
  anchor: RetentionAnchor;
  defaultDays: number;
  /** The shortest retention the Union may set, and why (the campaign that follows still needs the data). */
  minimumDays: number;
  /** Why the default, in French: the register of processing (docs/rgpd.md) quotes it. */
  reason: string;
}

/** Days in `n` years, counted with leap years. */
export const years = (n: number): number => Math.round(n * 365.25);

/** Days in `n` months, a month being a twelfth of a year: 12 months are exactly `years(1)`, 6 months 183 days. */
export const months = (n: number): number => Math.round((n * 365.25) / 12);

/** How long a campaign lasts: one exercice, a year. */
export const CAMPAIGN_MAX_DAYS = years(1);

export const RETENTION: Record<RetentionKind, RetentionKindInfo> = {
  returns: {
    kind: "returns",
    label: "retours et révisions",
    holds:
      "chaque révision du retour d'une structure avec son attestation et ses explications, les examens de l'Union, sa dernière révision, son suivi de préparation, ses réponses aux envois, le groupe de pairs qu'elle a choisi, et l'instantané des indicateurs de la campagne",
    anchor: "close",
    defaultDays: years(10),
    minimumDays: CAMPAIGN_MAX_DAYS,
    reason:
      "les séries pluriannuelles du réseau et la justification des financements reçus : dix ans, comme les pièces comptables (art. L123-22 du Code de commerce)",
  },
  answers: {
    kind: "answers",
    label: "réponses aux envois (idempotence)",
    holds:
      "la première réponse donnée à chaque clé d'envoi, qui évite d'enregistrer deux fois un envoi rejoué",
    anchor: "close",
    defaultDays: 30,
    minimumDays: 0,
    reason:
      "elles ne servent que pendant la campagne ; un mois après la clôture laisse le temps d'une réouverture",
  },
  mails: {
    kind: "mails",
    label: "rapports et synthèses envoyés",
    holds:
      "les courriels des rapports aux structures et des synthèses du réseau, avec leurs pièces jointes PDF et leurs tentatives d'envoi",
    anchor: "delivery",
    defaultDays: months(3),
    minimumDays: 0,
    reason:
      "le destinataire garde le rapport reçu ; trois mois suffisent pour un renvoi ou une réclamation",
  },
  reminders: {
    kind: "reminders",
    label: "relances et avis",
    holds:
      "les relances aux structures sans retour, les demandes et réouvertures de l'Union adressées aux structures (l'examen lui-même reste avec le retour), les relevés de relances, les avis de révision et les avis d'adresses de destinataires écartées adressés à l'Union, avec leurs tentatives d'envoi",
    anchor: "delivery",
    defaultDays: 30,
    minimumDays: 0,
    reason: "ils ne servent qu'au suivi de la campagne en cours",
  },
  followups: {
    kind: "followups",
    label: "suivis des structures fragiles",
    holds:
      "la fiche d'accompagnement d'une structure en fragilité : indicateurs en bande rouge, état, notes de l'Union",
    anchor: "close",
    defaultDays: years(3),
    minimumDays: CAMPAIGN_MAX_DAYS,
    reason: "un accompagnement se suit sur les campagnes suivantes : trois exercices",
  },
  snapshots: {
    kind: "snapshots",
    label: "instantanés de campagne",
    holds:
      "le benchmark final d'une campagne close, ses lots de positionnements figés et l'état de sa population",
    anchor: "close",
    defaultDays: years(10),
    minimumDays: CAMPAIGN_MAX_DAYS,
    reason: "la référence publiée de la campagne, gardée aussi longtemps que les retours",
  },
};

export const DEFAULT_RETENTION: RetentionPolicy = Object.fromEntries(
  RETENTION_KINDS.map((k) => [k, RETENTION[k].defaultDays]),
) as RetentionPolicy;

/** From what a kind's retention is counted, in French. */
export const ANCHOR_WORDS: Record<RetentionAnchor, string> = {
  close: "après la clôture de la campagne",
  delivery: "après la remise du courriel, et au plus tôt après la clôture de la campagne",
};

/**
 * "10 ans", "18 mois", "90 jours": the shortest exact French wording of a number of days, in the units checkRetention
 * reads, so that what the Union typed is said back the same way (12 mois as « 1 an »). Under two months, in days.
 */
export function formatRetention(days: number): string {
  const inYears = Math.round(days / 365.25);
  if (days > 0 && years(inYears) === days) return plural(inYears, "an");
  const inMonths = Math.round((days * 12) / 365.25);
  if (inMonths >= 2 && months(inMonths) === days) return `${inMonths} mois`;
  return plural(days, "jour");
}

const UNITS: [RegExp, (n: number) => number][] = [
  [/^(j|jours?)$/, (n) => n],
  [/^(m|mois)$/, months],
  [/^(a|ans?)$/, years],
];

/** The units, as the refusals list them. */
const UNIT_WORDS = "j (jours), mois ou ans, par exemple 90j, 6mois ou 10ans";

export type RetentionCheck =
  | { ok: true; kind: RetentionKind; days: number }
  | { ok: false; error: string };

/** A retention the Union asks for ("mails", "90j"), checked: known kind, readable and long enough. */
export function checkRetention(kind: string, text: string): RetentionCheck {
  const info = RETENTION[kind as RetentionKind];
  if (!(RETENTION_KINDS as readonly string[]).includes(kind) || !info)
    return {
      ok: false,
      error: `Type de données inconnu : « ${kind} ». Types : ${RETENTION_KINDS.join(", ")}.`,
    };
  const m = /^\s*([-+]?\d+)\s*([a-z]*)\s*$/i.exec(text);
  const amount = Number(m?.[1]);
  // A bare number could be days, months or years; only zero is the same in every unit.
  if (m && !m[2] && amount !== 0)
    return {
      ok: false,
      error: `« ${kind} » : « ${text.trim()} » sans unité ; écrivez l'unité après le nombre : ${UNIT_WORDS}.`,
    };
  const unit = m ? UNITS.find(([re]) => re.test((m[2] || "j").toLowerCase())) : undefined;
  if (!m || !unit)
    return {
      ok: false,
      error: `« ${kind} » : durée illisible « ${text} » ; écrivez un nombre entier suivi de son unité : ${UNIT_WORDS}.`,
    };
  if (amount < 0)
    return {
      ok: false,
      error: `« ${kind} » : une durée de conservation ne peut pas être négative (« ${text} »).`,
    };
  const days = unit[1](amount);
  if (days > years(100))
    return { ok: false, error: `« ${kind} » : ${formatRetention(days)}, c'est plus de cent ans.` };
  if (days < info.minimumDays)
    return {
      ok: false,
      error: `« ${kind} » : ${formatRetention(days)}, c'est moins que la durée d'une campagne (un exercice, ${formatRetention(info.minimumDays)}) ; la campagne suivante a encore besoin de ces données : indiquez au moins ${formatRetention(info.minimumDays)}.`,
    };
  return { ok: true, kind: kind as RetentionKind, days };
}

/** A stored policy read with the defaults for the kinds the Union did not set. */
export function retentionPolicy(
  stored: Partial<Record<string, unknown>> | undefined,
): RetentionPolicy {
  const policy = { ...DEFAULT_RETENTION };
  for (const kind of RETENTION_KINDS) {
    const days = stored?.[kind];
    if (typeof days === "number" && Number.isInteger(days) && days >= RETENTION[kind].minimumDays)
      policy[kind] = days;
  }
  return policy;
}
