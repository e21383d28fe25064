// The append-only revisions of a structure's return, their review, and the campaign's "latest revision" copies.
//
// Concurrency is built on create() preconditions with deterministic ids only, the one primitive the emulator
// available here verifiably honours (its transactions have no isolation):
//
// - Appending: read the highest revision number h, then look for a revision carrying the idempotency key, then
//   create() revision h+1; ALREADY_EXISTS means another writer took h+1, so start again. Numbers stay
//   consecutive (h+1 is only tried once h exists) and none is overwritten (create never replaces).
// - At most one revision per idempotency key, without claims or leases: two writers with the same key both
//   aim at the first free number, so only one create() succeeds; the loser starts again and its key lookup
//   (made after reading the highest number, which the winner's revision has become) finds the winner's
//   revision. A request that crashed, or lost Firestore, after storing its revision leaves that revision
//   behind; the client's retry with the same key finds it the same way and stores nothing new. There is no
//   lease to expire, no claim to take over, and no window in which a slow first attempt and its retry can
//   both write.
// - The latest copy: whoever changes a structure's revisions (a new revision, a review) then copies the
//   highest revision to campaigns/{year}/latest/{code}, re-reads the highest revision and copies again until
//   it did not change in between. The last copy written is therefore of the current highest revision, even
//   when writers interleave, without any compare-and-set. Each copy is written in one batch with its entry in the
//   campaign's population snapshot (positioning/population-snapshot.ts). It then raises the campaign's population
//   version, which tells cached populations (positioning on submit) that they may be out of date.
import {
  type Attestation,
  type FieldChange,
  type Finding,
  type Indicators,
  type PimmsReturn,
  Refusal,
  type ReviewState,
  returnChanges,
} from "@barometre/shared";
import {
  type CollectionReference,
  type DocumentReference,
  FieldValue,
  type Firestore,
  type Timestamp,
  type WriteBatch,
} from "firebase-admin/firestore";
import { addEntry } from "../positioning/population-snapshot.ts";
import { parisTime } from "../util/paris-time.ts";
import { isAlreadyExists } from "./firestore-errors.ts";
import { toJson } from "./firestore-json.ts";
import { latestCol, latestDoc, populationVersionDoc, revisionId, revisionsCol } from "./paths.ts";
import { asStored } from "./stored.ts";

export type { ReviewState } from "@barometre/shared";

export interface Review {
  state: ReviewState;
  comment: string | null;
  /** The fields the Union points at (field paths), empty when it names none. */
  fields: string[];
  reviewedBy: string | null;
  reviewedAt: Timestamp | null;
  /** How many reviews this revision has had: the number of the review shown (0 while pending). */
  sequence: number;
}

/** States in which the Union asked the director for something a new revision answers. */
const ASKING: readonly ReviewState[] = ["hasIssues", "rejected", "reopened"];

/** The Union's request a revision answers: the previous revision's review when it asked for a correction. */
export interface AnsweredRequest extends Review {
  revision: number;
}

/** A revision as the submission builds it, before it gets its number. */
export interface RevisionDraft {
  structureCode: string;
  year: number;
  territory: string | null;
  payload: PimmsReturn;
  indicators: Indicators;
  /** The warnings returned with the answer (validation and year-on-year review). */
  findings: Finding[];
  /** receivedContentHash of the payload, explanations and attestation: a key reused for other content is refused. */
  contentHash: string;
  submittedBy: string;
  submittedAt: Timestamp;
  idempotencyKey: string;
  /** The director's explanation of warnings, by field path. */
  explanations: Record<string, string>;
  /** Who vouches for the figures. */
  attestation: Attestation | null;
}

export interface StoredRevision extends RevisionDraft {
  number: number;
  review: Review;
  /** What changed since the previous revision; null for the first one. */
  changes: FieldChange[] | null;
  /** The Union's request this revision answers, if the previous one was to correct, rejected or reopened. */
  answers: AnsweredRequest | null;
  /** When the structure first answered the campaign (revision 1's time), for the status board's timeliness. */
  firstSubmittedAt: Timestamp;
}

export const PENDING: Review = {
  state: "pending",
  comment: null,
  fields: [],
  reviewedBy: null,
  reviewedAt: null,
  sequence: 0,
};

/** The refusal of a submission over an accepted, hence locked, return: who accepted it and how to reopen it. */
export function lockedError(top: StoredRevision): Refusal {
  const at = top.review.reviewedAt ? ` le ${parisTime.format(top.review.reviewedAt.toDate())}` : "";
  return new Refusal(
    "conflict",
    `Votre retour ${top.year} a été accepté par l'Union (${top.review.reviewedBy ?? "un membre de l'Union"})${at}, révision ${top.number} : il est verrouillé et rien n'a été enregistré. Pour le modifier, demandez à l'Union de le rouvrir en répondant à son courriel ou en écrivant à l'adresse de l'Union.`,
  );
}

/** What a new revision records about its predecessor: the difference, the request it answers, the first time. */
function following(previous: StoredRevision | null, draft: RevisionDraft) {
  if (!previous) return { changes: null, answers: null, firstSubmittedAt: draft.submittedAt };
  const asked = ASKING.includes(previous.review.state);
  return {
    changes: returnChanges(previous.payload, draft.payload),
    answers: asked ? { ...previous.review, revision: previous.number } : null,
    firstSubmittedAt: previous.firstSubmittedAt ?? previous.submittedAt,
  };
}

/** Enough for 100 writers racing on one structure; each round lets exactly one of them through. */
const MAX_ROUNDS = 400;

const pause = (round: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(round + 1, 8)));

/** Revisions and latest copies read as StoredRevision. */
export const AS_REVISION = asStored<StoredRevision>();

/** A structure's revisions, read as StoredRevision. */
export const storedRevisions = (
  db: Firestore,
  year: number,
  code: string,
): CollectionReference<StoredRevision> => revisionsCol(db, year, code).withConverter(AS_REVISION);

/** A campaign's latest copies, each a StoredRevision. */
export const storedLatest = (db: Firestore, year: number): CollectionReference<StoredRevision> =>
  latestCol(db, year).withConverter(AS_REVISION);

/** A structure's latest copy, a StoredRevision. */
export const storedLatestCopy = (
  db: Firestore,
  year: number,
  code: string,
): DocumentReference<StoredRevision> => latestDoc(db, year, code).withConverter(AS_REVISION);

export async function highestRevision(
  col: CollectionReference<StoredRevision>,
): Promise<StoredRevision | null> {
  const snap = await col.orderBy("number", "desc").limit(1).get();
  return snap.docs[0]?.data() ?? null;
}

export async function findRevisionByKey(
  db: Firestore,
  year: number,
  code: string,
  key: string,
): Promise<StoredRevision | null> {
  const snap = await storedRevisions(db, year, code)
    .where("idempotencyKey", "==", key)
    .limit(1)
    .get();
  return snap.docs[0]?.data() ?? null;
}

/**
 * Stores the draft as the next revision, unless a revision already carries its idempotency key; refused while
 * the highest revision is accepted (the return is locked until the Union reopens it).
 */
export async function appendRevision(
  db: Firestore,
  draft: RevisionDraft,
  locked: (top: StoredRevision) => Refusal,
): Promise<{ revision: StoredRevision; created: boolean }> {
  const col = storedRevisions(db, draft.year, draft.structureCode);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const top = await highestRevision(col);
    const highest = top?.number ?? 0;
    const same = await findRevisionByKey(db, draft.year, draft.structureCode, draft.idempotencyKey);
    if (same) return { revision: same, created: false };
    if (top?.review.state === "accepted") throw locked(top);
    const revision: StoredRevision = {
      ...draft,
      number: highest + 1,
      review: PENDING,
      ...following(top, draft),
    };
    try {
      await col.doc(revisionId(revision.number)).create(revision);
      return { revision, created: true };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    await pause(round);
  }
  throw new Refusal(
    "unavailable",
    "Trop de retours arrivent en même temps pour cette structure : réessayez dans un instant, rien n'a été perdu.",
  );
}

/** Only the review of a revision ever changes, so the number and the review tell versions apart. */
const sameVersion = (a: StoredRevision, b: StoredRevision) =>
  a.number === b.number && JSON.stringify(toJson(a.review)) === JSON.stringify(toJson(b.review));

/** Records that a campaign's latest copies changed: written after the change, read before using a cache. */
export async function bumpPopulation(db: Firestore, year: number): Promise<void> {
  await populationVersionDoc(db, year).set({ version: FieldValue.increment(1) }, { merge: true });
}

/** The campaign's population version (0 before any change). */
export async function populationVersion(db: Firestore, year: number): Promise<number> {
  const version = populationVersionDoc(db, year).withConverter(asStored<{ version: number }>());
  return (await version.get()).data()?.version ?? 0;
}

/** Writes a latest copy, with its snapshot entry when the campaign has a snapshot (`shards`). */
export function setLatest(
  batch: WriteBatch,
  db: Firestore,
  shards: number | undefined,
  r: StoredRevision,
): void {
  // Revisions all have the same fields, so set() leaves the same document whether it replaces or merges.
  batch.set(latestDoc(db, r.year, r.structureCode), r);
  if (shards) addEntry(batch, db, shards, r);
}

/**
 * Makes campaigns/{year}/latest/{code} a copy of the structure's highest revision (see the module comment);
 * `shards` is the campaign's populationShards.
 */
export async function syncLatest(
  db: Firestore,
  year: number,
  code: string,
  shards: number | undefined,
): Promise<void> {
  const col = storedRevisions(db, year, code);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const top = await highestRevision(col);
    if (!top) return;
    const batch = db.batch();
    setLatest(batch, db, shards, top);
    await batch.commit();
    const again = await highestRevision(col);
    if (again && sameVersion(top, again)) break;
  }
  await bumpPopulation(db, year);
}

export async function getLatest(
  db: Firestore,
  year: number,
  code: string,
): Promise<StoredRevision | null> {
  const snap = await storedLatestCopy(db, year, code).get();
  return snap.data() ?? null;
}

/** The campaign's population: the latest revision of every structure, in one query. */
export async function listLatest(db: Firestore, year: number): Promise<StoredRevision[]> {
  const snap = await storedLatest(db, year).orderBy("structureCode").get();
  return snap.docs.map((d) => d.data());
}

export async function listRevisions(
  db: Firestore,
  year: number,
  code: string,
): Promise<StoredRevision[]> {
  const snap = await storedRevisions(db, year, code).orderBy("number").get();
  return snap.docs.map((d) => d.data());
}
