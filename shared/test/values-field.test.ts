// Parsing one raw cell for one schema field: typed value or a French problem naming the field.
import { describe, expect, it } from "vitest";
import { field, matchOption, parseFieldValue, roundCents } from "../src/index.ts";

const parse = (key: string, raw: Parameters<typeof parseFieldValue>[1]) =>
  parseFieldValue(field(key), raw);

describe("roundCents", () => {
  it("rounds half away from zero, whatever the binary noise", () => {
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(0.285)).toBe(0.29);
    expect(roundCents(-2.675)).toBe(-2.68);
    expect(roundCents(572_941.460_000_000_1)).toBe(572_941.46);
    expect(roundCents(1_024_140.5)).toBe(1_024_140.5);
  });

  it("never gives -0", () => {
    expect(Object.is(roundCents(-0.001), 0)).toBe(true);
    expect(Object.is(roundCents(-0), 0)).toBe(true);
  });
});

describe("parseFieldValue", () => {
  it("reads amounts to the cent and keeps negative amounts", () => {
    expect(parse("finance.revenueTotal", "585 256,914 €")).toEqual({
      value: 585_256.91,
      problem: null,
    });
    expect(parse("finance.netResult", "-5 895,83")).toEqual({ value: -5_895.83, problem: null });
    expect(parse("finance.netResult", "(5 895,83)")).toEqual({ value: -5_895.83, problem: null });
    expect(parse("finance.revenueTotal", 572_941.460_000_000_1)).toEqual({
      value: 572_941.46,
      problem: null,
    });
  });

  it("takes the empty marker - as empty, not as a sign", () => {
    expect(parse("finance.netResult", "-")).toEqual({ value: null, problem: null });
    expect(parse("finance.netResult", "- 12")).toEqual({ value: -12, problem: null });
  });

  it("reads a percentage as its fraction, as docs/domain.md lists 64 % among the values", () => {
    expect(parse("social.fteTotal", "64 %")).toEqual({ value: 0.64, problem: null });
  });

  it("keeps decimals of whole-number fields for validation to report", () => {
    expect(parse("social.staffTotal", "12,5")).toEqual({ value: 12.5, problem: null });
    expect(parse("social.fteTotal", "16,36")).toEqual({ value: 16.36, problem: null });
  });

  it("names the field and the raw text when a number cannot be read", () => {
    expect(parse("finance.chargesTotal", "beaucoup")).toEqual({
      value: null,
      problem: "Valeur illisible pour « Total des charges » : « beaucoup » (attendu : un nombre).",
    });
    expect(parse("social.staffTotal", "vingt").problem).toBe(
      "Valeur illisible pour « Nombre de salariés au 31/12 » : « vingt » (attendu : un nombre entier).",
    );
  });

  it("reads presences, and an empty presence as Non", () => {
    expect(parse("governance.agCloture.president", "X")).toEqual({ value: true, problem: null });
    expect(parse("governance.agCloture.president", "")).toEqual({ value: false, problem: null });
    expect(parse("governance.agCloture.president", "néant")).toEqual({
      value: false,
      problem: null,
    });
    expect(parse("network.certificationInPlan", "")).toEqual({ value: null, problem: null });
    expect(parse("network.certificationInPlan", "peut-être").problem).toBe(
      "Valeur illisible pour « Volet certification réseau intégré au plan d'action stratégique » : « peut-être » (attendu : Oui ou Non).",
    );
  });

  it("reads dates and explains an impossible one", () => {
    expect(parse("governance.caValidation.date", "12/04/2019")).toEqual({
      value: "2019-04-12",
      problem: null,
    });
    expect(parse("governance.caValidation.date", 43_567)).toEqual({
      value: "2019-04-12",
      problem: null,
    });
    expect(parse("governance.caValidation.date", "31/02/2019")).toEqual({
      value: null,
      problem:
        "Valeur illisible pour « Date du CA de validation des comptes » : « 31/02/2019 » (attendu : une date jj/mm/aaaa).",
    });
  });

  it("never throws on an invalid Date object", () => {
    expect(parse("finance.revenueTotal", new Date(Number.NaN)).problem).toBe(
      "Valeur illisible pour « Total des produits » : « date invalide » (attendu : un nombre).",
    );
    expect(parse("governance.caValidation.date", new Date(Number.NaN)).value).toBeNull();
  });

  it("matches options ignoring case, accents and spaces", () => {
    expect(parse("identification.territory", "urbain  qpv")).toEqual({
      value: "Urbain QPV",
      problem: null,
    });
    expect(parse("network.certificationStatus", "certifiee")).toEqual({
      value: "Certifiée",
      problem: null,
    });
    expect(parse("identification.territory", "Montagne").problem).toBe(
      "Valeur illisible pour « Type de territoire » : « Montagne » (attendu : l'une des valeurs Urbain QPV, Urbain hors QPV, Rural).",
    );
    expect(parse("identification.territory", "Urbain hors-QPV")).toEqual({
      value: "Urbain hors QPV",
      problem: null,
    });
    expect(parse("network.certificationStatus", "non-engagée.")).toEqual({
      value: "Non engagée",
      problem: null,
    });
    expect(matchOption(["Rural"], "RURAL")).toBe("Rural");
    expect(matchOption(["Rural"], "?!")).toBeNull();
    expect(matchOption(["Rural"], "Rurale")).toBeNull();
  });

  it("upper-cases structure codes, strips mailto: and gives null for empty text", () => {
    expect(parse("identification.structureCode", " pimms-rennes ")).toEqual({
      value: "PIMMS-RENNES",
      problem: null,
    });
    expect(parse("identification.directorEmail", "mailto:direction@pimms.example")).toEqual({
      value: "direction@pimms.example",
      problem: null,
    });
    expect(parse("identification.directorEmail", "mailto:")).toEqual({
      value: null,
      problem: null,
    });
    expect(parse("identification.association", "NC")).toEqual({ value: null, problem: null });
  });
});
