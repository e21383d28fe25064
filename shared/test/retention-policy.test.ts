// The retention policy's checks: durations in French units, kinds, minimums, and stored settings read safely.
import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_MAX_DAYS,
  checkRetention,
  DEFAULT_RETENTION,
  formatRetention,
  months,
  RETENTION_KINDS,
  retentionPolicy,
  years,
} from "../src/index.ts";

describe("checkRetention", () => {
  it("reads days, months and years, with or without a space", () => {
    const days = (kind: string, text: string) => {
      const c = checkRetention(kind, text);
      return c.ok ? c.days : c.error;
    };
    expect(days("mails", "90j")).toBe(90);
    expect(days("mails", "90 jours")).toBe(90);
    expect(days("mails", "6mois")).toBe(183);
    expect(days("returns", "10ans")).toBe(years(10));
    expect(days("returns", " 2 a ")).toBe(years(2));
    expect(days("answers", "0")).toBe(0);
  });

  it("counts a month as a twelfth of a year: 12 mois is 1 an, accepted where a campaign is the minimum", () => {
    for (let n = 1; n <= 10; n++) expect(months(12 * n), `${12 * n} mois`).toBe(years(n));
    for (const kind of ["returns", "followups", "snapshots"]) {
      expect(checkRetention(kind, "12mois")).toEqual({ ok: true, kind, days: years(1) });
      expect(checkRetention(kind, "365j")).toEqual(checkRetention(kind, "12 mois"));
      const eleven = checkRetention(kind, "11mois");
      expect(eleven.ok ? "" : eleven.error).toContain("11 mois, c'est moins que");
    }
  });

  it("refuses a number without its unit, except zero, naming the units", () => {
    for (const text of ["2", " 90 ", "+3"]) {
      const c = checkRetention("mails", text);
      expect(c.ok, text).toBe(false);
      expect(c.ok ? "" : c.error).toBe(
        `« mails » : « ${text.trim()} » sans unité ; écrivez l'unité après le nombre : j (jours), mois ou ans, par exemple 90j, 6mois ou 10ans.`,
      );
    }
    expect(checkRetention("reminders", "0")).toEqual({ ok: true, kind: "reminders", days: 0 });
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
    expect(
      [0, 1, 30, 90, months(3), years(1), months(18), years(10), 400].map(formatRetention),
    ).toEqual([
      "0 jour",
      "1 jour",
      "30 jours",
      "90 jours",
      "3 mois",
      "1 an",
      "18 mois",
      "10 ans",
      "400 jours",
    ]);
  });

  it("says back what the Union typed, in the same unit or in years when it is a whole number of them", () => {
    const said = (text: string) => {
      const c = checkRetention("returns", text);
      return c.ok ? formatRetention(c.days) : c.error;
    };
    expect(["12mois", "24 mois", "18mois", "400j", "365j", "3ans"].map(said)).toEqual([
      "1 an",
      "2 ans",
      "18 mois",
      "400 jours",
      "1 an",
      "3 ans",
    ]);
    for (let n = 2; n <= 1200; n++) {
      const c = checkRetention("mails", `${n}mois`);
      expect(c.ok && formatRetention(c.days), `${n}mois`).toBe(
        n % 12 ? `${n} mois` : formatRetention(years(n / 12)),
      );
    }
  });
});
