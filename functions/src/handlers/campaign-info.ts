// GET campaignInfo: what a director's add-on shows of a campaign: open or closed, its deadline and the days left.
import {
  bandNames,
  type CampaignInfo,
  choiceInForce,
  daysBetween,
  type LastNetwork,
  lastNetworkOf,
  Refusal,
} from "@barometre/shared";
import type { Handler } from "../http/guard.ts";
import type { Deps } from "../runtime/deps.ts";
import { acceptsReturns, getCampaign, parisDay } from "../storage/campaigns.ts";
import { peersInForce } from "../storage/peers.ts";
import { readStructureQuery } from "./structure-query.ts";

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
      throw new Refusal("not-found", `La campagne ${year} n'a pas encore été lancée par l'Union.`);
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
