// The campaign's comparison groups as the Union follows them: size groups and custom peer sets, computed from the
// latest revisions with the bands and choices the close uses, so the sheet shows before the close what it will give.
import {
  choiceInForce,
  type GroupIndex,
  indexPeerGroups,
  indexPopulation,
  indexSizeGroups,
  type Member,
  type PeerGroup,
  type PopulationIndex,
  type SizeBands,
  type SizeGroup,
} from "@barometre/shared";
import { memberOfRevision } from "../positioning/population-cache.ts";
import type { StoredPeers } from "../storage/peers.ts";
import type { StoredRevision } from "../storage/revisions.ts";

export interface CampaignGroups {
  members: Member[];
  index: PopulationIndex;
  sizeBands: Partial<SizeBands>;
  sizeGroups: SizeGroup[];
  /** Each structure's custom group, where its choice applies (choiceInForce, bands that exist). */
  peerGroups: Map<string, PeerGroup>;
  /** Each structure's latest decision, a dropped set or one that does not apply included. */
  decisions: ReadonlyMap<string, StoredPeers>;
  transparent: boolean;
}

export function campaignGroups(
  latest: readonly StoredRevision[],
  minGroupSize: number,
  sizeBands: Partial<SizeBands>,
  decisions: ReadonlyMap<string, StoredPeers>,
  transparent: boolean,
): CampaignGroups {
  const members = latest.map(memberOfRevision);
  const choices = new Map(
    [...decisions].flatMap(([code, d]) => (d.choice ? [[code, d.choice] as const] : [])),
  );
  return {
    members,
    index: indexPopulation(members, minGroupSize),
    sizeBands,
    sizeGroups: indexSizeGroups(members, sizeBands, minGroupSize),
    peerGroups: indexPeerGroups(members, choices, sizeBands, minGroupSize, transparent),
    decisions,
    transparent,
  };
}

/** Why a structure's kept choice gives it no group, in French, or null when it does (or it has none). */
export function unusedChoiceReason(groups: CampaignGroups, code: string): string | null {
  const decision = groups.decisions.get(code);
  if (!decision?.choice || groups.peerGroups.has(code)) return null;
  return choiceInForce(decision.choice, groups.transparent)
    ? "ne s'applique pas : une tranche choisie n'existe pas dans cette campagne"
    : "ne s'applique pas : des structures nommées ne comptent qu'en campagne transparente";
}

/** The statistics rows of the network tab beyond the network and territories: size groups, then custom sets. */
export function extraGroupRows(groups: CampaignGroups): [string, GroupIndex][] {
  const choosers = new Map<PeerGroup, string[]>();
  for (const [code, g] of groups.peerGroups) choosers.set(g, [...(choosers.get(g) ?? []), code]);
  return [
    ...groups.sizeGroups.map((g): [string, GroupIndex] => [`Tranche ${g.label}`, g.index]),
    ...[...choosers].map(([g, codes]): [string, GroupIndex] => [
      `Groupe ${g.label}, choisi par ${codes.length === 1 ? codes[0] : `${codes.length} structures`}`,
      g.index,
    ]),
  ];
}
