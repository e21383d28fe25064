// Applies the retention policy: deletes, in bounded batches, what has been kept longer than the Union's policy says.
//
// Only closed campaigns are purged, and a mail only once delivered: what a campaign still needs is never a candidate.
// Before each batch the policy and the campaign are read again and every candidate checked against them, so a purge
// stopped half-way (a crash, a timeout) and run again later deletes what is due then, never more; and each run finds
// its candidates afresh, so it resumes where an interrupted one stopped.
import { RETENTION_KINDS, type RetentionKind, type RetentionPolicy } from "@barometre/shared";
import type { Firestore, Timestamp } from "firebase-admin/firestore";
import { recordPastCampaigns } from "../positioning/past-record.ts";
import { type Campaign, campaignOf, getCampaign } from "../storage/campaigns.ts";
import { campaignsCol, retentionProgressDoc } from "../storage/paths.ts";
import { asStored } from "../storage/stored.ts";
import { CAMPAIGN_WIDE, type Candidate, type ClosedCampaign, COLLECT } from "./candidates.ts";
import { readRetention } from "./settings.ts";

const DAY_MS = 86_400_000;

/** What was (or, in a dry run, would be) deleted of one kind in one campaign, and how old it was. */
export interface PurgeLine {
  kind: RetentionKind;
  year: number;
  /** Documents, or mails counted with their claims as one. */
  count: number;
  /** Days since its retention started, for the youngest and the oldest. */
  minAgeDays: number;
  maxAgeDays: number;
}

export interface PurgeReport {
  lines: PurgeLine[];
  /** False when the run stopped at its limit: the next run goes on. */
  complete: boolean;
}

export interface PurgeOptions {
  dryRun?: boolean;
  /** Documents deleted per batch (Firestore takes 500 writes at most). */
  batchSize?: number;
  /** No batch is started once this many documents are written: the next run goes on. */
  limit?: number;
  /** Looks at every campaign's mails, even those all looked at less than a day ago (the Union's own run). */
  rescan?: boolean;
  /** Called after each batch is committed. */
  onBatch?: (line: PurgeLine) => void | Promise<void>;
}

const closedAtOf = (c: Campaign | null): Date | null =>
  c?.state === "closed" && c.closedAt ? (c.closedAt as Timestamp).toDate() : null;

async function closedCampaigns(db: Firestore): Promise<ClosedCampaign[]> {
  const snap = await campaignsCol(db).orderBy("year").get();
  return snap.docs.flatMap((d) => {
    const c = campaignOf(d.data());
    const closedAt = closedAtOf(c);
    return closedAt ? [{ year: c.year, closedAt }] : [];
  });
}

const ageDays = (anchor: Date, now: Date) =>
  Math.floor((now.getTime() - anchor.getTime()) / DAY_MS);

const due = (anchor: Date, days: number, now: Date) => ageDays(anchor, now) >= days;

/**
 * Where each kind-year stands: for a campaign-wide kind, the close its purge was finished for; for mails, when they
 * were last all looked at (a campaign's mails are then looked at again a day later, not every hour).
 */
async function finished(db: Firestore): Promise<Record<string, number>> {
  const progress = retentionProgressDoc(db).withConverter(asStored<Record<string, number>>());
  return (await progress.get()).data() ?? {};
}

/** Still due as the policy and the campaign stand now: closed at the same moment, and kept long enough. */
async function stillDue(
  db: Firestore,
  kind: RetentionKind,
  campaign: ClosedCampaign,
  now: Date,
): Promise<(c: Candidate) => boolean> {
  const [{ policy }, current] = await Promise.all([
    readRetention(db),
    getCampaign(db, campaign.year),
  ]);
  if (closedAtOf(current)?.getTime() !== campaign.closedAt.getTime()) return () => false;
  return (c) => due(c.anchor, policy[kind], now);
}

const writes = (c: Candidate) => c.refs.length + (c.update ? 1 : 0);

/** Candidates in batches of about `size` documents, never splitting a mail from its claims. */
function batches(candidates: Candidate[], size: number): Candidate[][] {
  const out: Candidate[][] = [];
  let current: Candidate[] = [];
  let docs = 0;
  for (const c of candidates) {
    if (docs > 0 && docs + writes(c) > size) {
      out.push(current);
      current = [];
      docs = 0;
    }
    current.push(c);
    docs += writes(c);
  }
  if (current.length) out.push(current);
  return out;
}

function lineOf(kind: RetentionKind, year: number, items: Candidate[], now: Date): PurgeLine {
  const ages = items.map((c) => ageDays(c.anchor, now));
  return {
    kind,
    year,
    count: items.length,
    minAgeDays: Math.min(...ages),
    maxAgeDays: Math.max(...ages),
  };
}

function merge(lines: PurgeLine[], line: PurgeLine): void {
  const same = lines.find((l) => l.kind === line.kind && l.year === line.year);
  if (!same) lines.push(line);
  else {
    same.count += line.count;
    same.minAgeDays = Math.min(same.minAgeDays, line.minAgeDays);
    same.maxAgeDays = Math.max(same.maxAgeDays, line.maxAgeDays);
  }
}

/** Whether anything of this kind in this campaign may be due now (nothing is before the close plus the retention). */
function mayBeDue(
  kind: RetentionKind,
  campaign: ClosedCampaign,
  policy: RetentionPolicy,
  done: Record<string, number>,
  now: Date,
  rescan: boolean,
): boolean {
  const mark = done[`${kind}-${campaign.year}`];
  if (CAMPAIGN_WIDE.includes(kind)) {
    if (mark === campaign.closedAt.getTime()) return false;
  } else if (!rescan && mark !== undefined) {
    const since = now.getTime() - mark;
    if (since >= 0 && since < DAY_MS) return false;
  }
  return due(campaign.closedAt, policy[kind], now);
}

export async function applyRetention(
  db: Firestore,
  now: Date,
  options: PurgeOptions = {},
): Promise<PurgeReport> {
  const { dryRun = false, batchSize = 200, limit = Number.POSITIVE_INFINITY } = options;
  const [campaigns, { policy }, done] = await Promise.all([
    closedCampaigns(db),
    readRetention(db),
    finished(db),
  ]);
  const lines: PurgeLine[] = [];
  let deleted = 0;
  for (const kind of RETENTION_KINDS)
    for (const campaign of campaigns) {
      if (!mayBeDue(kind, campaign, policy, done, now, options.rescan === true)) continue;
      const candidates = (await COLLECT[kind](db, campaign)).filter((c) =>
        due(c.anchor, policy[kind], now),
      );
      if (dryRun) {
        if (candidates.length) merge(lines, lineOf(kind, campaign.year, candidates, now));
        continue;
      }
      let skipped = false;
      for (const batch of batches(candidates, batchSize)) {
        if (deleted >= limit) return { lines, complete: false };
        const items = batch.filter(await stillDue(db, kind, campaign, now));
        skipped ||= items.length < batch.length;
        if (items.length === 0) continue;
        const write = db.batch();
        for (const item of items) {
          for (const ref of item.refs) write.delete(ref);
          if (item.update) write.update(item.update.ref, item.update.data);
        }
        await write.commit();
        deleted += items.reduce((n, c) => n + writes(c), 0);
        const line = lineOf(kind, campaign.year, items, now);
        merge(lines, { ...line });
        await options.onBatch?.(line);
      }
      if (!skipped) {
        // A purged final benchmark's medians leave the records of the campaigns after it.
        if (kind === "snapshots")
          await recordPastCampaigns(db, campaign.year, { self: false, forget: true });
        const mark = CAMPAIGN_WIDE.includes(kind) ? campaign.closedAt : now;
        await retentionProgressDoc(db).set(
          { [`${kind}-${campaign.year}`]: mark.getTime() },
          { merge: true },
        );
      }
    }
  return { lines, complete: true };
}
