// GET healthz: 200 once the functions can reach their database, with what `barometre doctor` compares: the
// version, the accepted audiences (OAuth client ids, public in every token) and which settings are present.

import type { HealthzAnswer } from "@barometre/shared";
import { type Handler, requireMethod } from "../http/guard.ts";
import type { Deps } from "../runtime/deps.ts";
import { campaignsCol } from "../storage/paths.ts";

export const healthzHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "GET");
    await campaignsCol(deps.db).limit(1).get();
    const { config } = deps;
    const answer: HealthzAnswer = {
      ok: true,
      version: config.version ?? null,
      audiences: config.audiences,
      mailFrom: config.mail.from.trim() !== "",
      unionSheet: config.unionSheetId !== null,
    };
    res.status(200).json(answer);
  };
