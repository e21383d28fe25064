// « Envoyer à l'Union »: re-checks the workbook under the document lock, sends it once, records the answer.
import type { Finding, Positioning } from "@barometre/shared";
import { checkWorkbook } from "./check-workbook.ts";
import { withDocumentLock } from "./document-lock.ts";
import { findingView } from "./finding-view.ts";
import { callFunctions } from "./functions-client.ts";
import { contentHash, idempotencyKey } from "./idempotency.ts";
import { identityToken, tokenEmail } from "./identity.ts";
import { lastSubmission, recordSubmission, submissionView } from "./last-submission.ts";
import type { SubmitOutcome } from "./panel-types.ts";
import { writePositioning } from "./positioning-tab.ts";
import { positioningView } from "./positioning-view.ts";
import { readWorkbook } from "./read-workbook.ts";
import { acceptedMessage, failureMessage } from "./submit-messages.ts";

const NO_POSITIONING =
  "Le positionnement dans le réseau s'inscrira quand l'Union aura consolidé la campagne.";
const NO_TAB =
  "L'onglet Positionnement est absent : relancez « Préparer le classeur » pour le recréer.";

export function submitWorkbook(): SubmitOutcome {
  return withDocumentLock((): SubmitOutcome => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const checked = checkWorkbook(readWorkbook(ss));
    const { verification, result } = checked;
    if (verification.refusal) {
      return {
        sent: false,
        message: verification.refusal,
        findings: verification.findings.filter((f) => f.severity === "error"),
      };
    }
    const ret = result.ret;
    const code = ret.identification.structureCode as string;
    const year = ret.identification.year as number;
    const hash = contentHash(ret);
    const last = lastSubmission();
    const sameReturn = last?.structureCode === code && last.year === year;
    const key =
      sameReturn && last.contentHash === hash
        ? last.idempotencyKey
        : idempotencyKey(ret, sameReturn ? last.revision : null);
    const token = identityToken();
    const t = callFunctions("/submitReturn", token, { return: ret, idempotencyKey: key });
    const revision = "failure" in t ? null : t.body?.revision;
    if ("failure" in t || t.status !== 200 || typeof revision !== "number") {
      const serverFindings =
        "failure" in t ? [] : ((t.body?.findings as Finding[] | undefined) ?? []);
      return {
        sent: false,
        message: failureMessage(t, year),
        findings: serverFindings.map((f) => findingView(f, result.cells)),
      };
    }
    const duplicate = t.body?.duplicate === true;
    const positioning = (t.body?.positioning as Positioning | null | undefined) ?? null;
    const notes = [acceptedMessage(revision, duplicate)];
    if (!positioning) notes.push(NO_POSITIONING);
    else if (!writePositioning(checked, positioning)) notes.push(NO_TAB);
    // An echo of the last send keeps the time and author of that send.
    const stored =
      duplicate && sameReturn && last.revision === revision
        ? last
        : {
            revision,
            at: new Date().toISOString(),
            who: tokenEmail(token),
            structureCode: code,
            year,
            idempotencyKey: key,
            contentHash: hash,
          };
    recordSubmission(stored);
    const warnings = (t.body?.findings as Finding[] | undefined) ?? [];
    return {
      sent: true,
      message: notes.join(" "),
      submission: submissionView(stored, checked.read.timeZone),
      positioning: positioning ? positioningView(positioning) : null,
      warnings: warnings.map((f) => findingView(f, result.cells)),
    };
  });
}
