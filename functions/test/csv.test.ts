// CSV cells for French Excel: decimal commas, Oui/Non, French dates, quoting, and no text read as a formula.

import { describe, expect, it } from "vitest";
import { csvValue, toCsv } from "../src/export/csv.ts";

describe("csvValue", () => {
  it("writes numbers with a decimal comma and no grouping, booleans as Oui/Non, null as empty", () => {
    expect(csvValue(1024140.5)).toBe("1024140,5");
    expect(csvValue(-5895.83)).toBe("-5895,83");
    expect(csvValue(0.0364401660685)).toBe("0,0364401660685");
    expect(csvValue(true)).toBe("Oui");
    expect(csvValue(false)).toBe("Non");
    expect(csvValue(null)).toBe("");
  });

  it("writes dates as jj/mm/aaaa only for date fields", () => {
    expect(csvValue("2019-04-12", true)).toBe("12/04/2019");
    expect(csvValue("2019-04-12")).toBe("2019-04-12");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvValue("PIMMS Cenon; rive droite")).toBe('"PIMMS Cenon; rive droite"');
    expect(csvValue('dit "le Grand"')).toBe('"dit ""le Grand"""');
    expect(csvValue("deux\nlignes")).toBe('"deux\nlignes"');
  });

  it("keeps a spreadsheet from running a text as a formula", () => {
    expect(csvValue('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvValue("+33 1 23")).toBe("'+33 1 23");
    expect(csvValue("-neg")).toBe("'-neg");
    expect(csvValue("@SUM(A1)")).toBe("'@SUM(A1)");
  });
});

describe("toCsv", () => {
  it("starts with a BOM, separates with semicolons and ends lines with CRLF", () => {
    expect(toCsv(["Code", "Total; €"], [["A", "1,5"]])).toBe('\uFEFFCode;"Total; €"\r\nA;1,5\r\n');
  });
});
