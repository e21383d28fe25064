// Custom peer sets as stored: one choice per structure and campaign, kept for the next campaigns until changed.
import { type PeerChoice, TRAJECTORY_YEARS } from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
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
