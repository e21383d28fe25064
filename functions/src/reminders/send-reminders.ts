// The daily reminders: for each campaign owing a round today, a reminder to every registered structure that has not
// submitted, and one digest for the Union; a plain function of (deps, now) so tests drive the calendar.
//
// Nothing is sent twice however often, or however many at once, the run goes: every mail has a deterministic id
// (structure, deadline, reminder day) and is queued with create(), which only one writer wins. Structures are read as
// they stand at the run, so one that has submitted since the last round gets no further reminder.

import { type QueueOutcome, queueMail } from "../mail/outbox.ts";
import type { WorkDeps } from "../runtime/deps.ts";
import { statusRows } from "../status/board.ts";
import { latestSummaries } from "../status/read-board.ts";
import { type Campaign, campaignOf, parisDay } from "../storage/campaigns.ts";
import { listStructures } from "../storage/directory.ts";
import { campaignsCol } from "../storage/paths.ts";
import { listProgress } from "../storage/progress.ts";
import { eachLimited } from "../util/each-limited.ts";
import { digestId, digestMail } from "./digest-mail.ts";
import { type DueReminder, dueReminder } from "./due.ts";
import { reminderId, reminderMail } from "./reminder-mail.ts";

export type ReminderDeps = Pick<WorkDeps, "db" | "config">;

export interface ReminderRound {
  year: number;
  offset: number;
  /** Registered structures without a return at the run. */
  late: number;
  /** Reminders this run queued (the others were queued by an earlier or concurrent run). */
  queued: number;
  /** The Union's digest: queued, already there, or null when no structure was late. */
  digest: QueueOutcome | null;
}

/** Outbox writes in flight at once. */
const CONCURRENCY = 8;

async function remind(
  deps: ReminderDeps,
  year: number,
  due: DueReminder,
  now: Date,
): Promise<ReminderRound> {
  const { db, config } = deps;
  const [directory, latest, progress] = await Promise.all([
    listStructures(db),
    latestSummaries(db, year),
    listProgress(db, year),
  ]);
  const entries = new Map(directory.map((e) => [e.code, e]));
  const late = statusRows(directory, latest, progress).flatMap((row) => {
    const entry = entries.get(row.structureCode);
    return row.state !== "submitted" && entry ? [{ row, entry }] : [];
  });
  const outcomes = await eachLimited(late, CONCURRENCY, ({ row, entry }) =>
    queueMail(
      db,
      reminderId(year, entry.code, due),
      reminderMail(year, entry, row, due, config.mail.privacyUrl),
      config.mail.from,
      now,
    ),
  );
  const digest = late.length
    ? await queueMail(
        db,
        digestId(year, due),
        digestMail(
          year,
          due,
          late.map((l) => l.row),
          directory.length,
          config.mail.union,
        ),
        config.mail.from,
        now,
      )
    : null;
  return {
    year,
    offset: due.offset,
    late: late.length,
    queued: outcomes.filter((o) => o === "queued").length,
    digest,
  };
}

export async function sendReminders(deps: ReminderDeps, now: Date): Promise<ReminderRound[]> {
  const today = parisDay(now);
  const campaigns: Campaign[] = (await campaignsCol(deps.db).orderBy("year").get()).docs.map((d) =>
    campaignOf(d.data()),
  );
  const rounds: ReminderRound[] = [];
  for (const campaign of campaigns) {
    const due = dueReminder(campaign, today);
    if (due) rounds.push(await remind(deps, campaign.year, due, now));
  }
  return rounds;
}
