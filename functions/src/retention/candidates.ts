// What each kind of data holds for one closed campaign: the documents a purge would delete, each with the moment its
// retention starts (the close, or a mail's delivery but never before the close), in a safe deletion order.
//
// A delivered mail is emptied rather than deleted: its recipients, content and attachments go, and what remains (its
// id, kind, campaign, structure and delivery time) keeps the outbox's deterministic ids taken, so no report, summary,
// reminder or notice is ever composed and sent a second time. Erasing the structure deletes that remainder too.
import type { RetentionKind } from "@barometre/shared";
import {
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  Timestamp,
} from "firebase-admin/firestore";
import type { MailKind, OutboxMail } from "../mail/outbox.ts";
import {
  answersCol,
  campaignDoc,
  finalCol,
  followupsCol,
  latestCol,
  mailClaimsCol,
  mailCol,
  peersCol,
  populationVersionDoc,
  progressCol,
  reviewsCol,
  revisionsCol,
  snapshotCol,
  unionSheetDoc,
} from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";
import { eachLimited } from "../util/each-limited.ts";

export interface ClosedCampaign {
  year: number;
  closedAt: Date;
}

/** One thing a purge removes: documents deleted in order, then a document emptied or marked, in one batch. */
export interface Candidate {
  refs: DocumentReference[];
  update?: { ref: DocumentReference; data: Record<string, unknown> };
  /** When its retention starts. */
  anchor: Date;
}

/** What is left of a mail's message once emptied. */
export const PURGED_MESSAGE = {
  subject: "",
  text: "Courriel vidé : sa durée de conservation est dépassée.",
  html: "",
  attachments: [],
};

type Collect = (db: Firestore, campaign: ClosedCampaign) => Promise<Candidate[]>;

/** Structures read at once. */
const CONCURRENCY = 8;
/** The most values Firestore takes in an "in" filter. */
const IN_LIMIT = 30;

const idsOf = async (col: CollectionReference) => (await col.select().get()).docs.map((d) => d.ref);

/** Every structure with something stored in the campaign: its latest copy or its preparation record. */
async function structuresOf(db: Firestore, year: number) {
  const [latest, progress] = await Promise.all([
    idsOf(latestCol(db, year)),
    idsOf(progressCol(db, year)),
  ]);
  const codes = [...new Set([...latest, ...progress].map((r) => r.id))].sort();
  return {
    codes,
    latest: new Map(latest.map((r) => [r.id, r])),
    progress: new Map(progress.map((r) => [r.id, r])),
  };
}

const each = (refs: DocumentReference[], anchor: Date): Candidate[] =>
  refs.map((ref) => ({ refs: [ref], anchor }));

/**
 * A structure's revisions, the Union's reviews and idempotency records first, its preparation record and latest
 * copy last: an interrupted purge still finds the structure through its latest copy and finishes it. The
 * campaign's population snapshot, which holds every structure's indicator values, and the peer sets the directors
 * chose for it go after all of them.
 */
const returns: Collect = async (db, { year, closedAt }) => {
  const [{ codes, latest, progress }, sheet] = await Promise.all([
    structuresOf(db, year),
    unionSheetDoc(db, year).get(),
  ]);
  const perCode = await eachLimited(codes, CONCURRENCY, async (code) => {
    const [revisions, reviews, answers] = await Promise.all([
      idsOf(revisionsCol(db, year, code)),
      idsOf(reviewsCol(db, year, code)),
      idsOf(answersCol(db, year, code)),
    ]);
    const last = [progress.get(code), latest.get(code)].filter(
      (r): r is DocumentReference => r !== undefined,
    );
    return each([...revisions, ...reviews, ...answers, ...last], closedAt);
  });
  const [snapshot, peers] = await Promise.all([
    idsOf(snapshotCol(db, year)),
    idsOf(peersCol(db, year)),
  ]);
  const all = [...perCode.flat(), ...each([...snapshot, ...peers], closedAt)];
  // The Union's consolidated sheet of the campaign is rewritten without them at its next sync.
  const final = all.at(-1);
  if (final && sheet.exists) final.update = { ref: sheet.ref, data: { dirty: true } };
  return all;
};

const answers: Collect = async (db, { year, closedAt }) => {
  const { codes } = await structuresOf(db, year);
  const refs = await eachLimited(codes, CONCURRENCY, (code) => idsOf(answersCol(db, year, code)));
  return each(refs.flat(), closedAt);
};

/** The retention kind of every mail kind: a new kind of mail does not compile until it is given one. */
const MAIL_RETENTION: Record<MailKind, "mails" | "reminders"> = {
  report: "mails",
  summary: "mails",
  reminder: "reminders",
  digest: "reminders",
  revision: "reminders",
  recipients: "reminders",
  review: "reminders",
};

/** Delivered mails of one retention kind with their claims; a mail not delivered (pending, retrying, failed) stays. */
const mailsOf =
  (retention: "mails" | "reminders"): Collect =>
  async (db, { year, closedAt }) => {
    const snap = await mailCol(db)
      .where("campaignYear", "==", year)
      .select("kind", "delivery", "purgedAt")
      .withConverter(asStored<Pick<OutboxMail, "kind" | "delivery" | "purgedAt">>())
      .get();
    const delivered = snap.docs.filter((d) => {
      const { kind, delivery, purgedAt } = d.data();
      return (
        MAIL_RETENTION[kind] === retention &&
        delivery?.state === "SUCCESS" &&
        delivery.endTime !== null &&
        purgedAt === undefined
      );
    });
    const claims = new Map<string, DocumentReference[]>();
    for (let i = 0; i < delivered.length; i += IN_LIMIT) {
      const ids = delivered.slice(i, i + IN_LIMIT).map((d) => d.id);
      const found = await mailClaimsCol(db)
        .where("mailId", "in", ids)
        .select("mailId")
        .withConverter(asStored<{ mailId: string }>())
        .get();
      for (const c of found.docs) {
        const id = c.data().mailId;
        claims.set(id, [...(claims.get(id) ?? []), c.ref]);
      }
    }
    return delivered.map((d) => {
      const { delivery } = d.data();
      const end = delivery.endTime?.toDate() ?? closedAt;
      const anchor = new Date(Math.max(end.getTime(), closedAt.getTime()));
      return {
        refs: claims.get(d.id) ?? [],
        update: {
          ref: d.ref,
          data: {
            to: [],
            message: PURGED_MESSAGE,
            // The recipients the server accepted, and its answer, go with the rest.
            delivery: { ...delivery, info: null, error: null },
            purgedAt: Timestamp.fromDate(anchor),
          },
        },
        anchor,
      };
    });
  };

const followups: Collect = async (db, { year, closedAt }) =>
  each(await idsOf(followupsCol(db, year)), closedAt);

/**
 * The final benchmark and its batches, and the population's version. The campaign first stops asking for its final
 * reports: the hourly upkeep would otherwise compute the benchmark again and send the reports a second time.
 */
const snapshots: Collect = async (db, { year, closedAt }) => {
  const population = populationVersionDoc(db, year);
  const [final, state] = await Promise.all([idsOf(finalCol(db, year)), population.get()]);
  const [first, ...rest] = each([...final, ...(state.exists ? [population] : [])], closedAt);
  if (!first) return [];
  const stopReports = { ref: campaignDoc(db, year), data: { reportsRequestedAt: null } };
  return [{ ...first, update: stopReports }, ...rest];
};

export const COLLECT: Record<RetentionKind, Collect> = {
  returns,
  answers,
  mails: mailsOf("mails"),
  reminders: mailsOf("reminders"),
  followups,
  snapshots,
};

/** Kinds whose every document starts its retention at the close: once purged, a campaign has none left. */
export const CAMPAIGN_WIDE: readonly RetentionKind[] = [
  "returns",
  "answers",
  "followups",
  "snapshots",
];
