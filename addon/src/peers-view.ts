// The custom peer set as the sidebar shows it: campaignInfo's answer in words, and the form's starting values.
import { isNamed, type PeersInfo, peerChoiceWords, TERRITORIES } from "@barometre/shared";
import type { CampaignView } from "./panel-types.ts";

export function peersView(info: PeersInfo): NonNullable<CampaignView["peers"]> {
  const c = info.choice;
  const criteria = c && !isNamed(c) ? c : null;
  return {
    description: c ? peerChoiceWords(c, info.bands) : null,
    chosenFor: info.chosenFor,
    transparent: info.transparent,
    open: info.open,
    territories: [...TERRITORIES],
    bands: info.bands,
    territory: criteria?.territory ?? null,
    chargesBand: criteria?.chargesBand ?? null,
    fteBand: criteria?.fteBand ?? null,
    codes: c && isNamed(c) ? c.codes : [],
  };
}
