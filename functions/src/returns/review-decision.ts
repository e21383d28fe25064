// A Union decision on a revision, recorded then told: the review stored (one winner among simultaneous ones), then
// the director's mail for a request, a rejection or a reopening, queued once under the review's own id.

import type { Firestore } from "firebase-admin/firestore";
import { queueMail } from "../mail/outbox.ts";
import { isMailed, reviewMail, reviewMailId } from "../mail/review-mail.ts";
import type { MailSettings } from "../runtime/config.ts";
import { getStructure } from "../storage/directory.ts";
import {
  type Decision,
  type ReviewTarget,
  reviewRevision,
  type StoredReview,
} from "../storage/reviews.ts";

export async function decideReview(
  db: Firestore,
  t: ReviewTarget,
  d: Decision,
  by: string,
  now: Date,
  mail: Pick<MailSettings, "from" | "privacyUrl">,
): Promise<StoredReview> {
  const { review, revision } = await reviewRevision(db, t, d, by, now);
  if (isMailed(review)) {
    // The directory's addresses, never the ones typed in a return: the mail goes where the Union knows it should.
    const entry = await getStructure(db, t.code);
    if (entry)
      await queueMail(
        db,
        reviewMailId(review),
        reviewMail(entry, revision, review, mail.privacyUrl),
        mail.from,
        now,
      );
  }
  return review;
}
