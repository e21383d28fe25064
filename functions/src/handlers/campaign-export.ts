// GET campaignExport: for Union admins, the latest revision of every structure of a campaign, as JSON or CSV; with
// view=status, the campaign's status board instead (the CSV of returns has one fixed set of columns).

import { Refusal } from "@barometre/shared";
import { audited } from "../audit/record.ts";
import { exportCampaign, exportCampaignCsv } from "../export/rows.ts";
import { requireAdmin } from "../http/access.ts";
import { authenticate } from "../http/auth.ts";
import { type Handler, HttpError, queryParam, requireMethod, yearParam } from "../http/guard.ts";
import type { Deps } from "../runtime/deps.ts";
import { statusBoard } from "../status/board.ts";
import { readStatusRows } from "../status/read-board.ts";
import { statusCsv } from "../status/table.ts";
import { type Campaign, getCampaign } from "../storage/campaigns.ts";

/** The answer's body in each format and view, and the CSV file's name. */
async function content(
  deps: Deps,
  campaign: Campaign,
  format: "json" | "csv",
  view: "returns" | "status",
) {
  const { year } = campaign;
  if (view === "status") {
    const board = statusBoard(campaign, await readStatusRows(deps.db, year));
    return format === "json"
      ? board
      : { csv: statusCsv(board), file: `barometre-${year}-suivi.csv` };
  }
  if (format === "json") return exportCampaign(deps.db, year);
  return { csv: await exportCampaignCsv(deps.db, year), file: `barometre-${year}.csv` };
}

export const campaignExportHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "GET");
    const who = await authenticate(req, deps.verifyToken);
    const year = yearParam(req);
    const format = queryParam(req, "format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw new HttpError(400, "Le paramètre « format » doit valoir json ou csv.");
    const view = queryParam(req, "view") ?? "returns";
    if (view !== "returns" && view !== "status")
      throw new HttpError(400, "Le paramètre « view » doit valoir returns ou status.");
    await requireAdmin(deps.db, who);
    const campaign = await getCampaign(deps.db, year);
    if (!campaign) throw new Refusal("not-found", `La campagne ${year} n'existe pas.`);
    const body = await audited(
      deps.db,
      {
        actor: who.email,
        via: "api",
        action: view === "status" ? "campaign.status" : "campaign.export",
        year,
        detail: format,
      },
      deps.clock(),
      () => content(deps, campaign, format, view),
    );
    if (!("csv" in body)) {
      res.status(200).json(body);
      return;
    }
    res
      .set({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${body.file}"`,
      })
      .status(200)
      .send(body.csv);
  };
