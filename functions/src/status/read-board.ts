// Reads a campaign's status board from Firestore: the directory, the latest revisions (summaries only) and progress.
import type { Firestore } from "firebase-admin/firestore";
import { announcedDeadline, getCampaign } from "../storage/campaigns.ts";
import { listStructures } from "../storage/directory.ts";
import { latestCol } from "../storage/paths.ts";
import { listProgress } from "../storage/progress.ts";
import { asStored } from "../storage/stored.ts";
import {
  type LatestSummary,
  type StatusBoard,
  type StatusRow,
  SUMMARY_FIELDS,
  statusBoard,
  statusRows,
} from "./board.ts";

/** The latest revisions without their payloads (the local emulator ignores select() and returns them whole). */
export async function latestSummaries(db: Firestore, year: number): Promise<LatestSummary[]> {
  const snap = await latestCol(db, year)
    .select(...SUMMARY_FIELDS)
    .withConverter(asStored<LatestSummary>())
    .get();
  return snap.docs.map((d) => d.data());
}

/** The board's rows; `latest` when the caller has already read the latest revisions. */
export async function readStatusRows(
  db: Firestore,
  year: number,
  latest?: readonly LatestSummary[],
): Promise<StatusRow[]> {
  const [directory, summaries, progress, campaign] = await Promise.all([
    listStructures(db),
    latest ?? latestSummaries(db, year),
    listProgress(db, year),
    getCampaign(db, year),
  ]);
  return statusRows(directory, summaries, progress, campaign ? announcedDeadline(campaign) : null);
}

/** The board of a campaign, or null when the campaign does not exist. */
export async function readStatusBoard(db: Firestore, year: number): Promise<StatusBoard | null> {
  const [campaign, rows] = await Promise.all([getCampaign(db, year), readStatusRows(db, year)]);
  return campaign ? statusBoard(campaign, rows) : null;
}
