// GET campaignExport: for Union admins, the latest revision of every structure of a campaign, as JSON or CSV.
import { requireAdmin } from "./access.ts";
import { authenticate } from "./auth.ts";
import { getCampaign } from "./campaigns.ts";
import type { Deps } from "./deps.ts";
import { exportCampaign, exportCampaignCsv } from "./export-rows.ts";
import { type Handler, HttpError, queryParam, requireMethod, yearParam } from "./http.ts";

export const campaignExportHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "GET");
    const who = await authenticate(req, deps.verifyToken);
    const year = yearParam(req);
    const format = queryParam(req, "format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw new HttpError(400, "Le paramètre « format » doit valoir json ou csv.");
    await requireAdmin(deps.db, who);
    if (!(await getCampaign(deps.db, year)))
      throw new HttpError(404, `La campagne ${year} n'existe pas.`);
    if (format === "json") {
      res.status(200).json(await exportCampaign(deps.db, year));
      return;
    }
    res
      .set({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="barometre-${year}.csv"`,
      })
      .status(200)
      .send(await exportCampaignCsv(deps.db, year));
  };
