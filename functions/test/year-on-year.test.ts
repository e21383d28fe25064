// The year-on-year review on its own: which figures are compared, the ±50 % edge, and the French sentence.

import { emptyReturn, noCells } from "@barometre/shared";
import { describe, expect, it } from "vitest";
import { yearOnYearWarnings } from "../src/returns/year-on-year.ts";

function pair() {
  const before = emptyReturn();
  const now = emptyReturn();
  before.identification.year = 2017;
  now.identification.year = 2018;
  return { before, now };
}

describe("yearOnYearWarnings", () => {
  it("flags a change beyond 50 % either way, not one of exactly 50 %", () => {
    const { before, now } = pair();
    before.finance.chargesTotal = 100_000;
    now.finance.chargesTotal = 150_000;
    before.social.staffTotal = 10;
    now.social.staffTotal = 4;
    before.activity.visitors = 1000;
    now.activity.visitors = 1501;
    const fields = yearOnYearWarnings(now, before, noCells).map((f) => f.field);
    expect(fields).toEqual(["social.staffTotal", "activity.visitors"]);
  });

  it("compares negative amounts by the size of the previous one", () => {
    const { before, now } = pair();
    before.finance.netResult = -10_000;
    now.finance.netResult = 2_000;
    const [finding] = yearOnYearWarnings(now, before, noCells);
    expect(finding).toEqual({
      severity: "warning",
      field: "finance.netResult",
      cell: null,
      message:
        "« Résultat net comptable » passe de -10\u202f000,00\u00a0€ en 2017 à 2\u202f000,00\u00a0€ en 2018 (+120,0\u00a0%) : vérifiez ce chiffre.",
    });
  });

  it("skips empty values, a previous zero, and the exercice itself", () => {
    const { before, now } = pair();
    before.finance.trainingCosts = 0;
    now.finance.trainingCosts = 5_000;
    now.finance.revenueTotal = 100;
    before.social.fteTotal = null;
    now.social.fteTotal = 3;
    expect(yearOnYearWarnings(now, before, noCells)).toEqual([]);
  });
});
