// Sends the director's custom peer set for the workbook's campaign to the Union's choosePeers.
import type { PeerChoice } from "@barometre/shared";
import { campaignView, workbookCampaign } from "./campaign-view.ts";
import { postFunction, serverSentence } from "./functions-client.ts";
import { identityToken } from "./identity.ts";
import type { CampaignView } from "./panel-types.ts";
import { UserError } from "./user-error.ts";

/** Sends the director's choice (null: no custom set) and answers the campaign as it now stands. */
export function choosePeers(choice: PeerChoice | null): CampaignView | null {
  const target = workbookCampaign();
  if (!target)
    throw new UserError(
      "Préparez d'abord le classeur : le code structure et l'exercice disent pour quelle campagne choisir.",
    );
  const t = postFunction("choosePeers", identityToken(), {
    structureCode: target.code,
    year: target.year,
    peers: choice,
  });
  if ("failure" in t)
    throw new UserError(
      "Le service de l'Union n'a pas répondu : le groupe de pairs n'a pas été enregistré. Réessayez dans un moment.",
    );
  if (t.status !== 200)
    throw new UserError(
      serverSentence(t) ?? "Le groupe de pairs n'a pas pu être enregistré : réessayez.",
    );
  return campaignView();
}
