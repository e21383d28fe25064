// POST reportProgress: the add-on says a structure's workbook is prepared, which the Union's status board shows.
import { PROGRESS_REQUEST, Refusal, type ReportProgressAnswer } from "@barometre/shared";
import { requireRegisteredStructure } from "../http/access.ts";
import { parseWith } from "../http/envelope.ts";
import { type Handler, requireMethod } from "../http/guard.ts";
import { readAuthenticatedJson } from "../http/incoming.ts";
import type { Deps } from "../runtime/deps.ts";
import { getCampaign } from "../storage/campaigns.ts";
import { recordPrepared } from "../storage/progress.ts";
import { requestSheetSync } from "../union-sheet/request-sync.ts";

export const reportProgressHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { who, body } = await readAuthenticatedJson(req, deps);
    const { structureCode: code, year, step } = parseWith(PROGRESS_REQUEST, body);
    await requireRegisteredStructure(deps.db, who, code);
    // Progress lives under its campaign, which an erasure walks: none is kept for a campaign that does not exist.
    if (!(await getCampaign(deps.db, year)))
      throw new Refusal(
        "not-found",
        `La campagne ${year} n'a pas été lancée par l'Union : rien n'a été enregistré.`,
      );
    const progress = await recordPrepared(deps.db, { year, code }, who.email, deps.clock());
    await requestSheetSync(deps, year);
    const answer: ReportProgressAnswer = {
      structureCode: code,
      year,
      step,
      preparedAt: progress.preparedAt.toDate().toISOString(),
      lastPreparedAt: progress.lastPreparedAt.toDate().toISOString(),
    };
    res.status(200).json(answer);
  };
