// GET/POST manageCampaign: Union admins read a campaign, open it, close it (and send the final reports) or change
// its settings.
import { z } from "zod";
import { requireAdmin } from "./access.ts";
import { settingNames } from "./audit/actions.ts";
import { audited } from "./audit/record.ts";
import { authenticate } from "./auth.ts";
import {
  CAMPAIGN_SETTINGS,
  configureCampaign,
  getCampaign,
  openCampaign,
  YEAR,
} from "./campaigns.ts";
import { type CloseOutcome, closeAndReport } from "./close/close-campaign.ts";
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

/** The change asked for; a close also answers how many reports it fans out. */
async function change(
  req: HttpRequest,
  deps: Deps,
): Promise<{ year: number; reports?: CloseOutcome }> {
  const { who, body } = await readAuthenticatedJson(req, deps);
  await requireAdmin(deps.db, who);
  const { action, year, ...settings } = parseWith(CAMPAIGN_REQUEST, body);
  const now = deps.clock();
  const event = { actor: who.email, via: "api", year } as const;
  if (action === "open") {
    const existing = await getCampaign(deps.db, year);
    await audited(
      deps.db,
      {
        ...event,
        action: existing ? "campaign.reopen" : "campaign.open",
        detail: settingNames(settings),
      },
      now,
      () => openCampaign(deps.db, year, settings, who.email, now),
    );
  } else if (action === "configure")
    await audited(
      deps.db,
      { ...event, action: "campaign.configure", detail: settingNames(settings) },
      now,
      () => configureCampaign(deps.db, year, settings, who.email, now),
    );
  else {
    const reports = await audited(deps.db, { ...event, action: "campaign.close" }, now, () =>
      closeAndReport(deps, year, who.email),
    );
    return { year, reports };
  }
  return { year };
}

export const manageCampaignHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "GET", "POST");
    let done: { year: number; reports?: CloseOutcome };
    if (req.method === "POST") done = await change(req, deps);
    else {
      await requireAdmin(deps.db, await authenticate(req, deps.verifyToken));
      done = { year: yearParam(req) };
    }
    const campaign = await getCampaign(deps.db, done.year);
    if (!campaign) throw new HttpError(404, `La campagne ${done.year} n'existe pas.`);
    res
      .status(200)
      .json({ campaign: toJson(campaign), ...(done.reports ? { reports: done.reports } : {}) });
  };
