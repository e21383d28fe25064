// A return submitted by a director: validated again on the server, checked against the campaign, stored once per key.
import { createHash } from "node:crypto";
import {
  type CellLocator,
  coerceReturn,
  computeIndicators,
  DEFAULT_MIN_GROUP_SIZE,
  type Finding,
  findField,
  hasErrors,
  type PimmsReturn,
  type Positioning,
  plannedCell,
  sortFindings,
  validateReturn,
} from "@barometre/shared";
import { Timestamp } from "firebase-admin/firestore";
import { requireRegisteredStructure } from "./access.ts";
import { findAnswer, recordAnswer, type SubmitAnswer } from "./answers.ts";
import type { Identity } from "./auth.ts";
import { type Campaign, getCampaign, requireOpen } from "./campaigns.ts";
import type { Deps } from "./deps.ts";
import { parseWith, SUBMISSION_SCHEMA } from "./envelope.ts";
import { HttpError } from "./http.ts";
import { queueMail } from "./mail/outbox.ts";
import { revisionNotice, revisionNoticeId } from "./mail/revision-notice.ts";
import { positionRevision } from "./positioning/position-revision.ts";
import {
  appendRevision,
  findRevisionByKey,
  getLatest,
  type StoredRevision,
  syncLatest,
} from "./revisions.ts";
import { requestSheetSync } from "./union-sheet/request-sync.ts";
import { yearOnYearWarnings } from "./year-on-year.ts";

export type SubmitResult = SubmitAnswer & { duplicate: boolean };

/** Findings point at the input cells of the prepared tabs, where the director fixes them. */
const cellOf: CellLocator = (key) => (findField(key) ? plannedCell(key) : null);

const refuseFindings = (findings: Finding[]) => {
  const errors = findings.filter((f) => f.severity === "error").length;
  return new HttpError(
    422,
    `Le retour contient ${errors === 1 ? "une erreur" : `${errors} erreurs`} à corriger ; rien n'a été enregistré.`,
    findings,
  );
};

/** The return read from the body, with its structure code in capitals as the schema stores it. */
function readReturn(input: unknown): { ret: PimmsReturn; findings: Finding[] } {
  const { ret, findings } = coerceReturn(input);
  const code = ret.identification.structureCode;
  if (code !== null) ret.identification.structureCode = code.trim().toUpperCase();
  return { ret, findings: sortFindings([...findings, ...validateReturn(ret, cellOf)]) };
}

const answerOf = (revision: StoredRevision, positioning: Positioning): SubmitAnswer => ({
  status: "accepted",
  revision: revision.number,
  indicators: revision.indicators,
  positioning,
  findings: revision.findings,
});

/** sha256 of the return's canonical JSON (coerceReturn always builds it in schema order). */
export const contentHash = (ret: PimmsReturn): string =>
  createHash("sha256").update(JSON.stringify(ret)).digest("hex");

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
function replay(storedHash: string, hash: string, answer: SubmitAnswer): SubmitResult {
  if (storedHash !== hash)
    throw new HttpError(
      409,
      "Cette clé d'idempotence a déjà servi pour un autre contenu : le retour n'a pas été enregistré. Renvoyez-le avec une nouvelle clé.",
    );
  return { ...answer, duplicate: true };
}

export async function submitReturn(
  deps: Deps,
  who: Identity,
  body: unknown,
): Promise<SubmitResult> {
  const { db } = deps;
  const envelope = parseWith(SUBMISSION_SCHEMA, body);
  const key = envelope.idempotencyKey;
  const { ret, findings } = readReturn(envelope.return);
  const hash = contentHash(ret);
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
  const { revision, created } = await appendRevision(db, {
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
  });
  const answer = await complete(deps, revision, campaign);
  return created ? { ...answer, duplicate: false } : replay(revision.contentHash, hash, answer);
}
