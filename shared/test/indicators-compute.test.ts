// The reference engine: each indicator's value, band and French reason, checked by hand on the sample return.
import { describe, expect, it } from "vitest";
import {
  type BandSettings,
  bandsFor,
  computeIndicator,
  computeIndicators,
  DEFAULT_BANDS,
  type FieldValue,
  fragileKeys,
  INDICATOR_KEYS,
  INDICATORS,
  type IndicatorKey,
  indicator,
  NUMERIC_INDICATOR_KEYS,
  statusOf,
} from "../src/index.ts";
import { sampleReturn } from "./support/sample-return.ts";

const compute = (
  key: IndicatorKey,
  changes: Record<string, FieldValue> = {},
  bands: BandSettings = {},
) => computeIndicator(indicator(key), sampleReturn(changes), bands);
const notComputable = (reason: string) => ({ value: null, status: null, reason });

describe("the sample return, computed by hand", () => {
  it("gives every key of docs/domain.md", () => {
    const all = computeIndicators(sampleReturn());
    expect(Object.keys(all)).toEqual([...INDICATOR_KEYS]);
    const values = Object.fromEntries(Object.entries(all).map(([k, r]) => [k, r.value]));
    expect(values).toEqual({
      governanceRegularity: 1,
      financialBalance: 2,
      monthsOfCharges: 6,
      trainingRate: 0.02,
      positiveExitRate: 0.8,
      reasonsPartnersShare: 0.4,
      reasonsNonPartnersShare: 0.4,
      reasonsDigitalShare: 0.2,
      reasonsPartnersChangePts: expect.closeTo(-5, 12),
      reasonsNonPartnersChangePts: expect.closeTo(-5, 12),
      reasonsDigitalChangePts: expect.closeTo(10, 12),
      dailyVisitorsPerFte: 4,
      dailyReasonsPerFte: 10,
      certificationInPlan: true,
      eventParticipants: 120,
    });
    expect(Object.values(all).every((r) => r.reason === null)).toBe(true);
    expect(fragileKeys(all)).toEqual([]);
  });

  it("has only numeric and Oui/Non indicators, the Oui/Non one being certificationInPlan", () => {
    expect(INDICATORS.filter((d) => d.unit === "bool").map((d) => d.key)).toEqual([
      "certificationInPlan",
    ]);
    expect(NUMERIC_INDICATOR_KEYS).toHaveLength(14);
  });
});

describe("governanceRegularity", () => {
  const absent = (...keys: string[]) =>
    Object.fromEntries(keys.map((k) => [`governance.${k}`, false]));

  it("counts presences out of 9 with the bands green = 1, orange ≥ 2/3", () => {
    expect(compute("governanceRegularity")).toEqual({ value: 1, status: "green", reason: null });
    expect(compute("governanceRegularity", absent("agCloture.secretary"))).toEqual({
      value: 8 / 9,
      status: "orange",
      reason: null,
    });
    const three = absent(
      "agCloture.secretary",
      "caOrientation.treasurer",
      "caOrientation.secretary",
    );
    expect(compute("governanceRegularity", three)).toEqual({
      value: 2 / 3,
      status: "orange",
      reason: null,
    });
    const four = absent(
      "agCloture.secretary",
      "caOrientation.treasurer",
      "caOrientation.secretary",
      "caValidation.president",
    );
    expect(compute("governanceRegularity", four)).toEqual({
      value: 5 / 9,
      status: "red",
      reason: null,
    });
  });

  it("counts a meeting not held as three absences, even with presences marked Oui", () => {
    expect(
      compute("governanceRegularity", { "governance.caOrientation.date": null }),
    ).toMatchObject({
      value: 6 / 9,
      status: "orange",
    });
    const none = {
      "governance.caValidation.date": null,
      "governance.agCloture.date": null,
      "governance.caOrientation.date": null,
    };
    expect(compute("governanceRegularity", none)).toEqual({
      value: 0,
      status: "red",
      reason: null,
    });
  });
});

describe("financialBalance and monthsOfCharges", () => {
  it("compares funds with a quarter of charges: green > 1, orange > 0.5, red ≤ 0.5", () => {
    const at = (funds: number) =>
      compute("financialBalance", { "finance.associationFunds": funds });
    expect(at(120_000)).toEqual({ value: 1, status: "orange", reason: null });
    expect(at(120_000.01).status).toBe("green");
    expect(at(60_000)).toEqual({ value: 0.5, status: "red", reason: null });
    expect(at(60_000.01).status).toBe("orange");
    expect(at(-12_000)).toEqual({ value: -0.1, status: "red", reason: null });
    expect(at(0)).toEqual({ value: 0, status: "red", reason: null });
  });

  it("gives months of charges without a band", () => {
    expect(compute("monthsOfCharges")).toEqual({ value: 6, status: null, reason: null });
    expect(compute("monthsOfCharges", { "finance.associationFunds": -40_000 }).value).toBe(-1);
  });

  it.each(["financialBalance", "monthsOfCharges"] as const)(
    "explains why %s cannot be computed",
    (key) => {
      expect(compute(key, { "finance.associationFunds": null })).toEqual(
        notComputable("Fonds associatifs au 31/12 : donnée manquante"),
      );
      expect(compute(key, { "finance.chargesTotal": null })).toEqual(
        notComputable("Total des charges : donnée manquante"),
      );
      for (const charges of [0, -1])
        expect(compute(key, { "finance.chargesTotal": charges })).toEqual(
          notComputable("Total des charges nul ou négatif : division impossible"),
        );
    },
  );
});

describe("trainingRate", () => {
  const at = (costs: number) => compute("trainingRate", { "finance.trainingCosts": costs });

  it("has the bands green ≥ 2 %, orange ≥ 1 %", () => {
    expect(at(6_000)).toEqual({ value: 0.02, status: "green", reason: null });
    expect(at(5_999.99).status).toBe("orange");
    expect(at(3_000)).toEqual({ value: 0.01, status: "orange", reason: null });
    expect(at(2_999.99).status).toBe("red");
    expect(at(0)).toEqual({ value: 0, status: "red", reason: null });
  });

  it("explains why it cannot be computed", () => {
    expect(compute("trainingRate", { "finance.trainingCosts": null })).toEqual(
      notComputable("Frais de formation : donnée manquante"),
    );
    expect(compute("trainingRate", { "finance.grossPayroll": null })).toEqual(
      notComputable("Masse salariale brute : donnée manquante"),
    );
    expect(compute("trainingRate", { "finance.grossPayroll": 0 })).toEqual(
      notComputable("Masse salariale brute nulle ou négative : division impossible"),
    );
  });
});

describe("positiveExitRate", () => {
  const exits = (durable: FieldValue, jobSeeking: FieldValue, other: FieldValue = 0) => ({
    "social.exitsDurableJob": durable,
    "social.exitsTransitionJob": durable === null ? null : 0,
    "social.exitsTraining": durable === null ? null : 0,
    "social.exitsBusiness": durable === null ? null : 0,
    "social.exitsJobSeeking": jobSeeking,
    "social.exitsOther": other,
  });

  it("has the bands green ≥ 60 %, orange ≥ 40 %", () => {
    expect(compute("positiveExitRate", exits(3, 2))).toEqual({
      value: 0.6,
      status: "green",
      reason: null,
    });
    expect(compute("positiveExitRate", exits(2, 3))).toEqual({
      value: 0.4,
      status: "orange",
      reason: null,
    });
    expect(compute("positiveExitRate", exits(1, 4))).toEqual({
      value: 0.2,
      status: "red",
      reason: null,
    });
  });

  it("counts an empty exit as none once some exits are given", () => {
    expect(compute("positiveExitRate", exits(null, null, 2))).toEqual({
      value: 0,
      status: "red",
      reason: null,
    });
  });

  it("explains why it cannot be computed", () => {
    expect(compute("positiveExitRate", exits(null, null, null))).toEqual(
      notComputable("Sorties de médiateurs non renseignées"),
    );
    expect(compute("positiveExitRate", exits(0, 0, 0))).toEqual(
      notComputable("Aucune sortie de médiateur sur l'exercice"),
    );
  });
});

describe("reasons mix", () => {
  it("gives shares without bands", () => {
    expect(compute("reasonsDigitalShare")).toEqual({ value: 0.2, status: null, reason: null });
  });

  it("explains why the shares cannot be computed", () => {
    expect(compute("reasonsPartnersShare", { "activity.reasonsDigital": null })).toEqual(
      notComputable("dont motifs espace numérique : donnée manquante"),
    );
    const none = {
      "activity.reasonsPartners": 0,
      "activity.reasonsNonPartners": 0,
      "activity.reasonsDigital": 0,
    };
    expect(compute("reasonsNonPartnersShare", none)).toEqual(
      notComputable("Aucun motif partenaire, non partenaire ou espace numérique déclaré"),
    );
  });

  it("gives changes in points against N-1, or why not", () => {
    expect(compute("reasonsDigitalChangePts").value).toBeCloseTo(10, 12);
    expect(compute("reasonsPartnersChangePts", { "activity.prevReasonsPartners": null })).toEqual(
      notComputable("Motifs partenaires N-1 : donnée manquante"),
    );
    const none = {
      "activity.prevReasonsPartners": 0,
      "activity.prevReasonsNonPartners": 0,
      "activity.prevReasonsDigital": 0,
    };
    expect(compute("reasonsDigitalChangePts", none)).toEqual(
      notComputable("Aucun motif N-1 déclaré"),
    );
    expect(compute("reasonsDigitalChangePts", { "activity.reasonsDigital": null })).toEqual(
      notComputable("dont motifs espace numérique : donnée manquante"),
    );
  });
});

describe("daily figures per FTE", () => {
  it.each(["dailyVisitorsPerFte", "dailyReasonsPerFte"] as const)(
    "explain why %s cannot be computed",
    (key) => {
      expect(compute(key, { "identification.openingDays": null })).toEqual(
        notComputable("Jours d'ouverture au public : donnée manquante"),
      );
      expect(compute(key, { "social.fteFrontDesk": null })).toEqual(
        notComputable("ETP médiation postée : donnée manquante"),
      );
      expect(compute(key, { "identification.openingDays": 0 })).toEqual(
        notComputable("Aucun jour d'ouverture déclaré : division impossible"),
      );
      expect(compute(key, { "social.fteFrontDesk": 0 })).toEqual(
        notComputable("ETP médiation postée nul ou négatif : division impossible"),
      );
    },
  );

  it("say what is missing", () => {
    expect(compute("dailyVisitorsPerFte", { "activity.visitors": null })).toEqual(
      notComputable("Personnes accueillies : donnée manquante"),
    );
    expect(compute("dailyReasonsPerFte", { "activity.reasonsTotal": null })).toEqual(
      notComputable("Motifs traités : donnée manquante"),
    );
  });

  it("never give Infinity, even when a division overflows", () => {
    const huge = { "activity.visitors": Number.MAX_VALUE, "social.fteFrontDesk": Number.MIN_VALUE };
    expect(compute("dailyVisitorsPerFte", huge)).toEqual(
      notComputable("Calcul impossible avec les données saisies"),
    );
  });
});

describe("certificationInPlan and eventParticipants", () => {
  it("reports Oui as green and Non as red, or why not", () => {
    expect(compute("certificationInPlan")).toEqual({ value: true, status: "green", reason: null });
    expect(compute("certificationInPlan", { "network.certificationInPlan": false })).toEqual({
      value: false,
      status: "red",
      reason: null,
    });
    expect(compute("certificationInPlan", { "network.certificationInPlan": null })).toEqual(
      notComputable(
        "Volet certification réseau intégré au plan d'action stratégique : donnée manquante",
      ),
    );
  });

  it("reports the count without a band, 0 being a real 0", () => {
    expect(compute("eventParticipants", { "network.eventParticipants": 0 })).toEqual({
      value: 0,
      status: null,
      reason: null,
    });
    expect(compute("eventParticipants", { "network.eventParticipants": null })).toEqual(
      notComputable("Participants aux événements PIMMS : donnée manquante"),
    );
  });
});

describe("bands", () => {
  it("default to docs/domain.md on the five banded indicators", () => {
    expect(Object.keys(DEFAULT_BANDS)).toEqual([
      "governanceRegularity",
      "financialBalance",
      "trainingRate",
      "positiveExitRate",
      "certificationInPlan",
    ]);
    expect(bandsFor("governanceRegularity")).toEqual({
      kind: "numeric",
      green: { op: ">=", value: 1 },
      orange: { op: ">=", value: 2 / 3 },
    });
    expect(bandsFor("financialBalance")).toEqual({
      kind: "numeric",
      green: { op: ">", value: 1 },
      orange: { op: ">", value: 0.5 },
    });
    expect(bandsFor("monthsOfCharges")).toBeNull();
  });

  it("can be changed per campaign, the others keeping their defaults", () => {
    const campaign: BandSettings = {
      trainingRate: {
        kind: "numeric",
        green: { op: ">", value: 0.03 },
        orange: { op: ">=", value: 0.02 },
      },
      monthsOfCharges: {
        kind: "numeric",
        green: { op: ">=", value: 3 },
        orange: { op: ">=", value: 1 },
      },
    };
    expect(compute("trainingRate", {}, campaign).status).toBe("orange");
    expect(compute("trainingRate", { "finance.trainingCosts": 9_000 }, campaign).status).toBe(
      "orange",
    );
    expect(compute("trainingRate", { "finance.trainingCosts": 9_000.01 }, campaign).status).toBe(
      "green",
    );
    expect(compute("trainingRate", { "finance.trainingCosts": 5_999 }, campaign).status).toBe(
      "red",
    );
    expect(compute("monthsOfCharges", {}, campaign).status).toBe("green");
    expect(compute("financialBalance", {}, campaign).status).toBe("green");
    const fragile = computeIndicators(sampleReturn({ "finance.trainingCosts": 100 }), campaign);
    expect(fragileKeys(fragile)).toEqual(["trainingRate"]);
  });

  it("give no status without bands or without a value", () => {
    expect(statusOf(null, 1)).toBeNull();
    expect(statusOf(bandsFor("trainingRate"), null)).toBeNull();
    expect(statusOf({ kind: "boolean" }, 1)).toBeNull();
    expect(statusOf(bandsFor("trainingRate"), true)).toBeNull();
  });

  it("make a structure fragile on every red indicator", () => {
    const all = computeIndicators(
      sampleReturn({
        "finance.associationFunds": 0,
        "network.certificationInPlan": false,
        "social.exitsJobSeeking": 10,
      }),
    );
    expect(fragileKeys(all)).toEqual([
      "financialBalance",
      "positiveExitRate",
      "certificationInPlan",
    ]);
  });
});
