// What may be stored where, derived from functions/src/storage/paths.ts: every path builder it exports turned into a pattern,
// with the fields its documents may hold. A builder this file does not know is reported, so the layout cannot grow
// without the data-protection test deciding what the new documents may contain.
import { storagePaths as layout } from "@barometre/functions/admin";
import type { Firestore } from "firebase-admin/firestore";

const YEAR = 2999;
const CODE = "ZZ-CODE";
const KEY = "ZZ-KEY";
const BATCH = 7;
const ATTEMPT = 3;

const REVISION = [
  "structureCode",
  "year",
  "territory",
  "payload",
  "indicators",
  "findings",
  "contentHash",
  "submittedBy",
  "submittedAt",
  "idempotencyKey",
  "number",
  "review",
  "explanations",
  "attestation",
  "changes",
  "answers",
  "firstSubmittedAt",
];
const REVIEW = [
  "structureCode",
  "year",
  "revision",
  "key",
  "sequence",
  "state",
  "comment",
  "fields",
  "reviewedBy",
  "reviewedAt",
];
const FOLLOWUP = [
  "structureCode",
  "year",
  "name",
  "red",
  "state",
  "notes",
  "nextStep",
  "outcome",
  "createdAt",
  "updatedAt",
  "updatedBy",
];
const PEERS = ["structureCode", "year", "choice", "chosenBy", "chosenAt"];
const STRUCTURE = ["code", "name", "territory", "emails", "updatedAt"];
const ADMIN = ["email", "addedBy", "addedAt"];
const ANSWER = ["idempotencyKey", "contentHash", "answer"];
const PROGRESS = [
  "structureCode",
  "year",
  "preparedAt",
  "preparedBy",
  "lastPreparedAt",
  "lastPreparedBy",
];
const MAIL = [
  "to",
  "message",
  "kind",
  "campaignYear",
  "structureCode",
  "from",
  "headers",
  "delivery",
  "due",
  "createdAt",
  "purgedAt",
];
const CLAIM = [
  "mailId",
  "attempt",
  "owner",
  "structureCode",
  "claimedAt",
  "leaseExpireTime",
  "state",
  "error",
];

const AUDIT = ["at", "actor", "via", "action", "subject", "year", "outcome", "detail"];
const AUDIT_SUBJECT = ["code", "subject"];

interface Builder {
  /** Arguments after the Firestore. */
  args: readonly (string | number)[];
  /** The fields its documents may hold; absent for the Union's own settings and aggregates. */
  fields?: readonly string[];
}

/** Every export of layout.ts: a path builder, or null for a helper that builds no path. */
const KNOWN: Record<string, Builder | null> = {
  revisionId: null,
  structureDoc: { args: [CODE], fields: STRUCTURE },
  structuresCol: { args: [], fields: STRUCTURE },
  adminDoc: { args: [KEY], fields: ADMIN },
  adminsCol: { args: [], fields: ADMIN },
  campaignsCol: { args: [] },
  campaignDoc: { args: [YEAR] },
  revisionsCol: { args: [YEAR, CODE], fields: REVISION },
  answersCol: { args: [YEAR, CODE], fields: ANSWER },
  reviewsCol: { args: [YEAR, CODE], fields: REVIEW },
  reviewId: null,
  followupsCol: { args: [YEAR], fields: FOLLOWUP },
  followupDoc: { args: [YEAR, CODE], fields: FOLLOWUP },
  peersCol: { args: [YEAR], fields: PEERS },
  peersDoc: { args: [YEAR, CODE], fields: PEERS },
  latestCol: { args: [YEAR], fields: REVISION },
  latestDoc: { args: [YEAR, CODE], fields: REVISION },
  populationVersionDoc: { args: [YEAR] },
  snapshotCol: { args: [YEAR] },
  snapshotShardDoc: { args: [YEAR, BATCH] },
  progressCol: { args: [YEAR], fields: PROGRESS },
  progressDoc: { args: [YEAR, CODE], fields: PROGRESS },
  finalCol: { args: [YEAR] },
  finalBenchmarkDoc: { args: [YEAR] },
  finalBatchDoc: { args: [YEAR, BATCH] },
  mailCol: { args: [], fields: MAIL },
  mailDoc: { args: [KEY], fields: MAIL },
  mailClaimsCol: { args: [], fields: CLAIM },
  mailClaimDoc: { args: [KEY, ATTEMPT], fields: CLAIM },
  unionSheetDoc: { args: [YEAR] },
  retentionSettingsDoc: { args: [] },
  retentionProgressDoc: { args: [] },
  auditCol: { args: [], fields: AUDIT },
  auditSubjectsCol: { args: [], fields: AUDIT_SUBJECT },
  auditSubjectDoc: { args: [CODE], fields: AUDIT_SUBJECT },
};

export interface StoredKind {
  builder: string;
  pattern: RegExp;
  fields?: readonly string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The path a builder makes, with its sample arguments turned into wildcards. */
function patternOf(path: string, isCollection: boolean): RegExp {
  const source = escapeRegExp(path)
    .replace(String(YEAR), "\\d{4}")
    .replace(`batch-${String(BATCH).padStart(4, "0")}`, "batch-\\d{4}")
    .replace(`shard-${String(BATCH).padStart(3, "0")}`, "shard-\\d{3}")
    .replace(`${KEY}~${ATTEMPT}`, "[^/]+~\\d+")
    .replaceAll(escapeRegExp(CODE), "[^/]+")
    .replaceAll(escapeRegExp(KEY), "[^/]+");
  return new RegExp(`^${source}${isCollection ? "/[^/]+" : ""}$`);
}

type Made = { path: string; doc?: unknown };

/** Every kind of document the layout builds, and the exports this file does not know. */
export function storedKinds(db: Firestore): { kinds: StoredKind[]; unknown: string[] } {
  const exported = layout as unknown as Record<string, (db: Firestore, ...args: unknown[]) => Made>;
  const unknown = Object.keys(exported).filter((name) => !(name in KNOWN));
  const kinds = Object.entries(KNOWN).flatMap(([builder, known]): StoredKind[] => {
    const make = exported[builder];
    if (!known || !make) return [];
    const ref = make(db, ...known.args);
    return [
      {
        builder,
        pattern: patternOf(ref.path, typeof ref.doc === "function"),
        fields: known.fields,
      },
    ];
  });
  return { kinds, unknown };
}
