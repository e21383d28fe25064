// GET/POST manageCampaign: Union admins read a campaign, open it, close it or change its settings.
import { z } from "zod";
import { requireAdmin } from "./access.ts";
import { authenticate } from "./auth.ts";
import {
  CAMPAIGN_SETTINGS,
  closeCampaign,
  configureCampaign,
  getCampaign,
  openCampaign,
  YEAR,
} from "./campaigns.ts";
import type { Deps } from "./deps.ts";
import { parseWith } from "./envelope.ts";
import { toJson } from "./firestore-json.ts";
import { type Handler, HttpError, type HttpRequest, requireMethod, yearParam } from "./http.ts";
import { readAuthenticatedJson } from "./incoming.ts";

const CAMPAIGN_REQUEST = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("open"), year: YEAR, ...CAMPAIGN_SETTINGS.shape }),
  z.strictObject({ action: z.literal("configure"), year: YEAR, ...CAMPAIGN_SETTINGS.shape }),
  z.strictObject({ action: z.literal("close"), year: YEAR }),
]);

async function change(req: HttpRequest, deps: Deps): Promise<number> {
  const { who, body } = await readAuthenticatedJson(req, deps);
  await requireAdmin(deps.db, who);
  const { action, year, ...settings } = parseWith(CAMPAIGN_REQUEST, body);
  const now = deps.clock();
  if (action === "open") await openCampaign(deps.db, year, settings, who.email, now);
  else if (action === "configure") await configureCampaign(deps.db, year, settings, who.email, now);
  else await closeCampaign(deps.db, year, who.email, now);
  return year;
}

export const manageCampaignHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "GET", "POST");
    let year: number;
    if (req.method === "POST") year = await change(req, deps);
    else {
      await requireAdmin(deps.db, await authenticate(req, deps.verifyToken));
      year = yearParam(req);
    }
    const campaign = await getCampaign(deps.db, year);
    if (!campaign) throw new HttpError(404, `La campagne ${year} n'existe pas.`);
    res.status(200).json({ campaign: toJson(campaign) });
  };
