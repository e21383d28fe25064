// GET healthz: 200 once the functions can reach their database.
import type { Deps } from "./deps.ts";
import { type Handler, requireMethod } from "./http.ts";
import { campaignsCol } from "./layout.ts";

export const healthzHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "GET");
    await campaignsCol(deps.db).limit(1).get();
    res.status(200).json({ ok: true });
  };
