// The retention policy's checks: durations in French units, kinds, minimums, and stored settings read safely.
import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_MAX_DAYS,
  checkRetention,
  DEFAULT_RETENTION,
  formatRetention,
  RETENTION_KINDS,
  retentionPolicy,
  years,
} from "../src/index.ts";

describe("checkRetention", () => {
  it("reads days, months and years, with or without a space or a unit", () => {
    const days = (kind: string, text: string) => {
      const c = checkRetention(kind, text);
      return c.ok ? c.days : c.error;
    };
    expect(days("mails", "90")).toBe(90);
    expect(days("mails", "90j")).toBe(90);
    expect(days("mails", "90 jours")).toBe(90);
    expect(days("mails", "6mois")).toBe(180);
    expect(days("returns", "10ans")).toBe(years(10));
    expect(days("returns", " 2 a ")).toBe(years(2));
    expect(days("answers", "0")).toBe(0);
  });

  it("refuses an unknown kind, a negative or unreadable duration, and less than a campaign where one needs it", () => {
    const error = (kind: string, text: string) => {
      const c = checkRetention(kind, text);
      return c.ok ? "" : c.error;
    };
    expect(error("audit", "10ans")).toContain("Type de données inconnu : « audit »");
    expect(error("mails", "-1j")).toContain("ne peut pas être négative");
    expect(error("mails", "1,5 an")).toContain("durée illisible");
    expect(error("mails", "200ans")).toContain("plus de cent ans");
    for (const kind of ["returns", "followups", "snapshots"]) {
      expect(error(kind, `${CAMPAIGN_MAX_DAYS - 1}j`)).toContain(
        "moins que la durée d'une campagne",
      );
      expect(error(kind, `${CAMPAIGN_MAX_DAYS}j`)).toBe("");
    }
  });
});

describe("retentionPolicy and formatRetention", () => {
  it("takes the Union's valid settings and the defaults for the rest", () => {
    expect(retentionPolicy(undefined)).toEqual(DEFAULT_RETENTION);
    const policy = retentionPolicy({ mails: 30, returns: 10, answers: -1, snapshots: "x" });
    expect(policy).toEqual({ ...DEFAULT_RETENTION, mails: 30 });
    expect(Object.keys(policy)).toEqual([...RETENTION_KINDS]);
  });

  it("says a duration in its exact French words", () => {
    expect([0, 1, 30, 90, years(1), years(10), 400].map(formatRetention)).toEqual([
      "0 jour",
      "1 jour",
      "30 jours",
      "3 mois",
      "1 an",
      "10 ans",
      "400 jours",
    ]);
  });
});
