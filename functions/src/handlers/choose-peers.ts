// POST choosePeers: a director chooses the custom peer set of their structure for a campaign, before its close.
import {
  MAX_NAMED_PEERS,
  type PeerChoice,
  peerChoiceProblem,
  SIZE_DIMENSIONS,
  type SizeDimension,
} from "@barometre/shared";
import { z } from "zod";
import { requireRegisteredStructure } from "../http/access.ts";
import { parseWith } from "../http/envelope.ts";
import { type Handler, HttpError, requireMethod } from "../http/guard.ts";
import { readAuthenticatedJson } from "../http/incoming.ts";
import type { Deps } from "../runtime/deps.ts";
import { getCampaign, YEAR } from "../storage/campaigns.ts";
import { getStructure, STRUCTURE_CODE } from "../storage/directory.ts";
import { storePeers } from "../storage/peers.ts";

const BAND = z.int().min(0).max(50);

const CRITERIA = z.strictObject({
  territory: z.string().max(100).optional(),
  chargesBand: BAND.optional(),
  fteBand: BAND.optional(),
});

const NAMED = z.strictObject({ codes: z.array(STRUCTURE_CODE).max(MAX_NAMED_PEERS + 1) });

/** `peers: null` drops the custom set (no set for this campaign nor, until chosen again, the next ones). */
const PEERS_REQUEST = z.strictObject({
  structureCode: STRUCTURE_CODE,
  year: YEAR,
  peers: z.union([NAMED, CRITERIA]).nullable(),
});

/** The size bands a choice may name: the Union's, or the three terciles the close computes by default. */
const bandCounts = (bands: Partial<Record<SizeDimension, unknown[]>> | undefined) =>
  Object.fromEntries(SIZE_DIMENSIONS.map((d) => [d, bands?.[d]?.length ?? 3])) as Record<
    SizeDimension,
    number
  >;

export const choosePeersHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { db } = deps;
    const { who, body } = await readAuthenticatedJson(req, deps);
    const request = parseWith(PEERS_REQUEST, body);
    const { structureCode: code, year } = request;
    await requireRegisteredStructure(db, who, code);
    const campaign = await getCampaign(db, year);
    if (!campaign)
      throw new HttpError(
        404,
        `La campagne ${year} n'a pas été lancée par l'Union : rien n'a été enregistré.`,
      );
    if (campaign.state === "closed")
      throw new HttpError(
        409,
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
      if (problem) throw new HttpError(422, `${problem} Rien n'a été enregistré.`);
    }
    const stored = await storePeers(db, year, code, choice, who.email, deps.clock());
    res.status(200).json({
      structureCode: code,
      year,
      peers: stored.choice,
      chosenAt: stored.chosenAt.toDate().toISOString(),
    });
  };
