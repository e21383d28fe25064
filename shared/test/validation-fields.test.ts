// Field rules: required, whole numbers, signs, bounds, pattern, options and email syntax, each naming the label.
import { describe, expect, it } from "vitest";
import {
  FIELDS,
  type FieldValue,
  type Finding,
  field,
  hasErrors,
  noCells,
  validateReturn,
} from "../src/index.ts";
import { checkFields } from "../src/validation/field-rules.ts";
import { sampleReturn } from "./support/sample-return.ts";

/** The field-rule findings about one field when it alone is changed on the valid sample. */
function about(key: string, value: FieldValue): Finding[] {
  return checkFields(sampleReturn({ [key]: value }), noCells).filter((f) => f.field === key);
}
const error = (key: string, message: string): Finding[] => [
  { severity: "error", field: key, cell: null, message },
];

describe("field rules", () => {
  it("accept the valid sample without any finding", () => {
    expect(validateReturn(sampleReturn())).toEqual([]);
  });

  it.each(FIELDS.filter((f) => f.required).map((f) => [f.key, f.label]))(
    "require %s",
    (key, label) => {
      expect(about(key, null)).toEqual(error(key, `« ${label} » est obligatoire.`));
    },
  );

  it("treat a blank text as missing, and as nothing at all when the field is optional", () => {
    for (const key of [
      "identification.structureName",
      "identification.territory",
      "identification.directorEmail",
    ])
      expect(about(key, "  ")).toEqual(error(key, `« ${field(key).label} » est obligatoire.`));
    expect(about("identification.treasurerEmail", "")).toEqual([]);
    expect(about("network.certificationStatus", "")).toEqual([]);
  });

  it("leave optional fields free to be empty", () => {
    const optional = FIELDS.filter((f) => !f.required && f.section !== "governance").map(
      (f) => f.key,
    );
    const ret = sampleReturn(Object.fromEntries(optional.map((k) => [k, null])));
    expect(hasErrors(validateReturn(ret))).toBe(false);
  });

  it("want whole numbers in int fields", () => {
    expect(about("social.staffTotal", 12.5)).toEqual(
      error("social.staffTotal", "« Nombre de salariés au 31/12 » doit être un nombre entier."),
    );
    expect(about("social.fteTotal", 16.5)).toEqual([]);
  });

  it("refuse negatives except for the net result and the association funds", () => {
    expect(about("finance.revenueTotal", -1)).toEqual(
      error("finance.revenueTotal", "« Total des produits » ne peut pas être négatif."),
    );
    expect(about("social.fteTotal", -0.5)).toEqual(
      error("social.fteTotal", "« ETP total » ne peut pas être négatif."),
    );
    expect(about("finance.netResult", -5_000)).toEqual([]);
    expect(about("finance.associationFunds", -5_000)).toEqual([]);
  });

  it("check bounds at their edges, writing years without a thousands space", () => {
    const year = "« Exercice » doit être compris entre 2010 et 2100.";
    expect(about("identification.year", 2009)).toEqual(error("identification.year", year));
    expect(about("identification.year", 2010)).toEqual([]);
    expect(about("identification.year", 2100)).toEqual([]);
    expect(about("identification.year", 2101)).toEqual(error("identification.year", year));
    expect(about("identification.sites", 0)).toEqual(
      error("identification.sites", "« Nombre de sites » doit être au moins égal à 1."),
    );
    expect(about("identification.sites", 1)).toEqual([]);
    const days = "« Jours d'ouverture au public » doit être compris entre 1 et 366.";
    expect(about("identification.openingDays", 0)).toEqual(
      error("identification.openingDays", days),
    );
    expect(about("identification.openingDays", 366)).toEqual([]);
    expect(about("identification.openingDays", 367)).toEqual(
      error("identification.openingDays", days),
    );
  });

  it("want the total of charges and the front-desk FTE strictly above 0", () => {
    expect(about("finance.chargesTotal", 0)).toEqual(
      error("finance.chargesTotal", "« Total des charges » doit être supérieur à 0."),
    );
    expect(about("finance.chargesTotal", 0.01)).toEqual([]);
    expect(about("social.fteFrontDesk", 0)).toEqual(
      error("social.fteFrontDesk", "« ETP médiation postée » doit être supérieur à 0."),
    );
    expect(about("social.fteFrontDesk", -1)).toEqual(
      error("social.fteFrontDesk", "« ETP médiation postée » doit être supérieur à 0."),
    );
  });

  it("refuse numbers that are not finite", () => {
    expect(about("finance.revenueTotal", Number.NaN)).toEqual(
      error("finance.revenueTotal", "« Total des produits » doit être un nombre."),
    );
  });

  it("check the structure code after upper-casing", () => {
    expect(about("identification.structureCode", "pimms-rennes")).toEqual([]);
    expect(about("identification.structureCode", "PIMMS RENNES")).toEqual(
      error(
        "identification.structureCode",
        "« Code structure » n'est pas valide : 3 à 40 lettres majuscules, chiffres ou tirets, par exemple PIMMS-RENNES.",
      ),
    );
    expect(about("identification.structureCode", "AB")).toHaveLength(1);
  });

  it("want one of the listed options, exactly", () => {
    expect(about("identification.territory", "Urbain")).toEqual(
      error(
        "identification.territory",
        "« Type de territoire » doit être l'une des valeurs : Urbain QPV, Urbain hors QPV, Rural.",
      ),
    );
    expect(about("network.certificationStatus", "Certifié")).toEqual(
      error(
        "network.certificationStatus",
        "« État de la démarche de certification » doit être l'une des valeurs : Non engagée, En cours, Certifiée.",
      ),
    );
    for (const territory of ["Urbain QPV", "Urbain hors QPV", "Rural"])
      expect(about("identification.territory", territory)).toEqual([]);
  });

  it.each([
    ["direction@pimms.example", true],
    ["prénom.nom@pimms-rennes.fr", true],
    ["a.b+c@sous.domaine.example.org", true],
    ["direction", false],
    ["direction@", false],
    ["@pimms.fr", false],
    ["direction@pimms", false],
    ["direction@pimms.f", false],
    ["direction@.fr", false],
    ["direction@pimms..fr", false],
    ["direction@pimms.fr.", false],
    ["di rection@pimms.fr", false],
    ["a@b@pimms.fr", false],
    ["Direction <direction@pimms.fr>", false],
  ])("check the email syntax of %j (valid: %s)", (email, valid) => {
    const expected = valid
      ? []
      : error(
          "identification.treasurerEmail",
          "« Courriel du trésorier » n'est pas une adresse électronique valide.",
        );
    expect(about("identification.treasurerEmail", email)).toEqual(expected);
  });

  it("put the cell of each finding when the caller knows where the field is", () => {
    const cells = (key: string) => (key === "finance.chargesTotal" ? "'Finances'!D12" : null);
    expect(validateReturn(sampleReturn({ "finance.chargesTotal": 0 }), cells)).toContainEqual({
      severity: "error",
      field: "finance.chargesTotal",
      cell: "'Finances'!D12",
      message: "« Total des charges » doit être supérieur à 0.",
    });
    expect(
      validateReturn(sampleReturn({ "finance.chargesTotal": 0 }), noCells).every(
        (f) => f.cell === null,
      ),
    ).toBe(true);
  });
});
