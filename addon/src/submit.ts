// « Envoyer à l'Union »: re-checks the workbook under the document lock, sends it once, records the answer.
import {
  type Attestation,
  explainableFields,
  type FieldChange,
  type Finding,
  type PimmsReturn,
  type Positioning,
} from "@barometre/shared";
import { type CheckedWorkbook, checkWorkbook } from "./check-workbook.ts";
import { savedAttestation, savedExplanations } from "./dialogue-store.ts";
import { withDocumentLock } from "./document-lock.ts";
import { findingView } from "./finding-view.ts";
import { callFunctions } from "./functions-client.ts";
import { contentHash, idempotencyKey } from "./idempotency.ts";
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
  const hash = contentHash({ return: ret, explanations, attestation });
  const last = lastSubmission();
  const previous = last?.structureCode === code && last.year === year ? last : null;
  const key =
    previous?.contentHash === hash
      ? previous.idempotencyKey
      : idempotencyKey(hash, previous?.revision ?? null);
  return { ret, explanations, attestation, code, year, hash, key, previous };
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
  const findings = findingsOf(body);
  const duplicate = body.duplicate === true;
  const positioning = (body.positioning as Positioning | null | undefined) ?? null;
  const notes = [acceptedMessage(revision, duplicate)];
  if (!positioning) notes.push(NO_POSITIONING);
  else if (!writePositioning(checked, positioning)) notes.push(NO_TAB);
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
    submission: submissionView(stored, checked.read.timeZone),
    positioning: positioning ? positioningView(positioning) : null,
    warnings: findings.map((f) => findingView(f, checked.result.cells)),
    changes: ((body.changes as FieldChange[] | null | undefined) ?? []).map(
      (c) => `${c.label} : ${c.before} → ${c.after}`,
    ),
  };
}

export function submitWorkbook(): SubmitOutcome {
  return withDocumentLock((): SubmitOutcome => {
    const checked = checkWorkbook(readWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
    const { verification, result } = checked;
    if (verification.refusal) {
      return {
        sent: false,
        message: verification.refusal,
        findings: verification.findings.filter((f) => f.severity === "error"),
      };
    }
    const attestation = savedAttestation();
    if (!attestation) return { sent: false, message: NO_ATTESTATION, findings: [] };
    const send = sendOf(checked, attestation);
    const token = identityToken();
    const t = callFunctions("/submitReturn", token, {
      return: send.ret,
      idempotencyKey: send.key,
      explanations: send.explanations,
      attestation,
    });
    if (!("failure" in t) && t.status === 200 && t.body && typeof t.body.revision === "number") {
      return accepted(checked, send, token, t.body);
    }
    return {
      sent: false,
      message: failureMessage(t, send.year),
      findings: "failure" in t ? [] : findingsOf(t.body).map((f) => findingView(f, result.cells)),
    };
  });
}
