// Where everything lives in Firestore: the one place that builds document paths.
//
//   structures/{CODE}                               the Union's directory: code, name, territory, authorised emails
//   admins/{email}                                  Union admins, who may do everything; ids are canonical addresses
//                                                   (shared/src/values/address.ts), never containing "/"
//   campaigns/{YEAR}                                one campaign per exercice: state, deadline, bands, minimum
//                                                   group size, anonymous or transparent mode; pastCampaigns: which
//                                                   of the four years before it held a campaign, and their final
//                                                   medians (positioning/past-record.ts)
//   campaigns/{YEAR}/structures/{CODE}/revisions/{000001}
//                                                   the append-only revisions of one structure's return: payload,
//                                                   indicators (campaign bands), content hash, submitter, server
//                                                   time, idempotency key, review; ids are the zero-padded numbers
//   campaigns/{YEAR}/structures/{CODE}/reviews/{000002-0001}
//                                                   the Union's reviews, one document each, never changed: revision,
//                                                   sequence, state, comment, fields, who, when (the history, and
//                                                   what makes two admins' simultaneous reviews one winner)
//   campaigns/{YEAR}/followups/{CODE}               the Union's follow-up of a structure with a red-band indicator at
//                                                   close: the red indicators and their values over the years, state,
//                                                   notes, next step, and next year's outcome; never sent to it
//   campaigns/{YEAR}/peers/{CODE}                   the custom peer set a structure's director chose for the campaign
//                                                   (criteria or named structures, or null: none), who and when; a
//                                                   campaign without one uses the latest earlier campaign's
//   campaigns/{YEAR}/structures/{CODE}/answers/{sha256(key)}
//                                                   the first answer given for an idempotency key
//   campaigns/{YEAR}/latest/{CODE}                  a copy of each structure's highest revision, so a campaign's
//                                                   population (2,800 structures) is one query
//   campaigns/{YEAR}/state/population              a version number raised by every change of the latest copies,
//                                                   so a cached population is checked with one read
//   campaigns/{YEAR}/snapshot/shard-{000}          the population snapshot, for a new instance's first positioning:
//                                                   in each of the campaign's populationShards documents, one map
//                                                   entry s{CODE}_{revision number} → JSON text of [territory,
//                                                   indicator values] per latest revision, added in the batch that
//                                                   writes the latest copy (positioning/population-snapshot.ts)
//   campaigns/{YEAR}/progress/{CODE}                what a structure did before submitting, for the status board:
//                                                   when the add-on first and last prepared its workbook, and who
//   campaigns/{YEAR}/final/benchmark                the final benchmark, computed once at close: network and group
//                                                   statistics, settings, member count, when the fan-out started
//   campaigns/{YEAR}/final/batch-{0000}             one batch of the report fan-out: its structures' frozen
//                                                   positionings, as one JSON text (array-contains on `codes`)
//   mail/{id}                                       the outbox, in the firestore-send-email extension's schema;
//                                                   ids are deterministic (report-2018-CODE, revision-2018-CODE-000002,
//                                                   reminder-2018-CODE-2019-06-30-J-7, recipients-2018,
//                                                   review-2018-CODE-000002-0001)
//   mailClaims/{id}~{attempt}                       one per delivery attempt, created before sending (exactly once)
//   unionSheets/{YEAR}                              the Union's consolidated sheet for a campaign: sync state
//   settings/retention                              the Union's retention policy: days kept, by kind of data
//   settings/retentionProgress                      which campaign-wide purges are finished, by kind and year
//   audit/{id}                                      the append-only log of the Union's actions: who, when, what,
//                                                   on which structure (through its subject) and year, the outcome
//   auditSubjects/{CODE}                            the random subject standing for a structure in the log; erasing
//                                                   the structure deletes it, so the log keeps no trace of the code
//
// Only the functions and the Union's command line touch these documents (firestore.rules deny every client).
// Every query filters or sorts on one field, so Firestore's automatic single-field indexes serve them all;
// firestore.indexes.json only exempts the large maps (payload, indicators, findings, answer, explanations, changes,
// a follow-up's indicators and notes) from indexing.
// Nothing relies on transactions, collectionGroup, startAfter/offset, FieldValue.delete or set() replacing a
// document: the emulator available here gets those silently wrong (see the emulator-conformance test). select()
// only saves transfer: the emulator returns whole documents, and every reader takes only the fields it names.
// The population snapshot shares shard documents between structures without any of those: concurrent writers only
// add map entries (set with merge, one unquoted field name each: the emulator drops quoted field paths), each entry
// immutable and keyed by its revision number, so no write can undo another's; an erasure, which must remove entries,
// replaces the shard's map and then adds back every latest copy's entry (positioning/population-snapshot.ts).
import type { CollectionReference, DocumentReference, Firestore } from "firebase-admin/firestore";

/**
 * Text that reaches a document path as one id: callers validate it first (codes by the schema's pattern, addresses
 * by the address rule, keys hashed) and answer a refusal in French; this is the last guard, so a "/" can never
 * turn an id into a path to another document.
 */
function safeId(text: string): string {
  if (text === "" || text.includes("/") || text === "." || text === ".." || /^__.*__$/.test(text))
    throw new Error(`Unsafe document id: ${JSON.stringify(text.slice(0, 80))}`);
  return text;
}

/** Revision numbers as document ids: zero-padded so ids sort like numbers. */
export const revisionId = (n: number): string => String(n).padStart(6, "0");

export const structureDoc = (db: Firestore, code: string): DocumentReference =>
  db.collection("structures").doc(safeId(code));

export const structuresCol = (db: Firestore): CollectionReference => db.collection("structures");

export const adminDoc = (db: Firestore, email: string): DocumentReference =>
  db.collection("admins").doc(safeId(email));

export const adminsCol = (db: Firestore): CollectionReference => db.collection("admins");

export const campaignsCol = (db: Firestore): CollectionReference => db.collection("campaigns");

export const campaignDoc = (db: Firestore, year: number): DocumentReference =>
  campaignsCol(db).doc(String(year));

export const revisionsCol = (db: Firestore, year: number, code: string): CollectionReference =>
  campaignDoc(db, year).collection("structures").doc(safeId(code)).collection("revisions");

export const reviewsCol = (db: Firestore, year: number, code: string): CollectionReference =>
  campaignDoc(db, year).collection("structures").doc(safeId(code)).collection("reviews");

/** A review's id: its revision and its sequence among that revision's reviews, so ids sort in order. */
export const reviewId = (revision: number, sequence: number): string =>
  `${revisionId(revision)}-${String(sequence).padStart(4, "0")}`;

export const answersCol = (db: Firestore, year: number, code: string): CollectionReference =>
  campaignDoc(db, year).collection("structures").doc(safeId(code)).collection("answers");

export const latestCol = (db: Firestore, year: number): CollectionReference =>
  campaignDoc(db, year).collection("latest");

export const latestDoc = (db: Firestore, year: number, code: string): DocumentReference =>
  latestCol(db, year).doc(safeId(code));

export const populationVersionDoc = (db: Firestore, year: number): DocumentReference =>
  campaignDoc(db, year).collection("state").doc("population");

export const snapshotCol = (db: Firestore, year: number): CollectionReference =>
  campaignDoc(db, year).collection("snapshot");

export const snapshotShardDoc = (db: Firestore, year: number, shard: number): DocumentReference =>
  snapshotCol(db, year).doc(`shard-${String(shard).padStart(3, "0")}`);

export const progressCol = (db: Firestore, year: number): CollectionReference =>
  campaignDoc(db, year).collection("progress");

export const progressDoc = (db: Firestore, year: number, code: string): DocumentReference =>
  progressCol(db, year).doc(safeId(code));

export const finalCol = (db: Firestore, year: number): CollectionReference =>
  campaignDoc(db, year).collection("final");

export const finalBenchmarkDoc = (db: Firestore, year: number): DocumentReference =>
  finalCol(db, year).doc("benchmark");

export const finalBatchDoc = (db: Firestore, year: number, batch: number): DocumentReference =>
  finalCol(db, year).doc(`batch-${String(batch).padStart(4, "0")}`);

export const mailCol = (db: Firestore): CollectionReference => db.collection("mail");

export const mailDoc = (db: Firestore, mailId: string): DocumentReference =>
  mailCol(db).doc(safeId(mailId));

export const mailClaimsCol = (db: Firestore): CollectionReference => db.collection("mailClaims");

/** The claim of one delivery attempt of a mail. */
export const mailClaimDoc = (db: Firestore, mailId: string, attempt: number): DocumentReference =>
  mailClaimsCol(db).doc(safeId(`${mailId}~${attempt}`));

export const unionSheetDoc = (db: Firestore, year: number): DocumentReference =>
  db.collection("unionSheets").doc(String(year));

export const followupsCol = (db: Firestore, year: number): CollectionReference =>
  campaignDoc(db, year).collection("followups");

export const followupDoc = (db: Firestore, year: number, code: string): DocumentReference =>
  followupsCol(db, year).doc(safeId(code));

export const retentionSettingsDoc = (db: Firestore): DocumentReference =>
  db.collection("settings").doc("retention");

export const retentionProgressDoc = (db: Firestore): DocumentReference =>
  db.collection("settings").doc("retentionProgress");

export const auditCol = (db: Firestore): CollectionReference => db.collection("audit");

export const auditSubjectsCol = (db: Firestore): CollectionReference =>
  db.collection("auditSubjects");

export const auditSubjectDoc = (db: Firestore, code: string): DocumentReference =>
  auditSubjectsCol(db).doc(safeId(code));

export const peersCol = (db: Firestore, year: number): CollectionReference =>
  campaignDoc(db, year).collection("peers");

export const peersDoc = (db: Firestore, year: number, code: string): DocumentReference =>
  peersCol(db, year).doc(safeId(code));
