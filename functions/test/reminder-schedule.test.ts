// Which reminder round is due on a given day, how reminder days are written, and how the days left read in French.

import { daysBetween, daysLeftWords, deadlineSentence } from "@barometre/shared";
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { CATCH_UP_DAYS, dueReminder } from "../src/reminders/due.ts";
import { offsetLabel, parseOffsetLabel } from "../src/reminders/offsets.ts";
import { type Campaign, campaignOf } from "../src/storage/campaigns.ts";

const DEADLINE = "2019-06-30";

const campaign = (overrides: Partial<Campaign> = {}): Campaign =>
  campaignOf({
    year: 2018,
    state: "open",
    deadline: DEADLINE,
    bands: {},
    minGroupSize: 5,
    mode: "anonymous",
    updatedBy: "union@pimms.example",
    ...overrides,
  });

/** The day `days` away from the deadline, as "YYYY-MM-DD". */
const day = (days: number) =>
  new Date(Date.UTC(2019, 5, 30) + days * 86_400_000).toISOString().slice(0, 10);

const dueOn = (days: number, c = campaign()) => dueReminder(c, day(days))?.offset ?? null;

describe("dueReminder", () => {
  it("owes J-14, J-7, J-2 and J+1 by default, each on its day", () => {
    expect(campaign().reminderOffsets).toEqual([-14, -7, -2, 1]);
    expect(dueReminder(campaign(), day(-7))).toEqual({
      offset: -7,
      deadline: DEADLINE,
      daysLeft: 7,
    });
    expect([-20, -15].map((d) => dueOn(d))).toEqual([null, null]);
    expect([-14, -7, -2, 1].map((d) => dueOn(d))).toEqual([-14, -7, -2, 1]);
  });

  it("catches up a missed day with the latest reminder day only, at most CATCH_UP_DAYS late", () => {
    expect(dueReminder(campaign(), day(-13))).toMatchObject({ offset: -14, daysLeft: 13 });
    expect(dueOn(-1)).toBe(-2);
    expect(dueOn(-14 + CATCH_UP_DAYS)).toBe(-14);
    expect(dueOn(-14 + CATCH_UP_DAYS + 1)).toBeNull();
    expect(dueOn(1 + CATCH_UP_DAYS)).toBe(1);
    expect(dueOn(2 + CATCH_UP_DAYS)).toBeNull();
  });

  it("never sends a before-the-deadline reminder once the deadline has passed", () => {
    const noLate = campaign({ reminderOffsets: [-7, -2] });
    expect(dueOn(0, noLate)).toBe(-2);
    expect(dueOn(1, noLate)).toBeNull();
    expect(dueOn(0, campaign({ reminderOffsets: [0] }))).toBe(0);
  });

  it("follows a campaign closed after its deadline, not one closed before, nor one without deadline", () => {
    const closedAt = (iso: string) => Timestamp.fromDate(new Date(iso));
    const byDeadline = campaign({ state: "closed", closedAt: closedAt("2019-06-30T22:30:00Z") });
    expect(dueOn(1, byDeadline)).toBe(1);
    const early = campaign({ state: "closed", closedAt: closedAt("2019-06-20T10:00:00Z") });
    expect(dueOn(-7, early)).toBeNull();
    expect(dueOn(1, early)).toBeNull();
    expect(dueOn(-7, campaign({ deadline: null }))).toBeNull();
    expect(dueOn(-7, campaign({ reminderOffsets: [] }))).toBeNull();
  });
});

describe("reminder days and days left, in French", () => {
  it("writes and reads J-14, J, J+1", () => {
    expect([-14, 0, 1].map(offsetLabel)).toEqual(["J-14", "J", "J+1"]);
    expect(["J-14", "j+1", " J − 7 ", "J", "J-120"].map(parseOffsetLabel)).toEqual([
      -14, 1, -7, 0, -120,
    ]);
    expect(["", "14", "J14", "K-1", "J-1-2"].map(parseOffsetLabel)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("says the days left as the sidebar and the mails show them", () => {
    expect(daysBetween("2019-06-18", DEADLINE)).toBe(12);
    expect(daysBetween("2019-12-31", "2020-03-01")).toBe(61);
    expect([12, 1, 0, -1, -3, -1200].map(daysLeftWords)).toEqual([
      "dans 12 jours",
      "demain",
      "aujourd'hui",
      "passée hier",
      "passée depuis 3 jours",
      "passée depuis 1\u202f200 jours",
    ]);
    expect(deadlineSentence(DEADLINE, 12)).toBe("Date limite : 30/06/2019, dans 12 jours");
  });
});
