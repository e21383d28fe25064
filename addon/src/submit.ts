// « Envoyer à l'Union »: re-checks the workbook under the document lock, sends it once outside it (no colleague
// waits on the network), records the answer and writes the positioning under the lock again.
import {
  type Attestation,
  explainableFields,
  type Finding,
  type PimmsReturn,
  type SubmitReturnAnswer,
} from "@barometre/shared";
import { type CheckedWorkbook, checkWorkbook } from "./check-workbook.ts";
import { savedAttestation, savedExplanations } from "./dialogue-store.ts";
import { whenDocumentFree, withDocumentLock } from "./document-lock.ts";
import { findingView } from "./finding-view.ts";
import { postFunction, type Transport } from "./functions-client.ts";
import { idempotencyKey, returnHash } from "./idempotency.ts";
import { identityToken, tokenEmail } from "./identity.ts";
import {
  fieldValue,
  lastSubmission,
  recordSubmission,
  type StoredSubmission,
  submissionView,
  warnedValues,
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

const NO_ATTESTATION =
  "Indiquez d'abord qui atteste l'exactitude des chiffres (nom et fonction), dans la rubrique « Attestation » du panneau : l'Union ne reçoit un retour qu'avec cette attestation.";

/** What identifies a send: the same content after the same revision always gives the same key. */
interface Send {
  ret: PimmsReturn;
  explanations: Record<string, string>;
  attestation: Attestation;
  code: string;
  year: number;
  hash: string;
  key: string;
  /** The document's last accepted send of this same structure and exercice. */
  previous: StoredSubmission | null;
}

/**
 * The explanations of the fields that carry a warning now: the workbook's own warnings, and the Union's from the
 * last send (its ±50 % review, which only the service computes) while the field keeps the value it had then.
 */
function explanationsFor(checked: CheckedWorkbook): Record<string, string> {
  const last = lastSubmission();
  const explainable = explainableFields(checked.verification.findings);
  for (const [key, value] of Object.entries(last?.warned ?? {}))
    if (JSON.stringify(fieldValue(checked.result.ret, key)) === value) explainable.add(key);
  return Object.fromEntries(
    Object.entries(savedExplanations()).filter(([key]) => explainable.has(key)),
  );
}

function sendOf(checked: CheckedWorkbook, attestation: Attestation): Send {
  const ret = checked.result.ret;
  const code = ret.identification.structureCode as string;
  const year = ret.identification.year as number;
  const explanations = explanationsFor(checked);
  const hash = returnHash({ return: ret, explanations, attestation });
  const last = lastSubmission();
  const previous = last?.structureCode === code && last.year === year ? last : null;
  const key =
    previous?.contentHash === hash
      ? previous.idempotencyKey
      : idempotencyKey(hash, previous?.revision ?? null);
  return { ret, explanations, attestation, code, year, hash, key, previous };
}

/** The findings of a refusal (a return refused for its content lists them), none for any other outcome. */
const refusedFindings = (t: Transport): Finding[] => ("refusal" in t && t.refusal?.findings) || [];

function accepted(
  checked: CheckedWorkbook,
  send: Send,
  token: string,
  body: SubmitReturnAnswer,
): SubmitOutcome {
  const { revision } = body;
  const duplicate = body.duplicate === true;
  const findings = body.findings ?? [];
  const positioning = body.positioning ?? null;
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
          warned: warnedValues(send.ret, findings),
        };
  recordSubmission(stored);
  return {
    sent: true,
    message: notes.join(" "),
    submission: submissionView(stored),
    positioning: positioning ? positioningView(positioning) : null,
    warnings: findings.map((f) => findingView(f, checked.result.cells)),
    changes: (body.changes ?? []).map((c) => `${c.label} : ${c.before} → ${c.after}`),
  };
}

export function submitWorkbook(): SubmitOutcome {
  const ready = withDocumentLock(
    (): { checked: CheckedWorkbook; send: Send } | { refused: SubmitOutcome } => {
      const checked = checkWorkbook(readWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
      const { verification } = checked;
      if (!verification.refusal) {
        const attestation = savedAttestation();
        if (!attestation)
          return { refused: { sent: false, message: NO_ATTESTATION, findings: [] } };
        return { checked, send: sendOf(checked, attestation) };
      }
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
  const t = postFunction("submitReturn", token, {
    return: send.ret,
    idempotencyKey: send.key,
    explanations: send.explanations,
    attestation: send.attestation,
  });
  if ("answer" in t && typeof t.answer.revision === "number") {
    return accepted(checked, send, token, t.answer);
  }
  return {
    sent: false,
    message: failureMessage(t, send.year),
    findings: refusedFindings(t).map((f) => findingView(f, checked.result.cells)),
  };
}
