// Every HTTP function of the Baromètre, built from explicit dependencies and wrapped to answer failures in French.

import { FUNCTION_NAMES, type FunctionName } from "@barometre/shared";
import { guard, type Handler } from "../http/guard.ts";
import type { Deps } from "../runtime/deps.ts";
import { campaignExportHandler } from "./campaign-export.ts";
import { campaignInfoHandler } from "./campaign-info.ts";
import { choosePeersHandler } from "./choose-peers.ts";
import { healthzHandler } from "./healthz.ts";
import { manageCampaignHandler } from "./manage-campaign.ts";
import { previousReturnHandler } from "./previous-return.ts";
import { reportProgressHandler } from "./report-progress.ts";
import { reviewReturnHandler } from "./review-return.ts";
import { submitReturnHandler } from "./submit-return.ts";

const FACTORIES = {
  healthz: healthzHandler,
  submitReturn: submitReturnHandler,
  previousReturn: previousReturnHandler,
  campaignExport: campaignExportHandler,
  reviewReturn: reviewReturnHandler,
  manageCampaign: manageCampaignHandler,
  campaignInfo: campaignInfoHandler,
  reportProgress: reportProgressHandler,
  choosePeers: choosePeersHandler,
} satisfies Record<FunctionName, (deps: Deps) => Handler>;

/** A campaign close computes the final benchmark of every structure before it answers. */
const LONG_DEADLINES: Partial<Record<FunctionName, number>> = { manageCampaign: 240_000 };

export type Handlers = Record<FunctionName, Handler>;

export function createHandlers(deps: Deps): Handlers {
  return Object.fromEntries(
    FUNCTION_NAMES.map((name) => [
      name,
      guard(
        name,
        deps.logger,
        FACTORIES[name](deps),
        LONG_DEADLINES[name] ?? deps.config.requestDeadlineMs,
      ),
    ]),
  ) as Handlers;
}
