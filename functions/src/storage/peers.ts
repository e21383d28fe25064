// Custom peer sets as stored, one choice per structure and campaign kept for the next campaigns until changed,
// and the checked choice the choosePeers function and barometre peers both make.
import {
  type PeerChoice,
  type PeersRequest,
  peerChoiceProblem,
  Refusal,
  SIZE_DIMENSIONS,
  type SizeDimension,
  TRAJECTORY_YEARS,
} from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { getCampaign } from "./campaigns.ts";
import { getStructure } from "./directory.ts";
import { peersCol, peersDoc } from "./paths.ts";
import { asStored } from "./stored.ts";

export interface StoredPeers {
  structureCode: string;
  year: number;
  /** Null: the director dropped the custom set (earlier campaigns' choices stop applying). */
  choice: PeerChoice | null;
  chosenBy: string;
  chosenAt: Timestamp;
}

/** Campaigns looked back on for a choice kept from an earlier one. */
const LOOK_BACK = TRAJECTORY_YEARS;

export async function storePeers(
  db: Firestore,
  year: number,
  code: string,
  choice: PeerChoice | null,
  by: string,
  now: Date,
): Promise<StoredPeers> {
  const stored: StoredPeers = {
    structureCode: code,
    year,
    choice,
    chosenBy: by,
    chosenAt: Timestamp.fromDate(now),
  };
  await peersDoc(db, year, code).set(stored);
  return stored;
}

const AS_PEERS = asStored<StoredPeers>();

/** The choice in force for a structure in a campaign: its own, else the latest earlier campaign's; null for none. */
export async function peersInForce(
  db: Firestore,
  year: number,
  code: string,
): Promise<StoredPeers | null> {
  for (let y = year; y > year - LOOK_BACK; y--) {
    const chosen = (await peersDoc(db, y, code).withConverter(AS_PEERS).get()).data();
    if (chosen) return chosen;
  }
  return null;
}

/** Every structure's latest decision for a campaign (its own or an earlier one's), a dropped set included. */
export async function allPeerDecisions(
  db: Firestore,
  year: number,
): Promise<Map<string, StoredPeers>> {
  const years = Array.from({ length: LOOK_BACK }, (_, k) => year - k);
  const snaps = await Promise.all(years.map((y) => peersCol(db, y).withConverter(AS_PEERS).get()));
  const decided = new Map<string, StoredPeers>();
  for (const snap of snaps)
    for (const d of snap.docs) {
      const p = d.data();
      if (!decided.has(p.structureCode)) decided.set(p.structureCode, p);
    }
  return decided;
}

/** Every structure's choice in force for a campaign (its close): one query per campaign looked back on. */
export async function allPeersInForce(
  db: Firestore,
  year: number,
): Promise<Map<string, PeerChoice>> {
  const decided = await allPeerDecisions(db, year);
  return new Map(
    [...decided].flatMap(([code, p]): [string, PeerChoice][] =>
      p.choice ? [[code, p.choice]] : [],
    ),
  );
}

/**
 * The choices that name a structure in their set, across campaigns. Read whole, not queried: the local emulator
 * cannot filter on a nested array, and a campaign holds one choice per structure at most.
 */
export async function peerSetsNaming(db: Firestore, code: string, years: readonly number[]) {
  const snaps = await Promise.all(years.map((y) => peersCol(db, y).withConverter(AS_PEERS).get()));
  return snaps.flatMap((snap) =>
    snap.docs.filter((d) => {
      const choice = d.data().choice;
      return choice !== null && "codes" in choice && choice.codes.includes(code);
    }),
  );
}

/** The size bands a choice may name: the Union's, or the three terciles the close computes by default. */
const bandCounts = (bands: Partial<Record<SizeDimension, unknown[]>> | undefined) =>
  Object.fromEntries(SIZE_DIMENSIONS.map((d) => [d, bands?.[d]?.length ?? 3])) as Record<
    SizeDimension,
    number
  >;

/**
 * Checks a structure's choice against its campaign and the directory, then stores it: refused as not found without
 * the campaign, as a conflict once it is closed, as invalid for a choice that cannot be kept; nothing is stored then. The caller has checked
 * that the structure is in the directory and that `by` may act for it.
 */
export async function choosePeers(
  db: Firestore,
  request: PeersRequest,
  by: string,
  now: Date,
): Promise<StoredPeers> {
  const { structureCode: code, year } = request;
  const campaign = await getCampaign(db, year);
  if (!campaign)
    throw new Refusal(
      "not-found",
      `La campagne ${year} n'a pas été lancée par l'Union : rien n'a été enregistré.`,
    );
  if (campaign.state === "closed")
    throw new Refusal(
      "conflict",
      `La campagne ${year} est close : son groupe de pairs ne peut plus changer. Rien n'a été enregistré.`,
    );
  const choice = request.peers as PeerChoice | null;
  if (choice) {
    const named = "codes" in choice ? [...new Set(choice.codes)] : [];
    const entries = await Promise.all(named.map((c) => getStructure(db, c)));
    const known = new Set(entries.flatMap((e) => (e ? [e.code] : [])));
    const problem = peerChoiceProblem(choice, {
      self: code,
      transparent: campaign.mode === "transparent",
      bandCounts: bandCounts(campaign.sizeBands),
      known: (c) => known.has(c),
    });
    if (problem) throw new Refusal("invalid", `${problem} Rien n'a été enregistré.`);
  }
  return storePeers(db, year, code, choice, by, now);
}
