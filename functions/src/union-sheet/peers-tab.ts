// The Union's Pairs tab: each structure's size bands, its custom peer set (how it is defined, its size) and the
// verdict of each indicator against the group it is compared with (its custom set, else its territory; the network,
// named, where that group holds too few values).
import {
  bandNames,
  groupsOf,
  INDICATORS,
  type IndicatorPositioning,
  isNamed,
  type Member,
  type PeerChoice,
  peerChoiceWords,
  positionStructure,
  SIZE_DIMENSIONS,
  VERDICT_WORDS,
} from "@barometre/shared";
import type { StoredRevision } from "../storage/revisions.ts";
import { parisTime } from "../util/paris-time.ts";
import { type CampaignGroups, unusedChoiceReason } from "./peer-groups.ts";
import { type Cell, nameOf, type SheetTab } from "./tables.ts";

/** Verdicts are words for the numeric indicators; the Oui/Non one has a share, not a place. */
const PLACED = INDICATORS.filter((d) => d.unit !== "bool");

/** The verdict against the peers, else against the network, named then (as the board summary gives it). */
function verdictWords(p: IndicatorPositioning | undefined): Cell {
  const peers = (p?.custom ?? p?.group)?.verdict;
  if (peers && peers.kind !== "notComparable") return VERDICT_WORDS[peers.kind];
  const network = p?.network.verdict;
  if (!network) return "";
  return network.kind === "notComparable"
    ? network.text
    : `${VERDICT_WORDS[network.kind]} du réseau`;
}

function sizeCells(member: Member, groups: CampaignGroups): Cell[] {
  const own = groupsOf(member, groups.sizeGroups);
  return SIZE_DIMENSIONS.flatMap((d): Cell[] => {
    const g = own.find((x) => x.dimension === d);
    if (g) return [g.label, g.index.size];
    return [groups.sizeBands[d] ? "taille non renseignée" : "pas de tranches", ""];
  });
}

/**
 * The choice in words, naming only structures still in the directory: an erased structure leaves no trace in the
 * sheet, even in another structure's set; the remark counts those no longer there.
 */
function definition(
  choice: PeerChoice,
  groups: CampaignGroups,
  directory: ReadonlyMap<string, string>,
): { words: string; gone: string | null } {
  const bands = bandNames(groups.sizeBands);
  if (!isNamed(choice)) return { words: peerChoiceWords(choice, bands), gone: null };
  const kept = choice.codes.filter((c) => directory.has(c));
  const gone = choice.codes.length - kept.length;
  return {
    words: peerChoiceWords({ codes: kept }, bands),
    gone: gone > 0 ? `${gone} structure(s) nommée(s) ne sont plus dans l'annuaire` : null,
  };
}

function row(
  member: Member,
  name: string,
  groups: CampaignGroups,
  directory: ReadonlyMap<string, string>,
): Cell[] {
  const code = member.structureCode;
  const decision = groups.decisions.get(code);
  const group = groups.peerGroups.get(code);
  const positioning = positionStructure(groups.index, member, undefined, {
    sizeGroups: groups.sizeGroups,
    ...(group ? { peers: group } : {}),
  });
  const choice = decision?.choice ?? null;
  const defined = choice ? definition(choice, groups, directory) : null;
  const kind = !choice ? "Non" : isNamed(choice) ? "Structures nommées" : "Critères";
  const compared = group ? "Pairs choisis" : (member.territory ?? "Réseau");
  return [
    code,
    name,
    member.territory ?? "",
    ...sizeCells(member, groups),
    kind,
    defined?.words ?? "",
    [unusedChoiceReason(groups, code), defined?.gone].filter(Boolean).join(" ; "),
    decision ? decision.year : "",
    decision ? `${decision.chosenBy}, le ${parisTime.format(decision.chosenAt.toDate())}` : "",
    group ? group.index.size : "",
    compared,
    ...PLACED.map((def) => {
      const p = positioning.indicators.find((i) => i.key === def.key);
      return verdictWords(p);
    }),
  ];
}

/** `latest` in the order of `groups.members`, for the names the directory lacks. */
export function peersTab(
  year: number,
  latest: readonly StoredRevision[],
  groups: CampaignGroups,
  names: ReadonlyMap<string, string>,
): SheetTab {
  const head = [
    "Code",
    "Structure",
    "Type de territoire",
    "Tranche de charges",
    "Structures de la tranche de charges",
    "Tranche d'effectif",
    "Structures de la tranche d'effectif",
    "Groupe de pairs choisi",
    "Définition du groupe choisi",
    "Remarque",
    "Choix fait pour la campagne",
    "Choix fait par (date et heure de Paris)",
    "Structures du groupe choisi",
    "Position comparée à",
    ...PLACED.map((d) => `Position ${d.number}. ${d.name}`),
  ];
  const rows = groups.members.map((m, i) =>
    row(m, nameOf(latest[i] as StoredRevision, names), groups, names),
  );
  return {
    kind: "peers",
    title: `Pairs ${year}`,
    formats: head.map(() => undefined),
    rows: [head, ...rows],
  };
}
