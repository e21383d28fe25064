// A return submitted by a director: validated again on the server, checked against the campaign, stored once per key.
import { createHash } from "node:crypto";
import {
  ATTESTATION_ROLES,
  type Attestation,
  asciiUpperCase,
  type CellLocator,
  coerceReturn,
  computeIndicators,
  DEFAULT_MIN_GROUP_SIZE,
  explainableFields,
  type Finding,
  findField,
  hasErrors,
  MAX_ATTESTATION_NAME,
  type PimmsReturn,
  type Positioning,
  plannedCell,
  Refusal,
  receivedContentHash,
  type Signature,
  SUBMISSION_SCHEMA,
  type SubmitAnswer,
  type SubmitReturnAnswer,
  sortFindings,
  validateReturn,
} from "@barometre/shared";
import { Timestamp } from "firebase-admin/firestore";
import { requireRegisteredStructure } from "../http/access.ts";
import type { Identity } from "../http/auth.ts";
import { parseWith } from "../http/envelope.ts";
import { queueMail } from "../mail/outbox.ts";
import { revisionNotice, revisionNoticeId } from "../mail/revision-notice.ts";
import { positionRevision } from "../positioning/position-revision.ts";
import type { Deps } from "../runtime/deps.ts";
import { findAnswer, recordAnswer } from "../storage/answers.ts";
import { type Campaign, getCampaign, requireOpen } from "../storage/campaigns.ts";
import {
  appendRevision,
  findRevisionByKey,
  getLatest,
  lockedError,
  type StoredRevision,
  syncLatest,
} from "../storage/revisions.ts";
import { requestSheetSync } from "../union-sheet/request-sync.ts";
import { yearOnYearWarnings } from "./year-on-year.ts";

/** Findings point at the input cells of the prepared tabs, where the director fixes them. */
const cellOf: CellLocator = (key) => (findField(key) ? plannedCell(key) : null);

const refuseFindings = (findings: Finding[]) => {
  const errors = findings.filter((f) => f.severity === "error").length;
  return new Refusal(
    "invalid",
    `Le retour contient ${errors === 1 ? "une erreur" : `${errors} erreurs`} à corriger ; rien n'a été enregistré.`,
    findings,
  );
};

/** The return read from the body, with its structure code in capitals as the schema stores it. */
function readReturn(input: unknown): { ret: PimmsReturn; findings: Finding[] } {
  const { ret, findings } = coerceReturn(input);
  const code = ret.identification.structureCode;
  if (code !== null) ret.identification.structureCode = asciiUpperCase(code.trim());
  return { ret, findings: sortFindings([...findings, ...validateReturn(ret, cellOf)]) };
}

const answerOf = (revision: StoredRevision, positioning: Positioning): SubmitAnswer => ({
  status: "accepted",
  revision: revision.number,
  indicators: revision.indicators,
  positioning,
  findings: revision.findings,
  changes: revision.changes ?? null,
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const ROLES = ATTESTATION_ROLES.join(", ");

/** The attestation, or an "invalid" refusal saying in French what is missing. */
function readAttestation(input: unknown): Attestation {
  const refuse = (what: string) =>
    new Refusal(
      "invalid",
      `${what} : indiquez le nom et la fonction (${ROLES}) de la personne qui atteste l'exactitude des chiffres ; rien n'a été enregistré.`,
    );
  if (input === undefined || input === null) throw refuse("L'attestation (« attestation ») manque");
  if (typeof input !== "object" || Array.isArray(input))
    throw refuse("L'attestation (« attestation ») doit être un objet { name, role }");
  const { name, role, ...rest } = input as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length)
    throw refuse(`L'attestation contient un champ inconnu (« ${unknown[0]?.slice(0, 40)} »)`);
  const trimmed = typeof name === "string" ? name.trim() : "";
  if (trimmed === "") throw refuse("Le nom de l'attestation (« attestation.name ») est vide");
  if (trimmed.length > MAX_ATTESTATION_NAME)
    throw refuse(
      `Le nom de l'attestation (« attestation.name ») dépasse ${MAX_ATTESTATION_NAME} caractères`,
    );
  if (!ATTESTATION_ROLES.includes(role as Attestation["role"]))
    throw refuse(`La fonction de l'attestation (« attestation.role ») doit être : ${ROLES}`);
  return { name: trimmed, role: role as Attestation["role"] };
}

/** Explanations only for the fields that carry a warning, else an "invalid" refusal naming the field. */
function checkExplanations(explanations: Record<string, string>, warnings: Finding[]): void {
  const explainable = explainableFields(warnings);
  const stray = Object.keys(explanations).find((key) => !explainable.has(key));
  if (stray === undefined) return;
  const f = findField(stray);
  throw new Refusal(
    "invalid",
    `Le champ ${f ? `« ${f.label} » (${stray})` : `« ${stray.slice(0, 80)} »`} ne porte aucun avertissement : une explication accompagne seulement une valeur signalée par un avertissement. Rien n'a été enregistré.`,
    warnings,
  );
}

/**
 * Finishes what storing a revision started: latest copy, positioning, the Union's notice (one per revision by
 * its id), the sheet's sync, the answer record. Also what a retry completes after a crash or an outage.
 */
async function complete(
  deps: Deps,
  revision: StoredRevision,
  campaign: Campaign | null,
): Promise<SubmitAnswer> {
  const { db } = deps;
  const { year, structureCode: code, idempotencyKey: key, contentHash } = revision;
  const settings = campaign ?? (await getCampaign(db, year));
  await syncLatest(db, year, code, settings?.populationShards);
  const positioning = await positionRevision(
    deps,
    revision,
    settings?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  );
  const notice = revisionNotice(revision, positioning, deps.config.mail.union);
  await Promise.all([
    queueMail(db, revisionNoticeId(revision), notice, deps.config.mail.from, deps.clock()),
    requestSheetSync(deps, year),
  ]);
  return recordAnswer(db, { year, code, key, contentHash }, answerOf(revision, positioning));
}

/**
 * The first answer again, for a repeated key; a key reused for other content is refused rather than answered
 * as if that content had been stored, which would silently lose it.
 */
function replay(storedHash: string, hash: string, answer: SubmitAnswer): SubmitReturnAnswer {
  if (storedHash !== hash)
    throw new Refusal(
      "conflict",
      "Cette clé d'idempotence a déjà servi pour un autre contenu : le retour n'a pas été enregistré. Renvoyez-le avec une nouvelle clé.",
    );
  return { ...answer, duplicate: true };
}

export async function submitReturn(
  deps: Deps,
  who: Identity,
  body: unknown,
): Promise<SubmitReturnAnswer> {
  const { db } = deps;
  const envelope = parseWith(SUBMISSION_SCHEMA, body);
  const key = envelope.idempotencyKey;
  const signature: Signature = {
    explanations: envelope.explanations ?? {},
    attestation: readAttestation(envelope.attestation),
  };
  const { ret, findings } = readReturn(envelope.return);
  const hash = receivedContentHash(ret, signature, sha256);
  const { structureCode: code, year } = ret.identification;
  const unusable = findings.some(
    (f) =>
      f.severity === "error" &&
      (f.field === "identification.structureCode" || f.field === "identification.year"),
  );
  if (code === null || year === null || unusable) throw refuseFindings(findings);

  await requireRegisteredStructure(db, who, code);

  // A repeated key gets the first answer back, even if the campaign has closed since.
  const answered = await findAnswer(db, year, code, key);
  if (answered) return replay(answered.contentHash, hash, answered.answer);
  const stored = await findRevisionByKey(db, year, code, key);
  if (stored) return replay(stored.contentHash, hash, await complete(deps, stored, null));

  const now = deps.clock();
  const campaign = requireOpen(await getCampaign(db, year), year, now);
  if (hasErrors(findings)) throw refuseFindings(findings);

  const previous = await getLatest(db, year - 1, code);
  const warnings = [
    ...findings,
    ...(previous ? yearOnYearWarnings(ret, previous.payload, cellOf) : []),
  ];
  checkExplanations(signature.explanations, warnings);
  const { revision, created } = await appendRevision(
    db,
    {
      structureCode: code,
      year,
      territory: ret.identification.territory,
      payload: ret,
      indicators: computeIndicators(ret, campaign.bands),
      findings: warnings,
      contentHash: hash,
      submittedBy: who.email,
      submittedAt: Timestamp.fromDate(now),
      idempotencyKey: key,
      ...signature,
    },
    lockedError,
  );
  const answer = await complete(deps, revision, campaign);
  return created ? { ...answer, duplicate: false } : replay(revision.contentHash, hash, answer);
}
