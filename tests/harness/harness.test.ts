// The harness behaves as Apps Script where the add-on could hide a bug behind it: typed strings, custom formulas, the document lock, UrlFetch's failures, names defined after their formulas.
import { describe, expect, it } from "vitest";
import { AuthGate } from "./auth-gate.ts";
import { Book } from "./book.ts";
import { HarnessLock, lockService } from "./script-services.ts";
import { HarnessSpreadsheet, spreadsheetApp } from "./spreadsheet.ts";
import { FETCH_FAILURES, HarnessUrlFetch } from "./url-fetch.ts";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheetOf(book: Book, name = "Feuille 1"): Sheet {
  book.addSheet(name);
  return new HarnessSpreadsheet(book).getSheetByName(name) as Sheet;
}

describe("strings written by a script", () => {
  it("are read as typed in the fr_FR spreadsheet: numbers, percentages, dates, booleans", () => {
    const book = new Book("Europe/Paris");
    const sheet = sheetOf(book);
    sheet
      .getRange(1, 1, 1, 6)
      .setValues([["1 024,5", "-3,25", "12 %", "12/04/2019", "VRAI", "PIMMS-RENNES"]]);
    const [row] = sheet.getRange(1, 1, 1, 6).getValues() as unknown[][];
    expect(row?.slice(0, 3)).toEqual([1024.5, -3.25, 0.12]);
    const date = row?.[3] as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString()).toBe("2019-04-11T22:00:00.000Z"); // midnight in Paris
    expect(row?.slice(4)).toEqual([true, "PIMMS-RENNES"]);
  });

  it("stay text in a plain-text cell (format @), and in the dot-decimal form fr_FR does not read", () => {
    const book = new Book("Europe/Paris");
    const sheet = sheetOf(book);
    const range = sheet.getRange(1, 1, 1, 3);
    range.setNumberFormats([["@", "@", "General"]]);
    range.setValues([["0123", "12/04/2019", "1.5"]]);
    expect(range.getValues()).toEqual([["0123", "12/04/2019", "1.5"]]);
    sheet.getRange(2, 1).setValue("0123");
    expect(sheet.getRange(2, 1).getValue()).toBe(123);
  });
});

describe("custom validation formulas", () => {
  it("are parsed: a malformed or unknown formula fails like Sheets refuses it", () => {
    const book = new Book("Europe/Paris");
    const app = spreadsheetApp(book, new AuthGate(), {} as GoogleAppsScript.Base.Ui);
    expect(() =>
      app.newDataValidation().requireFormulaSatisfied("=AND(ISNUMBER(B7),B7>=0)"),
    ).not.toThrow();
    expect(() =>
      app.newDataValidation().requireFormulaSatisfied("=AND(ISNUMBER(B7),B7>=0"),
    ).toThrow(/does not parse/);
    expect(() => app.newDataValidation().requireFormulaSatisfied("ISNUMBER(B7)")).toThrow(
      /does not start with =/,
    );
    expect(() => app.newDataValidation().requireFormulaSatisfied("=ESTNUM(B7)")).toThrow(
      /unknown function ESTNUM/,
    );
  });
});

describe("the document lock", () => {
  it("is null outside a document's context, and refused while another execution holds it", () => {
    const lock = new HarnessLock();
    const service = lockService(new AuthGate(), lock);
    lock.unavailable = true;
    expect(service.getDocumentLock()).toBeNull();
    lock.unavailable = false;
    lock.heldElsewhere = true;
    expect(service.getDocumentLock().tryLock(1000)).toBe(false);
    lock.heldElsewhere = false;
    expect(service.getDocumentLock().tryLock(1000)).toBe(true);
  });
});

describe("UrlFetchApp", () => {
  it("words its failure in the user's language, English or French", () => {
    const url = "http://127.0.0.1:9/healthz";
    for (const language of ["en", "fr"] as const) {
      const fetcher = new HarnessUrlFetch(new AuthGate(), {
        whitelist: [url],
        timeoutMs: 5_000,
        language,
      });
      expect(() => fetcher.fetch(url)).toThrow(FETCH_FAILURES[language].unreachable(url));
    }
    expect(FETCH_FAILURES.fr.unreachable(url)).toBe(`Exception: Adresse indisponible : ${url}`);
  });
});

describe("named ranges", () => {
  it("recalculate a formula written before its name exists, and give #REF! once the name's tab is deleted", () => {
    const book = new Book("Europe/Paris");
    const data = sheetOf(book, "Données");
    const sums = sheetOf(book, "Calcul");
    sums.getRange(1, 1).setValue("=fld_total*2");
    expect(sums.getRange(1, 1).getValue()).toBe("#NAME?");
    data.getRange(1, 1).setValue(21);
    const ss = new HarnessSpreadsheet(book);
    ss.setNamedRange("fld_total", data.getRange(1, 1));
    expect(sums.getRange(1, 1).getValue()).toBe(42);
    expect(() => ss.setNamedRange("fld_total", data.getRange(1, 1))).toThrow(/already exists/);
    ss.deleteSheet(data);
    expect(sums.getRange(1, 1).getValue()).toBe("#REF!");
    expect(ss.getRangeByName("fld_total")).toBeNull();
  });
});
