// GET/POST manageCampaign: Union admins read a campaign, open it, close it (and send the final reports) or change
// its settings.
import {
  CAMPAIGN_REQUEST,
  type CloseOutcome,
  type ManageCampaignAnswer,
  Refusal,
} from "@barometre/shared";
import { settingNames } from "../audit/actions.ts";
import { audited } from "../audit/record.ts";
import { closeAndReport } from "../close/close-campaign.ts";
import { requireAdmin } from "../http/access.ts";
import { authenticate } from "../http/auth.ts";
import { parseWith } from "../http/envelope.ts";
import { type Handler, type HttpRequest, requireMethod, yearParam } from "../http/guard.ts";
import { readAuthenticatedJson } from "../http/incoming.ts";
import { withoutPastRecord } from "../positioning/past-record.ts";
import type { Deps } from "../runtime/deps.ts";
import { configureCampaign, getCampaign, openCampaign } from "../storage/campaigns.ts";
import { toJson } from "../storage/firestore-json.ts";

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
    if (!campaign) throw new Refusal("not-found", `La campagne ${done.year} n'existe pas.`);
    const answer: ManageCampaignAnswer = {
      campaign: toJson(withoutPastRecord(campaign)),
      ...(done.reports ? { reports: done.reports } : {}),
    };
    res.status(200).json(answer);
  };
