// Reading a return received as JSON: every value of the wrong JSON type is an error naming the field.
import { describe, expect, it } from "vitest";
import { coerceReturn, emptyReturn, FIELDS, type Finding } from "../src/index.ts";
import { sampleReturn } from "./support/sample-return.ts";

const typeError = (key: string, message: string): Finding => ({
  severity: "error",
  field: key,
  cell: null,
  message,
});
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("coerceReturn", () => {
  it("takes a well-formed return as it is", () => {
    const json = clone(sampleReturn());
    expect(coerceReturn(json)).toEqual({ ret: sampleReturn(), findings: [] });
  });

  it.each([null, 42, "retour", true, [], [sampleReturn()]])(
    "reads %j as an empty return without complaint",
    (input) => {
      expect(coerceReturn(input)).toEqual({ ret: emptyReturn(), findings: [] });
    },
  );

  it("treats missing sections and fields as empty, and empty presences as Non", () => {
    const json = clone(sampleReturn()) as unknown as Record<string, Record<string, unknown>>;
    delete json.finance;
    delete (json.identification as Record<string, unknown>).sites;
    (json.governance as Record<string, unknown>).caValidation = {
      date: "2019-04-12",
      president: null,
    };
    const { ret, findings } = coerceReturn(json);
    expect(findings).toEqual([]);
    expect(ret.finance).toEqual(emptyReturn().finance);
    expect(ret.identification.sites).toBeNull();
    expect(ret.governance.caValidation).toEqual({
      date: "2019-04-12",
      president: false,
      treasurer: false,
      secretary: false,
    });
  });

  it("reports each value of the wrong JSON type with the French name of the type expected", () => {
    const json = clone(sampleReturn()) as unknown as Record<string, Record<string, unknown>>;
    Object.assign(json.identification as object, { year: "2018", territory: 3 });
    Object.assign(json.finance as object, {
      revenueTotal: "585 256,91 €",
      chargesTotal: { value: 1 },
    });
    Object.assign(json.social as object, { fteTotal: [16] });
    Object.assign(json.network as object, { certificationInPlan: "Oui", eventParticipants: true });
    (json.governance as Record<string, Record<string, unknown>>).agCloture = {
      date: "20/06/2019",
      president: 1,
    };
    const { ret, findings } = coerceReturn(json);
    expect(findings).toEqual([
      typeError("identification.year", "« Exercice » doit être un nombre entier."),
      typeError("identification.territory", "« Type de territoire » doit être un texte."),
      typeError(
        "governance.agCloture.date",
        "« Date de l'AG de clôture des comptes » doit être une date AAAA-MM-JJ.",
      ),
      typeError(
        "governance.agCloture.president",
        "« Président présent à l'AG de clôture des comptes » doit être true ou false.",
      ),
      typeError("finance.revenueTotal", "« Total des produits » doit être un montant en euros."),
      typeError("finance.chargesTotal", "« Total des charges » doit être un montant en euros."),
      typeError("social.fteTotal", "« ETP total » doit être un nombre."),
      typeError(
        "network.certificationInPlan",
        "« Volet certification réseau intégré au plan d'action stratégique » doit être true ou false.",
      ),
      typeError(
        "network.eventParticipants",
        "« Participants aux événements PIMMS » doit être un nombre entier.",
      ),
    ]);
    expect(ret.identification.year).toBeNull();
    expect(ret.governance.agCloture.president).toBe(false);
    expect(ret.finance.netResult).toBe(20_000);
  });

  it("stores the structure code in capitals, as a workbook does, so one structure has one code", () => {
    const json = clone(sampleReturn()) as unknown as { identification: { structureCode: string } };
    json.identification.structureCode = "pimms-test";
    expect(coerceReturn(json)).toEqual({ ret: sampleReturn(), findings: [] });
  });

  it("refuses impossible calendar days and dates with a time", () => {
    for (const date of ["2019-02-29", "2019-13-01", "2019-4-12", "2019-04-12T10:00:00Z", ""]) {
      const json = clone(sampleReturn()) as unknown as {
        governance: { caValidation: { date: unknown } };
      };
      json.governance.caValidation.date = date;
      expect(
        coerceReturn(json).findings.map((f) => f.field),
        date,
      ).toEqual(["governance.caValidation.date"]);
    }
  });

  it("never reads inherited properties as fields", () => {
    const proto = { structureCode: "PIMMS-PIEGE" };
    const identification = Object.create(proto) as object;
    expect(coerceReturn({ identification }).ret.identification.structureCode).toBeNull();
    expect(
      coerceReturn(JSON.parse('{"__proto__": {"finance": {"revenueTotal": 1}}}')).ret.finance
        .revenueTotal,
    ).toBeNull();
  });

  it("covers every field of the schema", () => {
    const wrong = Object.fromEntries(
      ["identification", "governance", "finance", "social", "activity", "network"].map((s) => [
        s,
        {},
      ]),
    ) as Record<string, Record<string, unknown>>;
    for (const f of FIELDS) {
      let node = wrong[f.section] as Record<string, unknown>;
      for (const part of f.path.slice(0, -1)) {
        const child = (node[part] ?? {}) as Record<string, unknown>;
        node[part] = child;
        node = child;
      }
      node[f.path[f.path.length - 1] as string] = { wrong: true };
    }
    expect(coerceReturn(wrong).findings.map((f) => f.field)).toEqual(FIELDS.map((f) => f.key));
  });
});
