// Which reminder round a campaign owes today: the latest reminder day reached, once, never a burst of missed ones.
import { daysBetween } from "@barometre/shared";
import { type Campaign, parisDay } from "../storage/campaigns.ts";

/** A reminder day whose run was missed is still honoured this many days late; an older one gives way to the next. */
export const CATCH_UP_DAYS = 3;

export interface DueReminder {
  /** The reminder day, relative to the deadline (-7 for J-7). */
  offset: number;
  deadline: string;
  /** Days from today to the deadline, as the mails say them: 0 on its last day, negative once passed. */
  daysLeft: number;
}

/** Open, or closed once its deadline had passed (the hourly upkeep closes it then): the late still hear from it. */
function followedUp(campaign: Campaign): boolean {
  if (campaign.state === "open") return true;
  const closed = campaign.closedAt?.toDate();
  return closed !== undefined && campaign.deadline !== null && parisDay(closed) > campaign.deadline;
}

/**
 * The round due on `today` (a Paris day): the latest reminder day reached, at most CATCH_UP_DAYS late, and never a
 * before-the-deadline reminder once the deadline has passed. Outbox ids make each round go out once.
 */
export function dueReminder(campaign: Campaign, today: string): DueReminder | null {
  if (campaign.deadline === null || !followedUp(campaign)) return null;
  const sinceDeadline = daysBetween(campaign.deadline, today);
  const reached = campaign.reminderOffsets.filter((d) => d <= sinceDeadline);
  if (reached.length === 0) return null;
  const offset = Math.max(...reached);
  if (sinceDeadline - offset > CATCH_UP_DAYS) return null;
  if (offset <= 0 && sinceDeadline > 0) return null;
  return { offset, deadline: campaign.deadline, daysLeft: -sinceDeadline };
}
