// POST choosePeers: a director chooses the custom peer set of their structure for a campaign, before its close.
import {
  type ChoosePeersAnswer,
  PEERS_REQUEST,
  type PeerChoice,
  type PeersRequest,
  peerChoiceProblem,
  Refusal,
  SIZE_DIMENSIONS,
  type SizeDimension,
} from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { requireRegisteredStructure } from "../http/access.ts";
import { parseWith } from "../http/envelope.ts";
import { type Handler, requireMethod } from "../http/guard.ts";
import { readAuthenticatedJson } from "../http/incoming.ts";
import type { Deps } from "../runtime/deps.ts";
import { getCampaign } from "../storage/campaigns.ts";
import { getStructure } from "../storage/directory.ts";
import { type StoredPeers, storePeers } from "../storage/peers.ts";

/** The size bands a choice may name: the Union's, or the three terciles the close computes by default. */
const bandCounts = (bands: Partial<Record<SizeDimension, unknown[]>> | undefined) =>
  Object.fromEntries(SIZE_DIMENSIONS.map((d) => [d, bands?.[d]?.length ?? 3])) as Record<
    SizeDimension,
    number
  >;

/**
 * Checks a structure's choice against its campaign and the directory, then stores it: 404 without the campaign,
 * 409 once it is closed, 422 for a choice that cannot be kept; nothing is stored then. The caller has checked
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

export const choosePeersHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { db } = deps;
    const { who, body } = await readAuthenticatedJson(req, deps);
    const request = parseWith(PEERS_REQUEST, body);
    await requireRegisteredStructure(db, who, request.structureCode);
    const stored = await choosePeers(db, request, who.email, deps.clock());
    const answer: ChoosePeersAnswer = {
      structureCode: stored.structureCode,
      year: stored.year,
      peers: stored.choice,
      chosenAt: stored.chosenAt.toDate().toISOString(),
    };
    res.status(200).json(answer);
  };
