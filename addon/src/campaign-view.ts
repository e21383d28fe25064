// The campaign as the sidebar shows it: « Campagne 2018 ouverte. Date limite : 30/06/2019, dans 12 jours. »
import {
  type CampaignInfo,
  deadlineSentence,
  field,
  type LastNetwork,
  parseFieldValue,
  type RawCell,
} from "@barometre/shared";
import { checkWorkbook } from "./check-workbook.ts";
import { getFunction, serverSentence } from "./functions-client.ts";
import { functionsBase } from "./functions-config.ts";
import { identityToken } from "./identity.ts";
import { storeLastNetwork } from "./last-network.ts";
import { lastSubmission } from "./last-submission.ts";
import type { CampaignView } from "./panel-types.ts";
import { peersView } from "./peers-view.ts";
import { writeLastNetwork } from "./positioning-tab.ts";
import { readWorkbook } from "./read-workbook.ts";

const CODE = field("identification.structureCode");
const YEAR = field("identification.year");

export function campaignSentence(info: CampaignInfo): string {
  const { year, deadline, daysLeft } = info;
  if (info.state === "closed")
    return `Campagne ${year} close : l'Union n'accepte plus de retours pour cet exercice.`;
  if (deadline === null || daysLeft === null) return `Campagne ${year} ouverte, sans date limite.`;
  const sentence = `${deadlineSentence(deadline, daysLeft)}.`;
  return info.accepting
    ? `Campagne ${year} ouverte. ${sentence}`
    : `${sentence} Les envois de la campagne ${year} ne sont plus acceptés : contactez l'Union.`;
}

/** The structure code and exercice the prepared tabs hold, read from their two defined names. */
export function workbookCampaign(): { code: string; year: number } | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = (name: string) => (ss.getRangeByName(name)?.getValue() ?? null) as RawCell;
  const code = parseFieldValue(CODE, read(CODE.name)).value;
  const year = parseFieldValue(YEAR, read(YEAR.name)).value;
  return typeof code === "string" && typeof year === "number" ? { code, year } : null;
}

/**
 * Keeps the last network the first time it comes for this campaign and, while nothing has been sent for it, writes
 * it into the Positionnement tab with formulas that follow the typing.
 */
function keepLastNetwork(forYear: number, network: LastNetwork): void {
  if (!storeLastNetwork(forYear, network)) return;
  if (lastSubmission()?.year === forYear) return;
  writeLastNetwork(checkWorkbook(readWorkbook(SpreadsheetApp.getActiveSpreadsheet())), network);
}

/**
 * The campaign of the prepared workbook, from the Union's functions; null when there is nothing calm to say (no
 * address configured, workbook not prepared, service unavailable): the deadline is a help, never a blocker.
 */
export function campaignView(): CampaignView | null {
  if (functionsBase() === null) return null;
  const target = workbookCampaign();
  if (!target) return null;
  const t = getFunction("campaignInfo", identityToken(), {
    structureCode: target.code,
    year: target.year,
  });
  if ("failure" in t) return null;
  if (t.status === 404)
    return { year: target.year, text: serverSentence(t) ?? `Campagne ${target.year} non lancée.` };
  if (!("answer" in t)) return null;
  const info = t.answer;
  if (info.lastNetwork) keepLastNetwork(target.year, info.lastNetwork);
  return {
    year: target.year,
    text: campaignSentence(info),
    ...(info.peers ? { peers: peersView(info.peers) } : {}),
  };
}
