// Reading each field of a legacy workbook from its label, whatever the wording variation.
import { describe, expect, it } from "vitest";
import { type Cell, FIELDS, type Field, type FieldValue } from "../src/index.ts";
import { findingsOn, importedValue, read, sheet, unknownLabels } from "./legacy-grid.ts";

/** A cell every field type reads, and the value it must give. */
function sample(f: Field): [Cell, FieldValue] {
  switch (f.type) {
    case "int":
      return ["7", 7];
    case "dec":
      return ["12,5", 12.5];
    case "eur":
      return ["1 024,50 €", 1024.5];
    case "bool":
      return ["Oui", true];
    case "date":
      return ["12/04/2019", "2019-04-12"];
    case "enum":
      return [(f.options?.[0] ?? "").toUpperCase(), f.options?.[0] ?? null];
    case "email":
      return ["direction@pimms.example", "direction@pimms.example"];
    case "text":
      return ["pimms-test", f.upperCase ? "PIMMS-TEST" : "pimms-test"];
  }
}

describe("label/value rows", () => {
  const spellings = FIELDS.flatMap((f) =>
    [f.label, ...(f.synonyms ?? [])].map((text) => ({ f, text })),
  );

  it.each(spellings)("$f.key is found by « $text »", ({ f, text }) => {
    const [raw, want] = sample(f);
    const result = read(sheet("Feuil1", [["Titre"], [text, raw]]));
    expect(importedValue(result, f.key)).toEqual(want);
    expect(result.cells[f.key]).toBe("'Feuil1'!B2");
  });

  it("finds labels in any column and values up to four columns to their right", () => {
    const result = read(
      sheet("Finances", [
        ["Total des produits", 100],
        [null, "Total des charges", null, null, null, 90],
        [null, null, "Frais de formation", null, null, null, 5],
        [null, null, "Masse salariale brute", null, null, null, null, 60],
      ]),
    );
    expect(importedValue(result, "finance.revenueTotal")).toBe(100);
    expect(result.cells["finance.chargesTotal"]).toBe("'Finances'!F2");
    expect(importedValue(result, "finance.chargesTotal")).toBe(90);
    expect(importedValue(result, "finance.trainingCosts")).toBe(5);
    // Five columns away is too far: the label is found, empty, and its value cell is the one beside it.
    expect(importedValue(result, "finance.grossPayroll")).toBeNull();
    expect(result.cells["finance.grossPayroll"]).toBe("'Finances'!D4");
    expect(findingsOn(result, "finance.grossPayroll")[0]?.message).toContain("obligatoire");
  });

  it("reads the value after a merged label", () => {
    const result = read(
      sheet("Finances", [["Total des charges", null, null, 500]], {
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      }),
    );
    expect(result.cells["finance.chargesTotal"]).toBe("'Finances'!D1");
    expect(importedValue(result, "finance.chargesTotal")).toBe(500);
  });

  it("skips a unit cell between a label and its value", () => {
    const result = read(
      sheet("Social", [
        ["ETP total", "ETP", "12,5"],
        ["Total des charges", "€", 3],
      ]),
    );
    expect(importedValue(result, "social.fteTotal")).toBe(12.5);
    expect(importedValue(result, "finance.chargesTotal")).toBe(3);
  });

  it("reads two label/value pairs on one row, and never takes a label for a value", () => {
    const result = read(
      sheet("Identification", [
        ["Exercice", 2018, "Nombre de sites", 2],
        ["Code structure", null, "Nom du PIMMS", "PIMMS Test"],
      ]),
    );
    expect(importedValue(result, "identification.year")).toBe(2018);
    expect(importedValue(result, "identification.sites")).toBe(2);
    expect(importedValue(result, "identification.structureCode")).toBeNull();
    expect(importedValue(result, "identification.structureName")).toBe("PIMMS Test");
  });

  it.each<[string, Cell, FieldValue]>([
    ["a number", 1024140, 1024140],
    ["French text with €", "1 024 140 €", 1024140],
    ["French decimals", "1 024 140,50", 1024140.5],
    ["no-break spaces", "1\u00a0024\u00a0140,50\u00a0€", 1024140.5],
    ["narrow no-break spaces", "1\u202f024\u202f140", 1024140],
    ["a negative amount", "-5 895,83 €", -5895.83],
    ["binary noise of a formula", 572941.4600000001, 572941.46],
    ["N/A", "N/A", null],
    ["NC", "NC", null],
    ["a dash", "-", null],
    ["néant", "néant", null],
  ])("reads an amount given as %s", (_, raw, want) => {
    const result = read(sheet("Finances", [["Résultat net comptable", raw]]));
    expect(importedValue(result, "finance.netResult")).toBe(want);
    expect(findingsOn(result, "finance.netResult").filter((f) => f.severity === "error")).toEqual(
      [],
    );
  });

  it.each<[string, Cell, FieldValue]>([
    ["a real date", new Date(Date.UTC(2019, 3, 12)), "2019-04-12"],
    ["a serial number", 43567, "2019-04-12"],
    ["jj/mm/aaaa text", "12/04/2019", "2019-04-12"],
  ])("reads a date given as %s", (_, raw, want) => {
    const result = read(sheet("Gouvernance", [["Date du CA de validation des comptes", raw]]));
    expect(importedValue(result, "governance.caValidation.date")).toBe(want);
  });

  it("reads percentages and text numbers", () => {
    const result = read(
      sheet("Social", [
        ["ETP total", "64 %"],
        ["ETP médiateurs", "64%"],
        ["ETP médiation postée", "0,64"],
      ]),
    );
    expect(importedValue(result, "social.fteTotal")).toBeCloseTo(0.64, 12);
    expect(importedValue(result, "social.fteMediators")).toBeCloseTo(0.64, 12);
    expect(importedValue(result, "social.fteFrontDesk")).toBe(0.64);
  });

  it("reports a value that does not parse as an error on its cell", () => {
    const result = read(sheet("Finances", [["Total des charges", "beaucoup"]]));
    const [finding, ...more] = findingsOn(result, "finance.chargesTotal");
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: "error", cell: "'Finances'!B1" });
    expect(finding?.message).toContain("« Total des charges »");
    expect(finding?.message).toContain("beaucoup");
    expect(importedValue(result, "finance.chargesTotal")).toBeNull();
  });

  it.each(["#REF!", "#DIV/0!", "#VALUE!", "#N/A"])(
    "reports a cached %s as an error on its field",
    (code) => {
      const result = read(
        sheet("Identification", [
          ["Nom du PIMMS", code],
          ["Nombre de sites", code],
        ]),
      );
      for (const key of ["identification.structureName", "identification.sites"]) {
        const findings = findingsOn(result, key);
        expect(findings).toHaveLength(1);
        expect(findings[0]?.severity).toBe("error");
        expect(findings[0]?.message).toContain(code);
        expect(importedValue(result, key)).toBeNull();
      }
    },
  );
});

describe("fields not found", () => {
  it("gives an error for a required field and a warning otherwise, without a cell", () => {
    const result = read(sheet("Finances", [["Total des produits", 100]]));
    expect(findingsOn(result, "finance.chargesTotal")).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: null,
        message: expect.stringContaining("introuvable"),
      }),
    ]);
    expect(findingsOn(result, "finance.chargesOther")).toEqual([
      expect.objectContaining({ severity: "warning", cell: null }),
    ]);
  });

  it("says so when nothing at all is recognised", () => {
    const result = read(
      sheet("Ventes", [
        ["Client", "Montant"],
        ["Dupont", 12],
      ]),
    );
    expect(findingsOn(result, null)[0]).toMatchObject({ severity: "error", cell: null });
    expect(Object.keys(result.cells)).toEqual([]);
  });
});

describe("fields found twice", () => {
  it("prefers the field's own tab and warns when the values differ", () => {
    const result = read(
      sheet("Notes", [["Total des charges", 1]]),
      sheet("Finances", [["Total des charges", 2]]),
    );
    expect(importedValue(result, "finance.chargesTotal")).toBe(2);
    expect(result.cells["finance.chargesTotal"]).toBe("'Finances'!B1");
    const [warning] = findingsOn(result, "finance.chargesTotal");
    expect(warning).toMatchObject({ severity: "warning", cell: "'Finances'!B1" });
    expect(warning?.message).toContain("'Notes'!B1");
  });

  it("prefers a visible row to a hidden one", () => {
    const result = read(
      sheet(
        "Finances",
        [
          ["Total des charges", 1],
          ["Total des charges", 2],
        ],
        { hiddenRows: [0] },
      ),
    );
    expect(importedValue(result, "finance.chargesTotal")).toBe(2);
  });

  it("prefers a visible sheet to a hidden one", () => {
    const result = read(
      sheet("Feuil1", [["Total des charges", 1]], { hidden: true }),
      sheet("Feuil2", [["Total des charges", 2]]),
    );
    expect(importedValue(result, "finance.chargesTotal")).toBe(2);
  });

  it("does not warn when both cells say the same", () => {
    const result = read(
      sheet("Notes", [["Total des charges", "1 000"]]),
      sheet("Finances", [["Charges totales", 1000]]),
    );
    expect(findingsOn(result, "finance.chargesTotal")).toEqual([]);
  });
});

describe("the identification block", () => {
  it("is read at the top of a first tab named otherwise, before the tab's own data", () => {
    const result = read(
      sheet("Onglet gouvernance", [
        ["Code structure", "pimms-test"],
        ["Exercice", "2 018"],
        [],
        ["Instance", "Date", "Président", "Trésorier", "Secrétaire"],
        ["AG", "20/06/2019", "Oui", "Oui", "Non"],
      ]),
      sheet("Notes", [["Exercice", 2017]]),
    );
    expect(importedValue(result, "identification.structureCode")).toBe("PIMMS-TEST");
    expect(importedValue(result, "identification.year")).toBe(2018);
    expect(importedValue(result, "governance.agCloture.date")).toBe("2019-06-20");
  });

  it("prefers its own tab to the top of the first tab", () => {
    const result = read(
      sheet("Gouvernance", [["Exercice", 2017]]),
      sheet("Identification", [["Exercice", 2018]]),
    );
    expect(importedValue(result, "identification.year")).toBe(2018);
  });
});

describe("unknown labels", () => {
  it("reports a label with data beside it, with the label's cell", () => {
    const result = read(
      sheet("Social", [
        ["Nombre de bénévoles", 12],
        ["Date d'agrément", "01/02/2015"],
      ]),
    );
    expect(unknownLabels(result)).toEqual([
      expect.objectContaining({ severity: "warning", field: null, cell: "'Social'!A1" }),
      expect.objectContaining({ cell: "'Social'!A2" }),
    ]);
    expect(unknownLabels(result)[0]?.message).toContain("Nombre de bénévoles");
  });

  it("does not report section titles, headers, notes, empty markers or the Baromètre's own words", () => {
    const result = read(
      sheet("Social", [
        ["OUTIL DE DONNÉES ÉCONOMIQUES ET SOCIALES 2018", null, null, null],
        ["Sorties de médiateurs au 31/12", "N/A"],
        ["Sorties de médiateurs au 31/12", "-"],
        ["Remarque : donnée issue de KeepPlace"],
        ["Libellé", "Valeur", "Unité", "Aide"],
        ["Taux de formation", "1,5 %"],
        ["Équilibre financier", 1.2],
      ]),
    );
    expect(unknownLabels(result)).toEqual([]);
  });

  it("never reads the Baromètre's computed tabs", () => {
    const result = read(
      sheet("Indicateurs", [
        ["Participants aux événements", 12],
        ["Inconnu", 3],
      ]),
      sheet("Positionnement", [["Total des charges", 5]]),
    );
    expect(importedValue(result, "network.eventParticipants")).toBeNull();
    expect(importedValue(result, "finance.chargesTotal")).toBeNull();
    expect(unknownLabels(result)).toEqual([]);
  });

  it("caps the reports of a tab of unrelated data, and still imports the return", () => {
    const junk = Array.from({ length: 60_000 }, (_, i): Cell[] => [
      `Article ${i}`,
      i * 1.5,
      `Réf. ${i}`,
    ]);
    const result = read(sheet("Finances", [["Total des charges", 10]]), sheet("Export", junk));
    expect(importedValue(result, "finance.chargesTotal")).toBe(10);
    const unknown = result.findings.filter((f) => f.field === null);
    expect(unknown).toHaveLength(51);
    expect(unknown[50]?.message).toContain("59\u202f950");
  });
});
