// The cross-field rules of docs/domain.md, each an error or a warning whose message names the field's label.
import { describe, expect, it } from "vitest";
import {
  type FieldValue,
  type Finding,
  field,
  hasErrors,
  MEETINGS,
  OFFICERS,
  sortFindings,
  validateReturn,
} from "../src/index.ts";
import { sampleReturn } from "./support/sample-return.ts";

const G = "\u202f";
const NBSP = "\u00a0";
const findings = (changes: Record<string, FieldValue>) => validateReturn(sampleReturn(changes));
const only = (severity: Finding["severity"], key: string, message: string): Finding[] => [
  { severity, field: key, cell: null, message },
];

describe("governance", () => {
  it.each(MEETINGS.flatMap((m) => OFFICERS.map((o) => [m.id, o.id])))(
    "refuses a presence marked Oui at %s with no date (%s)",
    (meeting, officer) => {
      const key = `governance.${meeting}.${officer}`;
      const date = `governance.${meeting}.date`;
      expect(findings({ [date]: null, [key]: true }).filter((f) => f.field === key)).toEqual(
        only(
          "error",
          key,
          `« ${field(key).label} » vaut Oui mais « ${field(date).label} » est vide : indiquez la date ou mettez Non.`,
        ),
      );
    },
  );

  it("accepts a meeting that was not held when nobody is marked present", () => {
    expect(
      findings({
        "governance.caOrientation.date": null,
        "governance.caOrientation.president": false,
        "governance.caOrientation.treasurer": false,
        "governance.caOrientation.secretary": false,
      }),
    ).toEqual([]);
  });

  it("warns about a meeting held outside the exercice or the year after", () => {
    const key = "governance.agCloture.date";
    const warning = (shown: string) =>
      only(
        "warning",
        key,
        `« Date de l'AG de clôture des comptes » (${shown}) est inhabituelle pour l'exercice 2018 : les instances se tiennent en 2018 ou en 2019.`,
      );
    expect(findings({ [key]: "2017-12-31" })).toEqual(warning("31/12/2017"));
    expect(findings({ [key]: "2020-01-01" })).toEqual(warning("01/01/2020"));
    expect(findings({ [key]: "2018-01-01" })).toEqual([]);
    expect(findings({ [key]: "2019-12-31" })).toEqual([]);
    expect(
      findings({ [key]: "2017-06-01", "identification.year": null }).filter((f) => f.field === key),
    ).toEqual([]);
  });
});

describe("finance", () => {
  const revenueParts =
    "recettes des entreprises partenaires, recettes publiques (État, collectivités), autres produits";

  it("refuses revenue parts above the total by more than 1 €, and only then", () => {
    expect(findings({ "finance.revenueOther": 50_001 })).toEqual([]);
    expect(findings({ "finance.revenueOther": 50_001.01 })).toEqual(
      only(
        "error",
        "finance.revenueTotal",
        `La somme des parts (${revenueParts}) vaut 500${G}001,01${NBSP}€ et dépasse « Total des produits » (500${G}000,00${NBSP}€).`,
      ),
    );
  });

  it("is not fooled by float sums of cents at exactly 1 €", () => {
    const ret = {
      "finance.revenueTotal": 0.3,
      "finance.revenuePartners": 0.1,
      "finance.revenuePublic": 0.2,
      "finance.revenueOther": 1,
      "finance.netResult": 0.3 - 480_000,
    };
    expect(findings(ret)).toEqual([]);
  });

  it("warns when revenue parts fall short of the total by more than 1 €, an empty part counting as 0", () => {
    const warning = (sum: string) =>
      only(
        "warning",
        "finance.revenueTotal",
        `La somme des parts (${revenueParts}) vaut ${sum}${NBSP}€, moins que « Total des produits » (500${G}000,00${NBSP}€) : une part manque-t-elle ?`,
      );
    expect(findings({ "finance.revenueOther": 49_998.99 })).toEqual(warning(`499${G}998,99`));
    expect(findings({ "finance.revenueOther": 49_999 })).toEqual([]);
    expect(findings({ "finance.revenueOther": null })).toEqual(warning(`450${G}000,00`));
  });

  it("still speaks French when absurd parts overflow their sum", () => {
    const huge = findings({
      "finance.chargesExternal": Number.MAX_VALUE,
      "finance.chargesOther": Number.MAX_VALUE,
    });
    expect(huge.map((f) => f.message)).toEqual([
      `La somme des parts (charges de personnel, charges de fonctionnement, prestataires extérieurs, autres charges) vaut ∞${NBSP}€ et dépasse « Total des charges » (480${G}000,00${NBSP}€).`,
    ]);
  });

  it("says nothing when no part is detailed", () => {
    expect(
      findings({
        "finance.revenuePartners": null,
        "finance.revenuePublic": null,
        "finance.revenueOther": null,
      }),
    ).toEqual([]);
  });

  it("checks the charges parts the same way", () => {
    const parts =
      "charges de personnel, charges de fonctionnement, prestataires extérieurs, autres charges";
    expect(findings({ "finance.chargesOther": 20_000 })).toEqual(
      only(
        "error",
        "finance.chargesTotal",
        `La somme des parts (${parts}) vaut 490${G}000,00${NBSP}€ et dépasse « Total des charges » (480${G}000,00${NBSP}€).`,
      ),
    );
    expect(findings({ "finance.chargesOther": 0 })).toEqual(
      only(
        "warning",
        "finance.chargesTotal",
        `La somme des parts (${parts}) vaut 470${G}000,00${NBSP}€, moins que « Total des charges » (480${G}000,00${NBSP}€) : une part manque-t-elle ?`,
      ),
    );
  });

  it("warns when the net result differs from revenue minus charges by more than 1 €", () => {
    expect(findings({ "finance.netResult": 19_999 })).toEqual([]);
    expect(findings({ "finance.netResult": 20_001 })).toEqual([]);
    expect(findings({ "finance.netResult": 20_001.01 })).toEqual(
      only(
        "warning",
        "finance.netResult",
        `« Résultat net comptable » (20${G}001,01${NBSP}€) diffère de produits moins charges (20${G}000,00${NBSP}€).`,
      ),
    );
    expect(findings({ "finance.netResult": -20_000 })).toHaveLength(1);
    expect(findings({ "finance.netResult": null })).toEqual([]);
  });

  it("warns when the gross payroll exceeds the personnel charges", () => {
    expect(findings({ "finance.grossPayroll": 400_000 })).toEqual([]);
    expect(findings({ "finance.grossPayroll": 400_000.01 })).toEqual(
      only(
        "warning",
        "finance.grossPayroll",
        `« Masse salariale brute » (400${G}000,01${NBSP}€) dépasse les charges de personnel (400${G}000,00${NBSP}€) qui devraient l'inclure.`,
      ),
    );
  });
});

describe("social", () => {
  it.each([
    [
      "social.mediators",
      21,
      "social.staffTotal",
      "« dont médiateurs » (21) ne peut pas dépasser « Nombre de salariés au 31/12 » (20).",
    ],
    [
      "social.womenStaff",
      21,
      "social.staffTotal",
      "« dont femmes » (21) ne peut pas dépasser « Nombre de salariés au 31/12 » (20).",
    ],
    [
      "social.fteMediators",
      16.5,
      "social.fteTotal",
      "« ETP médiateurs » (16,50) ne peut pas dépasser « ETP total » (16).",
    ],
    [
      "social.fteFrontDesk",
      16.01,
      "social.fteTotal",
      "« ETP médiation postée » (16,01) ne peut pas dépasser « ETP total » (16).",
    ],
  ])("refuses %s above its whole", (key, value, whole, message) => {
    const errors = (v: FieldValue) => findings({ [key]: v }).filter((f) => f.severity === "error");
    expect(errors(value)).toEqual(only("error", key, message));
    expect(errors(sampleReturn().social[whole.split(".")[1] as "staffTotal" | "fteTotal"])).toEqual(
      [],
    );
  });

  it("warns about full-time mediators above the mediators and training hours above worked hours", () => {
    expect(findings({ "social.mediatorsFullTime": 17 })).toEqual(
      only(
        "warning",
        "social.mediatorsFullTime",
        "« Médiateurs à temps plein » (17) ne peut pas dépasser « dont médiateurs » (16).",
      ),
    );
    expect(findings({ "social.trainingHours": 20_001 })).toEqual(
      only(
        "warning",
        "social.trainingHours",
        `« Heures de formation des médiateurs » (20${G}001) ne peut pas dépasser « Heures travaillées des médiateurs » (20${G}000).`,
      ),
    );
  });

  it("warns when mediators on CDI and CDD do not add up to the mediators", () => {
    const parts = "Médiateurs en CDI, Médiateurs en CDD (dont contrats aidés)";
    expect(findings({ "social.mediatorsCdd": 13 })).toEqual(
      only(
        "warning",
        "social.mediators",
        `La somme des parts (${parts}) vaut 17 et dépasse « dont médiateurs » (16).`,
      ),
    );
    expect(findings({ "social.mediatorsCdd": 11 })).toEqual(
      only(
        "warning",
        "social.mediators",
        `La somme des parts (${parts}) vaut 15, moins que « dont médiateurs » (16) : une part manque-t-elle ?`,
      ),
    );
  });
});

describe("activity", () => {
  const parts = "motifs partenaires, motifs non partenaires, motifs espace numérique";

  it("refuses reasons parts above the total and warns when they fall short", () => {
    expect(findings({ "activity.reasonsDigital": 5_001 })).toEqual(
      only(
        "error",
        "activity.reasonsTotal",
        `La somme des parts (${parts}) vaut 25${G}001 et dépasse « Motifs traités » (25${G}000).`,
      ),
    );
    expect(findings({ "activity.reasonsDigital": 4_999 })).toEqual(
      only(
        "warning",
        "activity.reasonsTotal",
        `La somme des parts (${parts}) vaut 24${G}999, moins que « Motifs traités » (25${G}000) : une part manque-t-elle ?`,
      ),
    );
  });

  it("warns when the reasons by nature exceed the total", () => {
    expect(findings({ "activity.reasonsLocalServices": 5_001 })).toEqual(
      only(
        "warning",
        "activity.reasonsTotal",
        `Les motifs par nature (information / conseil, médiation, services de proximité) totalisent 25${G}001, plus que « Motifs traités » (25${G}000).`,
      ),
    );
  });
});

describe("findings", () => {
  it("name the label of their field in every message", () => {
    const broken = findings({
      "governance.caValidation.date": null,
      "governance.agCloture.date": "2010-01-01",
      "finance.revenueOther": 1e6,
      "finance.chargesOther": 0,
      "finance.netResult": 1,
      "finance.grossPayroll": 1e6,
      "social.mediators": 30,
      "social.fteFrontDesk": 17,
      "social.trainingHours": 1e6,
      "activity.reasonsDigital": 1e6,
      "identification.year": 1999,
    });
    expect(broken.length).toBeGreaterThan(10);
    for (const f of broken) expect(f.message).toContain(`« ${field(f.field as string).label} »`);
    expect(hasErrors(broken)).toBe(true);
  });

  it("sort errors before warnings, keeping schema order within each", () => {
    const list = findings({
      "finance.grossPayroll": 1e6,
      "identification.sites": 0,
      "finance.chargesOther": 0,
    });
    const sorted = sortFindings(list);
    expect(sorted.map((f) => f.severity)).toEqual(["error", "warning", "warning"]);
    expect(sorted.slice(1).map((f) => f.field)).toEqual([
      "finance.chargesTotal",
      "finance.grossPayroll",
    ]);
    expect(hasErrors(findings({ "finance.grossPayroll": 1e6 }))).toBe(false);
  });
});
