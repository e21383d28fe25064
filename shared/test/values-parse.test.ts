// Reading what people type in spreadsheets: French numbers, Oui/Non, empty markers and dates.
import { describe, expect, it } from "vitest";
import {
  dateToIso,
  fold,
  isEmptyCell,
  isoToSerial,
  parseBool,
  parseDate,
  parseNumber,
  parseText,
  serialToIso,
} from "../src/index.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("parseNumber", () => {
  it.each([
    ["1024140", 1_024_140],
    ["1 024 140", 1_024_140],
    [`1${NBSP}024${NBSP}140`, 1_024_140],
    [`1${NNBSP}024${NNBSP}140`, 1_024_140],
    ["1 024 140,50", 1_024_140.5],
    ["1 024 140 €", 1_024_140],
    [`1${NNBSP}024${NNBSP}140,50${NBSP}€`, 1_024_140.5],
    ["1024140,5€", 1_024_140.5],
    ["€ 12", 12],
    ["12 euros", 12],
    ["12 EUR", 12],
    ["0,64", 0.64],
    ["0.64", 0.64],
    ["64 %", 0.64],
    ["64%", 0.64],
    [`64${NBSP}%`, 0.64],
    ["12,5 %", 0.125],
    ["-5 895,83", -5_895.83],
    ["- 5", -5],
    ["\u22125", -5],
    ["\u20135", -5],
    ["+5", 5],
    ["(1 200)", -1_200],
    ["(1 200,50 €)", -1_200.5],
    ["(12 %)", -0.12],
    ["1.024.140,5", 1_024_140.5],
    ["1.024.140", 1_024_140],
    ["1,024,140", 1_024_140],
    ["1,234.56", 1_234.56],
    ["1.234,56", 1_234.56],
    ["1'024", 1_024],
    ["1’024’140,5", 1_024_140.5],
    [",5", 0.5],
    ["5,", 5],
    ["007", 7],
    ["1e3", 1_000],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it("reads one comma or one dot as the decimal mark, as a French reader would", () => {
    expect(parseNumber("1,024")).toEqual({ ok: true, value: 1.024 });
    expect(parseNumber("1.024")).toEqual({ ok: true, value: 1.024 });
  });

  it.each([
    "abc",
    "12abc",
    "€",
    "%",
    "1,5.3",
    "1.5,3",
    "12.34.567,8",
    "1,23.456",
    "1.234.5",
    "1,2,3",
    "1 2 3",
    "12 34",
    "1 024,5,6",
    "(-5)",
    "--5",
    "5-",
    "1e400",
    "Infinity",
    "NaN",
    "0x10",
    "",
    "-",
  ])("refuses %j rather than guess", (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, expected: "un nombre" });
  });

  it("takes finite numbers as they are and refuses everything else", () => {
    expect(parseNumber(-0.25)).toEqual({ ok: true, value: -0.25 });
    expect(parseNumber(Number.NaN).ok).toBe(false);
    expect(parseNumber(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(parseNumber(true).ok).toBe(false);
    expect(parseNumber(new Date(0)).ok).toBe(false);
    expect(parseNumber(null).ok).toBe(false);
  });
});

describe("empty markers", () => {
  it.each([
    null,
    undefined,
    "",
    "   ",
    NBSP,
    "N/A",
    "n/a",
    "NA",
    "NC",
    "nc",
    "N.C.",
    "-",
    " - ",
    "--",
    "–",
    "—",
    "\u2212",
    "néant",
    "Néant",
    "NEANT",
    "/",
  ])("%j is empty", (raw) => {
    expect(isEmptyCell(raw)).toBe(true);
  });

  it.each(["-5", "- 5", "0", "non", "NCX", "néants"])("%j is not empty", (raw) => {
    expect(isEmptyCell(raw)).toBe(false);
  });

  it("never takes a number, a boolean or a date for an empty cell", () => {
    expect(isEmptyCell(0)).toBe(false);
    expect(isEmptyCell(false)).toBe(false);
    expect(isEmptyCell(new Date(0))).toBe(false);
  });
});

describe("parseBool", () => {
  it.each([
    "Oui",
    "oui",
    "OUI",
    " oui ",
    "O",
    "o",
    "X",
    "x",
    "1",
    "TRUE",
    "true",
    "VRAI",
    "vrai",
    "✓",
  ])("%j is Oui", (raw) => {
    expect(parseBool(raw)).toEqual({ ok: true, value: true });
  });

  it.each(["Non", "non", "NON", "N", "n", "0", "FALSE", "false", "FAUX", "faux"])(
    "%j is Non",
    (raw) => {
      expect(parseBool(raw)).toEqual({ ok: true, value: false });
    },
  );

  it("reads real booleans and the numbers 1 and 0", () => {
    expect(parseBool(true)).toEqual({ ok: true, value: true });
    expect(parseBool(false)).toEqual({ ok: true, value: false });
    expect(parseBool(1)).toEqual({ ok: true, value: true });
    expect(parseBool(0)).toEqual({ ok: true, value: false });
  });

  it("gives null for an empty cell or an empty marker", () => {
    for (const raw of [null, undefined, "", "N/A", "NC", "-", "néant"])
      expect(parseBool(raw)).toEqual({ ok: true, value: null });
  });

  it.each(["peut-être", "2", "ouais", "oui non"])("refuses %j", (raw) => {
    expect(parseBool(raw)).toEqual({ ok: false, expected: "Oui ou Non" });
  });

  it("refuses other numbers and dates", () => {
    expect(parseBool(2).ok).toBe(false);
    expect(parseBool(new Date(0)).ok).toBe(false);
  });
});

describe("dates", () => {
  it("reads Excel serial numbers, whose epoch is 1899-12-30 from 1900-03-01 on", () => {
    expect(serialToIso(43_567)).toBe("2019-04-12");
    expect(serialToIso(43_567.75)).toBe("2019-04-12");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(25_569)).toBe("1970-01-01");
    expect(serialToIso(2_958_465)).toBe("9999-12-31");
  });

  it("follows Excel's 1900 system below serial 61, refusing its phantom 29 February 1900", () => {
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(60)).toBeNull();
  });

  it("refuses serials out of range", () => {
    for (const n of [0, 0.5, -1, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY])
      expect(serialToIso(n)).toBeNull();
  });

  it("turns calendar days back into the same serials", () => {
    for (const serial of [1, 31, 59, 61, 366, 25_569, 43_567, 2_958_465])
      expect(isoToSerial(serialToIso(serial) as string)).toBe(serial);
  });

  it("reads real dates by their UTC calendar day, whatever the machine's time zone", () => {
    expect(dateToIso(new Date(Date.UTC(2019, 3, 12)))).toBe("2019-04-12");
    expect(dateToIso(new Date(Date.UTC(2019, 3, 12, 23, 59)))).toBe("2019-04-12");
    expect(dateToIso(new Date(Number.NaN))).toBeNull();
    expect(parseDate(new Date(Date.UTC(2019, 11, 31, 23, 30)))).toEqual({
      ok: true,
      value: "2019-12-31",
    });
  });

  it.each([
    ["12/04/2019", "2019-04-12"],
    ["1/4/2019", "2019-04-01"],
    ["12.04.2019", "2019-04-12"],
    ["12-04-2019", "2019-04-12"],
    ["12/04/19", "2019-04-12"],
    ["12/04/29", "2029-04-12"],
    ["12/04/30", "1930-04-12"],
    ["12/04/99", "1999-04-12"],
    [" 12/04/2019 ", "2019-04-12"],
    ["29/02/2020", "2020-02-29"],
    ["2019-04-12", "2019-04-12"],
    ["2019-04-12T00:00:00Z", "2019-04-12"],
    ["2019-04-12T00:00:00+02:00", "2019-04-12"],
    ["43567", "2019-04-12"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    "31/02/2019",
    "29/02/2019",
    "31/04/2019",
    "00/01/2019",
    "12/13/2019",
    "2019-02-29",
    "2019-13-01",
    "2019/04/12",
    "12 avril 2019",
    "hier",
    "0",
  ])("refuses the impossible or unreadable date %j", (text) => {
    expect(parseDate(text)).toEqual({ ok: false, expected: "une date au format jj/mm/aaaa" });
  });

  it("reads the same days whatever the time zone of the machine", () => {
    const saved = process.env.TZ;
    const midnightUtc = new Date(Date.UTC(2019, 3, 12));
    const localDays = new Set<number>();
    try {
      for (const zone of [
        "Pacific/Kiritimati",
        "America/Los_Angeles",
        "Europe/Paris",
        "Pacific/Tahiti",
      ]) {
        process.env.TZ = zone;
        localDays.add(midnightUtc.getDate());
        expect(parseDate(midnightUtc), zone).toEqual({ ok: true, value: "2019-04-12" });
        expect(parseDate("12/04/2019"), zone).toEqual({ ok: true, value: "2019-04-12" });
        expect(serialToIso(43_567), zone).toBe("2019-04-12");
        expect(isoToSerial("2019-04-12"), zone).toBe(43_567);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    // The zones really changed the local calendar day, so the parse did not depend on it.
    expect(localDays.size).toBe(2);
  });

  it("gives null for an empty cell or an empty marker and refuses booleans", () => {
    for (const raw of [null, undefined, "", "N/A", "NC", "-", "néant"])
      expect(parseDate(raw)).toEqual({ ok: true, value: null });
    expect(parseDate(true).ok).toBe(false);
  });
});

describe("text", () => {
  it("trims, folds spaces and gives null for empty markers", () => {
    expect(parseText(`  PIMMS${NBSP}${NNBSP} Rennes `)).toBe("PIMMS Rennes");
    expect(parseText("NC")).toBeNull();
    expect(parseText(12)).toBe("12");
    expect(parseText(new Date(Date.UTC(2019, 3, 12)))).toBe("2019-04-12");
  });

  it("folds case, accents and spaces for comparisons", () => {
    expect(fold(`  Données${NBSP}Financières `)).toBe("donnees financieres");
  });
});
