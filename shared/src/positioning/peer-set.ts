// Custom peer sets: a director's own comparison group for a campaign, by criteria (territory, size bands) or, in transparent mode, by naming structures.
import { TERRITORIES } from "../schema/sections.ts";
import { type GroupIndex, indexPopulation, type Member } from "../stats/population.ts";
import { bandLabel, SIZE_DIMENSIONS, type SizeBands, type SizeDimension } from "./size-groups.ts";

/** Criteria: the structures of a territory and/or size bands (indexes into the campaign's bands, from 0). */
export interface PeerCriteria {
  territory?: string;
  chargesBand?: number;
  fteBand?: number;
}

/** Named structures, besides the structure itself (transparent mode only). */
export interface NamedPeers {
  codes: string[];
}

export type PeerChoice = PeerCriteria | NamedPeers;

/** A set names at least this many other structures. */
export const MIN_NAMED_PEERS = 5;
/** And at most this many: beyond, criteria say it better. */
export const MAX_NAMED_PEERS = 200;

const BAND_FIELDS: Record<SizeDimension, "chargesBand" | "fteBand"> = {
  charges: "chargesBand",
  fte: "fteBand",
};

export const isNamed = (c: PeerChoice): c is NamedPeers => "codes" in c;

/** What a choice is checked against when it is made. */
export interface PeerChoiceContext {
  self: string;
  transparent: boolean;
  /** How many bands each dimension has in the campaign. */
  bandCounts: Record<SizeDimension, number>;
  /** Whether the Union's directory holds a code. */
  known: (code: string) => boolean;
}

/** Why a choice cannot be kept, in French, naming the field, or null. */
export function peerChoiceProblem(choice: PeerChoice, ctx: PeerChoiceContext): string | null {
  if (isNamed(choice)) {
    if (!ctx.transparent)
      return "Nommer des structures (« peers.codes ») n'est possible qu'en campagne transparente : choisissez plutôt un territoire ou une tranche de taille.";
    const others = [...new Set(choice.codes)].filter((c) => c !== ctx.self);
    if (others.length < MIN_NAMED_PEERS)
      return `Le groupe de pairs (« peers.codes ») doit nommer au moins ${MIN_NAMED_PEERS} autres structures (${others.length} nommée${others.length > 1 ? "s" : ""}).`;
    if (others.length > MAX_NAMED_PEERS)
      return `Le groupe de pairs (« peers.codes ») nomme au plus ${MAX_NAMED_PEERS} structures : au-delà, choisissez des critères.`;
    const unknown = others.find((c) => !ctx.known(c));
    if (unknown !== undefined)
      return `La structure « ${unknown.slice(0, 40)} » (« peers.codes ») n'est pas dans l'annuaire de l'Union.`;
    return null;
  }
  if (
    choice.territory === undefined &&
    choice.chargesBand === undefined &&
    choice.fteBand === undefined
  )
    return "Le groupe de pairs (« peers ») doit donner un territoire, une tranche de taille, ou des structures nommées.";
  if (
    choice.territory !== undefined &&
    !(TERRITORIES as readonly string[]).includes(choice.territory)
  )
    return `Le territoire (« peers.territory ») doit être l'un de : ${TERRITORIES.join(", ")}.`;
  for (const d of SIZE_DIMENSIONS) {
    const band = choice[BAND_FIELDS[d]];
    if (band !== undefined && !(band >= 0 && band < ctx.bandCounts[d]))
      return `La tranche (« peers.${BAND_FIELDS[d]} ») doit être un numéro de 0 à ${ctx.bandCounts[d] - 1}.`;
  }
  return null;
}

/** A structure's custom group at the close: its short label, its definition in words and its statistics. */
export interface PeerGroup {
  label: string;
  /** Named structures rather than criteria. */
  named: boolean;
  definition: string;
  index: GroupIndex;
}

/** The group a choice defines in the campaign, or null when its size bands no longer exist there. */
function defineGroup(
  self: string,
  choice: PeerChoice,
  bands: Partial<SizeBands>,
): { key: string; label: string; definition: string; test: (m: Member) => boolean } | null {
  if (isNamed(choice)) {
    const codes = new Set([...choice.codes, self]);
    return {
      key: `codes:${[...codes].sort().join(",")}`,
      label: `de pairs choisis (${codes.size - 1} structures nommées)`,
      definition: `votre structure et les ${codes.size - 1} structures que vous avez nommées : ${[...codes].filter((c) => c !== self).join(", ")}`,
      test: (m) => codes.has(m.structureCode),
    };
  }
  const parts: string[] = [];
  const tests: ((m: Member) => boolean)[] = [];
  if (choice.territory !== undefined) {
    const t = choice.territory;
    parts.push(t);
    tests.push((m) => m.territory === t);
  }
  for (const d of SIZE_DIMENSIONS) {
    const at = choice[BAND_FIELDS[d]];
    if (at === undefined) continue;
    const band = bands[d]?.[at];
    if (!band) return null;
    parts.push(bandLabel(d, band));
    tests.push((m) => {
      const v = m.size?.[d];
      return typeof v === "number" && v >= band.min && (band.max === null || v < band.max);
    });
  }
  return {
    key: `criteria:${parts.join(";")}`,
    label: `de pairs choisis (${parts.join(", ")})`,
    definition: `les structures qui répondent à vos critères (${parts.join(" ; ")})`,
    test: (m) => tests.every((t) => t(m)),
  };
}

/**
 * The choice that applies in a campaign: named structures only in a transparent one, where every structure's
 * figures are shown by name anyway (a set kept from a transparent campaign does not apply in an anonymous one,
 * where the quartiles of a few named structures would say too much about them).
 */
export const choiceInForce = (
  choice: PeerChoice | null,
  transparent: boolean,
): PeerChoice | null => (choice && isNamed(choice) && !transparent ? null : choice);

/**
 * Each structure's custom group among `members`, for those whose choice applies (choiceInForce). Structures with
 * the same criteria share one group, indexed once: a close of 2,800 structures indexes each distinct set once.
 */
export function indexPeerGroups(
  members: readonly Member[],
  choices: ReadonlyMap<string, PeerChoice>,
  bands: Partial<SizeBands>,
  minGroupSize: number,
  transparent: boolean,
): Map<string, PeerGroup> {
  const shared = new Map<string, PeerGroup>();
  const out = new Map<string, PeerGroup>();
  for (const [code, chosen] of choices) {
    const choice = choiceInForce(chosen, transparent);
    if (!choice) continue;
    const defined = defineGroup(code, choice, bands);
    if (!defined) continue;
    let group = shared.get(defined.key);
    if (!group) {
      const index = indexPopulation(members.filter(defined.test), minGroupSize).network;
      group = {
        label: defined.label,
        named: isNamed(choice),
        definition: defined.definition,
        index,
      };
      shared.set(defined.key, group);
    }
    out.set(code, group);
  }
  return out;
}

/** What campaignInfo tells the sidebar of a structure's custom peer set, and what it may choose. */
export interface PeersInfo {
  /** The choice in force, or null. */
  choice: PeerChoice | null;
  /** The campaign it was chosen for: this one, or an earlier one whose choice is kept. */
  chosenFor: number | null;
  /** Whether structures may be named (transparent campaign). */
  transparent: boolean;
  /** Each dimension's band names, in order: chargesBand and fteBand are their positions. */
  bands: Record<SizeDimension, string[]>;
  /** False once the campaign is closed. */
  open: boolean;
}

/** The campaign's band names, or the default terciles' when the Union set none. */
export function bandNames(bands: Partial<SizeBands> | undefined): Record<SizeDimension, string[]> {
  const terciles = ["1er tiers", "2e tiers", "3e tiers"];
  return Object.fromEntries(
    SIZE_DIMENSIONS.map((d) => [
      d,
      bands?.[d]?.map((b) => bandLabel(d, b)) ??
        terciles.map((t) => `${SHORT_DIMENSIONS[d]} : ${t} de l'an dernier`),
    ]),
  ) as Record<SizeDimension, string[]>;
}

const SHORT_DIMENSIONS: Record<SizeDimension, string> = { charges: "charges", fte: "effectif" };

/** A choice in words, for the sidebar: « Urbain QPV ; charges < 300 000 € », « 6 structures nommées : … ». */
export function peerChoiceWords(
  choice: PeerChoice,
  names: Record<SizeDimension, string[]>,
): string {
  if (isNamed(choice))
    return `${choice.codes.length} structures nommées : ${choice.codes.join(", ")}`;
  return [
    ...(choice.territory !== undefined ? [choice.territory] : []),
    ...SIZE_DIMENSIONS.flatMap((d) => {
      const at = choice[BAND_FIELDS[d]];
      return at === undefined ? [] : [names[d][at] ?? `${SHORT_DIMENSIONS[d]} n° ${at + 1}`];
    }),
  ].join(" ; ");
}
