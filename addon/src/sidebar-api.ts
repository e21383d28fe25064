// What the sidebar calls through google.script.run: every answer is data or a calm French sentence.
import { type Attestation, type PeerChoice, parseCellRef } from "@barometre/shared";
import { campaignView } from "./campaign-view.ts";
import { checkWorkbook } from "./check-workbook.ts";
import { choosePeers } from "./choose-peers.ts";
import {
  saveAttestation,
  savedAttestation,
  savedExplanations,
  saveExplanation,
} from "./dialogue-store.ts";
import { functionsBase } from "./functions-config.ts";
import { lastSubmission, submissionView } from "./last-submission.ts";
import type {
  Answer,
  CampaignView,
  PanelState,
  PrepareOutcome,
  ReviewView,
  SubmitOutcome,
  Verification,
} from "./panel-types.ts";
import { prepareWorkbook } from "./prepare.ts";
import { readWorkbook } from "./read-workbook.ts";
import { reviewView } from "./review-view.ts";
import { submitWorkbook } from "./submit.ts";
import { answer, UserError } from "./user-error.ts";

export function panelState(): Answer<PanelState> {
  return answer(() => {
    const last = lastSubmission();
    return {
      configured: functionsBase() !== null,
      lastSubmission: last ? submissionView(last) : null,
      attestation: savedAttestation(),
      explanations: savedExplanations(),
    };
  });
}

/** The Union's latest review, asked apart like the campaign: the panel shows first, the review follows. */
export function panelReview(): Answer<ReviewView | null> {
  return answer(reviewView);
}

export function runSaveAttestation(name: string, role: string): Answer<Attestation> {
  return answer(() => saveAttestation(name, role));
}

export function runSaveExplanation(field: string, text: string): Answer<Record<string, string>> {
  return answer(() => saveExplanation(field, text));
}

/** Asked apart from panelState, so the panel shows at once and the deadline follows when the service answers. */
export function panelCampaign(): Answer<CampaignView | null> {
  return answer(campaignView);
}

/** The director's custom peer set for the workbook's campaign; null drops it. */
export function runChoosePeers(choice: PeerChoice | null): Answer<CampaignView | null> {
  return answer(() => choosePeers(choice));
}

export function runPrepare(): Answer<PrepareOutcome> {
  return answer(prepareWorkbook);
}

export function runVerify(): Answer<Verification> {
  return answer(
    () => checkWorkbook(readWorkbook(SpreadsheetApp.getActiveSpreadsheet())).verification,
  );
}

export function runSubmit(): Answer<SubmitOutcome> {
  return answer(submitWorkbook);
}

/** Selects the cell of a finding ("'Données financières'!B7") so the user lands on it. */
export function selectCell(ref: string): Answer<null> {
  return answer(() => {
    const at = typeof ref === "string" ? parseCellRef(ref) : null;
    if (!at) throw new UserError("Cette cellule n'a pas pu être retrouvée.");
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(at.sheet);
    if (!sheet) throw new UserError(`L'onglet « ${at.sheet} » n'existe plus dans ce classeur.`);
    sheet.getRange(at.row + 1, at.col + 1).activate();
    return null;
  });
}
