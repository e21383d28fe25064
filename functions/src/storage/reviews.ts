// The Union's reviews of a revision: one never-changed document each, the revision's `review` a copy of the last one.
//
// Two admins reviewing the same revision at once both aim at the same next review id, so create() lets exactly
// one through; the other is refused (a conflict) and nothing of theirs is stored. The revision's `review` and the
// latest copy are then brought up to the highest review (re-read until stable, as syncLatest does), so a crash
// between the steps is repaired by the next review or by the same request retried.
//
// After the close, a decision that asks the structure to send again (a correction, a rejection, a reopening) is
// refused: the close refuses that resend. The campaign is read in the transaction that creates the review, so a
// close committed first is seen and one arriving meanwhile waits on the transaction's lock (or retries it).
import {
  REVIEW_STATE_LABELS,
  Refusal,
  type ReviewDecision,
  type ReviewState,
} from "@barometre/shared";
import { type CollectionReference, type Firestore, Timestamp } from "firebase-admin/firestore";
import { parisTime } from "../util/paris-time.ts";
import { getCampaign } from "./campaigns.ts";
import { isAlreadyExists } from "./firestore-errors.ts";
import { campaignDoc, reviewId, reviewsCol, revisionId } from "./paths.ts";
import {
  highestRevision,
  type Review,
  type StoredRevision,
  storedRevisions,
  syncLatest,
} from "./revisions.ts";
import { asStored } from "./stored.ts";

export interface StoredReview extends Review {
  structureCode: string;
  year: number;
  revision: number;
  /** The review's id, which sorts in order: one filtered and sorted field, served by the automatic index. */
  key: string;
}

const AS_REVIEW = asStored<StoredReview>();

/** The reviews of a structure's return, read as StoredReview. */
const storedReviews = (
  db: Firestore,
  year: number,
  code: string,
): CollectionReference<StoredReview> => reviewsCol(db, year, code).withConverter(AS_REVIEW);

export interface ReviewTarget {
  year: number;
  code: string;
  number: number;
}

export interface Decision {
  state: ReviewDecision;
  comment: string | null;
  fields: string[];
}

/** The highest review of one revision, or null. */
async function lastReview(db: Firestore, t: ReviewTarget): Promise<StoredReview | null> {
  const prefix = revisionId(t.number);
  const snap = await storedReviews(db, t.year, t.code)
    .where("key", ">=", `${prefix}-`)
    .where("key", "<", `${prefix}.`)
    .orderBy("key", "desc")
    .limit(1)
    .get();
  return snap.docs[0]?.data() ?? null;
}

/** Every review of a structure's return for a campaign, oldest first: the history of the dialogue. */
export async function listReviews(
  db: Firestore,
  year: number,
  code: string,
): Promise<StoredReview[]> {
  const snap = await storedReviews(db, year, code).orderBy("key").get();
  return snap.docs.map((d) => d.data());
}

const reviewOf = (r: StoredReview): Review => ({
  state: r.state,
  comment: r.comment,
  fields: r.fields,
  reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt,
  sequence: r.sequence,
});

/** Makes the revision's review a copy of its highest review, then refreshes the campaign's latest copy. */
async function syncReview(db: Firestore, t: ReviewTarget): Promise<void> {
  const ref = storedRevisions(db, t.year, t.code).doc(revisionId(t.number));
  for (let round = 0; round < 50; round++) {
    const last = await lastReview(db, t);
    if (!last) break;
    await ref.update({ review: reviewOf(last) });
    if ((await lastReview(db, t))?.sequence === last.sequence) break;
  }
  await syncLatest(db, t.year, t.code, (await getCampaign(db, t.year))?.populationShards);
}

const sameDecision = (r: StoredReview, d: Decision, by: string) =>
  r.reviewedBy === by &&
  r.state === d.state &&
  r.comment === d.comment &&
  JSON.stringify(r.fields) === JSON.stringify(d.fields);

/** Why a decision does not fit the revision's current review, or null when it does. */
function misfit(number: number, current: ReviewState, d: Decision): string | null {
  if (d.state === "reopened" && current !== "accepted")
    return `La révision ${number} n'est pas acceptée (état : ${REVIEW_STATE_LABELS[current]}) : il n'y a rien à rouvrir.`;
  if (d.state !== "reopened" && current === "accepted")
    return `La révision ${number} est déjà acceptée et le retour verrouillé : rouvrez-la d'abord (état « reopened », avec un motif).`;
  return null;
}

/** What each decision asking for a resend would be, named in the refusal after the close. */
const RESEND_ASKED: Partial<Record<ReviewDecision, string>> = {
  hasIssues: "une demande de correction",
  rejected: "un rejet",
  reopened: "une réouverture",
};

/**
 * Why a decision cannot be taken on the campaign as it stands, or null. An acceptance still can after the close:
 * it asks nothing of the structure, sends no mail, and records that the Union checked a return the close counted.
 */
function closedTo(campaign: { state?: unknown } | undefined, t: ReviewTarget, d: Decision) {
  const asked = RESEND_ASKED[d.state];
  if (campaign?.state !== "closed" || !asked) return null;
  return `La campagne ${t.year} est close : l'Union n'accepte plus de retours, et ${asked} attendrait de « ${t.code} » un nouvel envoi qu'elle ne peut plus faire. Rien n'a été enregistré ni envoyé ; seule une acceptation reste possible.`;
}

/**
 * Records the Union's decision on the latest revision of a return. Returns the stored review and whether it is
 * new (false when the same admin's identical decision is retried, which completes it again and stores nothing).
 */
export async function reviewRevision(
  db: Firestore,
  t: ReviewTarget,
  d: Decision,
  by: string,
  now: Date,
): Promise<{ review: StoredReview; revision: StoredRevision; created: boolean }> {
  const [snap, top, last] = await Promise.all([
    storedRevisions(db, t.year, t.code).doc(revisionId(t.number)).get(),
    highestRevision(storedRevisions(db, t.year, t.code)),
    lastReview(db, t),
  ]);
  const revision = snap.data();
  if (!revision)
    throw new Refusal(
      "not-found",
      `La révision ${t.number} du retour ${t.year} de « ${t.code} » n'existe pas.`,
    );
  if (top && top.number !== t.number)
    throw new Refusal(
      "conflict",
      `La révision ${t.number} n'est plus la dernière du retour ${t.year} de « ${t.code} » : la révision ${top.number} l'a remplacée le ${parisTime.format(top.submittedAt.toDate())}. Examinez la révision ${top.number} ; rien n'a été enregistré.`,
    );
  if (last && last.sequence > revision.review.sequence) {
    // A review stored by a request that stopped before copying it: the same decision retried completes it.
    if (sameDecision(last, d, by)) {
      await syncReview(db, t);
      return { review: last, revision, created: false };
    }
  }
  const wrong = misfit(t.number, last?.state ?? revision.review.state, d);
  const sequence = (last?.sequence ?? 0) + 1;
  const review: StoredReview = {
    structureCode: t.code,
    year: t.year,
    revision: t.number,
    key: reviewId(t.number, sequence),
    sequence,
    state: d.state,
    comment: d.comment,
    fields: d.fields,
    reviewedBy: by,
    reviewedAt: Timestamp.fromDate(now),
  };
  try {
    await db.runTransaction(async (tx) => {
      const closed = closedTo((await tx.get(campaignDoc(db, t.year))).data(), t, d);
      if (closed) throw new Refusal("conflict", closed);
      // After the close, since the advice it gives (reopen the return first) would be refused in turn.
      if (wrong) throw new Refusal("conflict", `${wrong} Rien n'a été enregistré.`);
      tx.create(storedReviews(db, t.year, t.code).doc(review.key), review);
    });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    throw new Refusal(
      "conflict",
      `Un autre membre de l'Union vient d'examiner la révision ${t.number} de « ${t.code} » au même moment : sa décision a été retenue et la vôtre n'a pas été enregistrée. Relisez l'état du retour avant de décider à nouveau.`,
    );
  }
  await syncReview(db, t);
  return { review, revision, created: true };
}
