// GET campaignInfo: what a director's add-on shows of a campaign: open or closed, its deadline and the days left.
import {
  bandNames,
  choiceInForce,
  daysBetween,
  type LastNetwork,
  lastNetworkOf,
  type PeersInfo,
} from "@barometre/shared";
import { type Handler, HttpError } from "../http/guard.ts";
import type { Deps } from "../runtime/deps.ts";
import { acceptsReturns, getCampaign, parisDay } from "../storage/campaigns.ts";
import { peersInForce } from "../storage/peers.ts";
import { readStructureQuery } from "./structure-query.ts";

export interface CampaignInfo {
  year: number;
  state: "open" | "closed";
  /** "YYYY-MM-DD", the last day (Paris time) returns are accepted, or null. */
  deadline: string | null;
  /** The server's day in Paris, which decides whether the deadline has passed. */
  today: string;
  /** Days from today to the deadline: 0 on its last day, negative once passed; null without a deadline. */
  daysLeft: number | null;
  /** Whether a return sent now would be accepted. */
  accepting: boolean;
  /**
   * The last closed campaign's network (quartiles, shared extreme levels), so a director sees where the values
   * being typed would stand; null when no campaign of the last five years is closed.
   */
  lastNetwork: LastNetwork | null;
  /** The structure's custom peer set in force, and what it may choose (see choosePeers). */
  peers: PeersInfo;
}

/** Campaigns looked back on for the last closed one. */
const LOOK_BACK = 5;

async function lastNetwork(deps: Deps, year: number, now: Date): Promise<LastNetwork | null> {
  for (let y = year - 1; y >= year - LOOK_BACK; y--) {
    const campaign = await getCampaign(deps.db, y);
    if (campaign?.state !== "closed") continue;
    const population = await deps.populations.get(deps.db, y, now);
    if (population.members.size === 0) continue;
    return lastNetworkOf(y, population.index(campaign.minGroupSize));
  }
  return null;
}

/** Same access as previousReturn: the structure's authorised addresses and the Union's admins. */
export const campaignInfoHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    const { code, year } = await readStructureQuery(req, deps);
    const campaign = await getCampaign(deps.db, year);
    if (!campaign)
      throw new HttpError(404, `La campagne ${year} n'a pas encore été lancée par l'Union.`);
    const now = deps.clock();
    const today = parisDay(now);
    const peers = await peersInForce(deps.db, year, code);
    const transparent = campaign.mode === "transparent";
    const peerChoice = choiceInForce(peers?.choice ?? null, transparent);
    const info: CampaignInfo = {
      year,
      state: campaign.state,
      deadline: campaign.deadline,
      today,
      daysLeft: campaign.deadline === null ? null : daysBetween(today, campaign.deadline),
      accepting: acceptsReturns(campaign, now),
      lastNetwork: await lastNetwork(deps, year, now),
      peers: {
        choice: peerChoice,
        chosenFor: peerChoice && peers ? peers.year : null,
        transparent,
        bands: bandNames(campaign.sizeBands),
        open: campaign.state !== "closed",
      },
    };
    res.status(200).json(info);
  };
