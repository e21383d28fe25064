// « Envoyer à l'Union »: re-checks the workbook under the document lock, sends it once outside it (no colleague
// waits on the network), records the answer and writes the positioning under the lock again.
import type { Finding, PimmsReturn, Positioning } from "@barometre/shared";
import { type CheckedWorkbook, checkWorkbook } from "./check-workbook.ts";
import { whenDocumentFree, withDocumentLock } from "./document-lock.ts";
import { findingView } from "./finding-view.ts";
import { callFunctions } from "./functions-client.ts";
import { contentHash, idempotencyKey } from "./idempotency.ts";
import { identityToken, tokenEmail } from "./identity.ts";
import {
  lastSubmission,
  recordSubmission,
  type StoredSubmission,
  submissionView,
} from "./last-submission.ts";
import type { SubmitOutcome } from "./panel-types.ts";
import { writePositioning } from "./positioning-tab.ts";
import { positioningView } from "./positioning-view.ts";
import { readWorkbook } from "./read-workbook.ts";
import { acceptedMessage, failureMessage } from "./submit-messages.ts";

const NO_POSITIONING =
  "Le positionnement dans le réseau s'inscrira quand l'Union aura consolidé la campagne.";
const NO_TAB =
  "L'onglet Positionnement est absent : relancez « Préparer le classeur » pour le recréer.";
const BUSY_TAB =
  "Le positionnement n'a pas pu s'inscrire, une autre opération occupant le classeur : renvoyez le même retour pour l'inscrire (sans nouvelle révision).";

/** What identifies a send: the same content after the same revision always gives the same key. */
interface Send {
  ret: PimmsReturn;
  code: string;
  year: number;
  hash: string;
  key: string;
  /** The document's last accepted send of this same structure and exercice. */
  previous: StoredSubmission | null;
}

function sendOf(ret: PimmsReturn): Send {
  const code = ret.identification.structureCode as string;
  const year = ret.identification.year as number;
  const hash = contentHash(ret);
  const last = lastSubmission();
  const previous = last?.structureCode === code && last.year === year ? last : null;
  const key =
    previous?.contentHash === hash
      ? previous.idempotencyKey
      : idempotencyKey(ret, previous?.revision ?? null);
  return { ret, code, year, hash, key, previous };
}

const findingsOf = (body: Record<string, unknown> | null) =>
  (body?.findings as Finding[] | undefined) ?? [];

function accepted(
  checked: CheckedWorkbook,
  send: Send,
  token: string,
  body: Record<string, unknown>,
): SubmitOutcome {
  const revision = body.revision as number;
  const duplicate = body.duplicate === true;
  const positioning = (body.positioning as Positioning | null | undefined) ?? null;
  const notes = [acceptedMessage(revision, duplicate)];
  if (!positioning) notes.push(NO_POSITIONING);
  else {
    const written = whenDocumentFree(() => writePositioning(checked, positioning));
    if (written === null) notes.push(BUSY_TAB);
    else if (!written) notes.push(NO_TAB);
  }
  // An echo of the last send keeps the time and author of that send.
  const stored: StoredSubmission =
    duplicate && send.previous?.revision === revision
      ? send.previous
      : {
          revision,
          at: new Date().toISOString(),
          who: tokenEmail(token),
          structureCode: send.code,
          year: send.year,
          idempotencyKey: send.key,
          contentHash: send.hash,
        };
  recordSubmission(stored);
  return {
    sent: true,
    message: notes.join(" "),
    submission: submissionView(stored),
    positioning: positioning ? positioningView(positioning) : null,
    warnings: findingsOf(body).map((f) => findingView(f, checked.result.cells)),
  };
}

export function submitWorkbook(): SubmitOutcome {
  const ready = withDocumentLock(
    (): { checked: CheckedWorkbook; send: Send } | { refused: SubmitOutcome } => {
      const checked = checkWorkbook(readWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
      const { verification } = checked;
      if (!verification.refusal) return { checked, send: sendOf(checked.result.ret) };
      const refused: SubmitOutcome = {
        sent: false,
        message: verification.refusal,
        findings: verification.findings.filter((f) => f.severity === "error"),
      };
      return { refused };
    },
  );
  if ("refused" in ready) return ready.refused;
  // The lock is released: the send may take seconds, and a colleague's preparation or send need not wait.
  const { checked, send } = ready;
  const token = identityToken();
  const t = callFunctions("/submitReturn", token, { return: send.ret, idempotencyKey: send.key });
  if (!("failure" in t) && t.status === 200 && t.body && typeof t.body.revision === "number") {
    return accepted(checked, send, token, t.body);
  }
  return {
    sent: false,
    message: failureMessage(t, send.year),
    findings:
      "failure" in t ? [] : findingsOf(t.body).map((f) => findingView(f, checked.result.cells)),
  };
}
