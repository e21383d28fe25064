// The review dialogue's pure parts: a revision's difference in fr-FR words, and which fields may be explained.
import { describe, expect, it } from "vitest";
import {
  emptyReturn,
  explainableFields,
  field,
  formatFieldValue,
  returnChanges,
} from "../src/index.ts";

describe("returnChanges", () => {
  it("lists only the fields that changed, in schema order, each value in fr-FR words", () => {
    const before = emptyReturn();
    const after = emptyReturn();
    before.finance.chargesTotal = 1_024_140.5;
    after.finance.chargesTotal = 1_030_000;
    after.social.staffTotal = 12;
    after.governance.caValidation.date = "2019-04-12";
    after.governance.caValidation.president = true;
    const changes = returnChanges(before, after);
    expect(changes.map((c) => c.field)).toEqual([
      "governance.caValidation.date",
      "governance.caValidation.president",
      "finance.chargesTotal",
      "social.staffTotal",
    ]);
    expect(changes).toContainEqual({
      field: "finance.chargesTotal",
      label: field("finance.chargesTotal").label,
      before: "1\u202f024\u202f140,50\u00a0€",
      after: "1\u202f030\u202f000,00\u00a0€",
    });
    expect(changes.find((c) => c.field === "governance.caValidation.date")).toMatchObject({
      before: "vide",
      after: "12/04/2019",
    });
    expect(changes.find((c) => c.field === "governance.caValidation.president")).toMatchObject({
      before: "Non",
      after: "Oui",
    });
    expect(returnChanges(after, structuredClone(after))).toEqual([]);
  });

  it("writes decimals with a comma and texts as they are", () => {
    expect(formatFieldValue({ type: "dec" }, 2.5)).toBe("2,50");
    expect(formatFieldValue({ type: "text" }, "PIMMS Cenon")).toBe("PIMMS Cenon");
    expect(formatFieldValue({ type: "int" }, null)).toBe("vide");
  });
});

describe("explainableFields", () => {
  it("keeps the fields of warnings only: an error cannot be explained away", () => {
    const fields = explainableFields([
      { severity: "warning", field: "activity.visitors" },
      { severity: "error", field: "finance.chargesTotal" },
      { severity: "warning", field: null },
    ]);
    expect([...fields]).toEqual(["activity.visitors"]);
  });
});
