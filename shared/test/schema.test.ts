// The schema against the field tables and legacy labels the project started from (docs/domain.md, docs/schema.md), copied here by hand so a drift on either side fails.
import { describe, expect, it } from "vitest";
import {
  emptyReturn,
  FIELDS,
  field,
  findField,
  getValue,
  SECTION_LIST,
  sectionOf,
  setValue,
} from "../src/index.ts";

/** The fields as the project started from them: id, label, type and "req", in order. */
const SPEC: Record<string, [string, string, string, boolean][]> = {
  identification: [
    ["structureCode", "Code structure", "text", true],
    ["structureName", "Nom du PIMMS", "text", true],
    ["association", "Association gestionnaire", "text", false],
    ["year", "Exercice", "int", true],
    ["sites", "Nombre de sites", "int", true],
    ["territory", "Type de territoire", "enum", true],
    ["openingDays", "Jours d'ouverture au public", "int", true],
    ["directorEmail", "Courriel de la direction", "email", true],
    ["treasurerEmail", "Courriel du trésorier", "email", false],
  ],
  finance: [
    ["revenueTotal", "Total des produits", "eur", true],
    ["revenuePartners", "dont recettes des entreprises partenaires", "eur", false],
    ["revenuePublic", "dont recettes publiques (État, collectivités)", "eur", false],
    ["revenueOther", "dont autres produits", "eur", false],
    ["chargesTotal", "Total des charges", "eur", true],
    ["chargesPersonnel", "dont charges de personnel", "eur", false],
    ["chargesOperating", "dont charges de fonctionnement", "eur", false],
    ["chargesExternal", "dont prestataires extérieurs", "eur", false],
    ["chargesOther", "dont autres charges", "eur", false],
    ["netResult", "Résultat net comptable", "eur", false],
    ["associationFunds", "Fonds associatifs au 31/12", "eur", true],
    ["trainingCosts", "Frais de formation", "eur", true],
    ["grossPayroll", "Masse salariale brute", "eur", true],
  ],
  social: [
    ["staffTotal", "Nombre de salariés au 31/12", "int", true],
    ["mediators", "dont médiateurs", "int", false],
    ["womenStaff", "dont femmes", "int", false],
    ["fteTotal", "ETP total", "dec", true],
    ["fteMediators", "ETP médiateurs", "dec", false],
    ["fteFrontDesk", "ETP médiation postée", "dec", true],
    ["mediatorsCdi", "Médiateurs en CDI", "int", false],
    ["mediatorsCdd", "Médiateurs en CDD (dont contrats aidés)", "int", false],
    ["mediatorsFullTime", "Médiateurs à temps plein", "int", false],
    ["trainingHours", "Heures de formation des médiateurs", "dec", false],
    ["workedHours", "Heures travaillées des médiateurs", "dec", false],
    [
      "exitsDurableJob",
      "Sorties vers un emploi durable (CDI, CDD de 6 mois et plus)",
      "int",
      false,
    ],
    [
      "exitsTransitionJob",
      "Sorties vers un emploi de transition (CDD de moins de 6 mois, intérim)",
      "int",
      false,
    ],
    ["exitsTraining", "Sorties vers une formation qualifiante", "int", false],
    ["exitsBusiness", "Sorties vers une création d'entreprise", "int", false],
    ["exitsJobSeeking", "Sorties en recherche d'emploi", "int", false],
    ["exitsOther", "Autres sorties (inactivité, déménagement, inconnu)", "int", false],
  ],
  activity: [
    ["visitors", "Personnes accueillies", "int", true],
    ["reasonsTotal", "Motifs traités", "int", true],
    ["reasonsPartners", "dont motifs partenaires", "int", true],
    ["reasonsNonPartners", "dont motifs non partenaires", "int", true],
    ["reasonsDigital", "dont motifs espace numérique", "int", true],
    ["reasonsInfo", "dont information / conseil", "int", false],
    ["reasonsMediation", "dont médiation", "int", false],
    ["reasonsLocalServices", "dont services de proximité", "int", false],
    ["workshops", "Ateliers collectifs", "int", false],
    ["workshopParticipants", "Participants aux ateliers", "int", false],
    ["outreachContacts", "Contacts initiés", "int", false],
    ["prevReasonsPartners", "Motifs partenaires N-1", "int", false],
    ["prevReasonsNonPartners", "Motifs non partenaires N-1", "int", false],
    ["prevReasonsDigital", "Motifs espace numérique N-1", "int", false],
  ],
  network: [
    [
      "certificationInPlan",
      "Volet certification réseau intégré au plan d'action stratégique",
      "bool",
      true,
    ],
    ["certificationStatus", "État de la démarche de certification", "enum", false],
    ["eventParticipants", "Participants aux événements PIMMS", "int", true],
  ],
};

describe("schema", () => {
  it("has the tabs of docs/domain.md in order", () => {
    expect(SECTION_LIST.map((s) => s.tab)).toEqual([
      "Identification",
      "Gouvernance",
      "Données financières",
      "Données sociales",
      "Activité",
      "Réseau et communication",
    ]);
  });

  it.each(Object.entries(SPEC))(
    "has exactly the fields of « %s » with their labels, types and req",
    (section, rows) => {
      const fields = FIELDS.filter((f) => f.section === section);
      expect(fields.map((f) => [f.id, f.label, f.type, f.required === true])).toEqual(rows);
    },
  );

  it("has the governance grid: three meetings × date and three presences that default to Non", () => {
    const governance = FIELDS.filter((f) => f.section === "governance");
    expect(governance.map((f) => f.id)).toEqual(
      ["caValidation", "agCloture", "caOrientation"].flatMap((m) =>
        ["date", "president", "treasurer", "secretary"].map((p) => `${m}.${p}`),
      ),
    );
    expect(field("governance.agCloture.date")).toMatchObject({
      type: "date",
      label: "Date de l'AG de clôture des comptes",
    });
    expect(field("governance.caOrientation.secretary")).toMatchObject({
      type: "bool",
      emptyMeansNo: true,
      label: "Secrétaire présent au CA d'orientation",
    });
    expect(field("governance.agCloture.date").help).toBe(
      "Jour où s'est tenue l'instance (AG de clôture des comptes) ; laisser vide si elle n'a pas eu lieu.",
    );
  });

  it("carries the rules of §2: bounds, signs, pattern and options", () => {
    expect(field("identification.year")).toMatchObject({ min: 2010, max: 2100 });
    expect(field("identification.sites")).toMatchObject({ min: 1 });
    expect(field("identification.openingDays")).toMatchObject({ min: 1, max: 366 });
    expect(field("identification.territory").options).toEqual([
      "Urbain QPV",
      "Urbain hors QPV",
      "Rural",
    ]);
    expect(field("network.certificationStatus").options).toEqual([
      "Non engagée",
      "En cours",
      "Certifiée",
    ]);
    expect(field("finance.chargesTotal")).toMatchObject({ min: 0, exclusiveMin: true });
    expect(field("social.fteFrontDesk")).toMatchObject({ min: 0, exclusiveMin: true });
    expect(FIELDS.filter((f) => f.signed).map((f) => f.key)).toEqual([
      "finance.netResult",
      "finance.associationFunds",
    ]);
    const code = field("identification.structureCode");
    expect(code.upperCase).toBe(true);
    for (const ok of ["PIMMS-RENNES", "P01", "ABC"]) expect(code.pattern?.test(ok)).toBe(true);
    for (const bad of ["AB", "-PIMMS", "PIMMS RENNES", `P${"A".repeat(40)}`])
      expect(code.pattern?.test(bad)).toBe(false);
  });

  it("gives every field one French help sentence and amounts the € unit", () => {
    for (const f of FIELDS) {
      expect(f.help, f.key).toMatch(/^[A-ZÉ].*\.$/);
      expect(f.help.split(". ").length, f.key).toBe(1);
      if (f.type === "eur") expect(f.unit, f.key).toBe("€");
    }
  });

  it("knows the legacy labels and tab names of §5", () => {
    const synonyms = (key: string) => field(key).synonyms ?? [];
    expect(synonyms("finance.revenueTotal")).toEqual(
      expect.arrayContaining(["Total produits", "Produits totaux"]),
    );
    expect(synonyms("finance.chargesTotal")).toEqual(
      expect.arrayContaining(["Total charges", "Charges totales"]),
    );
    expect(synonyms("finance.associationFunds")).toEqual(
      expect.arrayContaining(["Fonds associatifs", "Fonds propres associatifs"]),
    );
    expect(synonyms("finance.trainingCosts")).toContain("Dépenses de formation");
    expect(synonyms("finance.grossPayroll")).toContain("Salaires bruts");
    expect(synonyms("social.fteFrontDesk")).toContain("ETP médiateurs postés");
    expect(synonyms("activity.visitors")).toEqual(
      expect.arrayContaining(["Fréquentation annuelle", "Nombre de personnes accueillies"]),
    );
    expect(synonyms("activity.reasonsTotal")).toContain("Nombre de motifs");
    expect(synonyms("network.eventParticipants")).toContain("Participants événements");
    expect(synonyms("social.staffTotal")).toContain("Effectif au 31/12");
    const exits: [string, string][] = [
      ["exitsDurableJob", "Emploi durable"],
      ["exitsTransitionJob", "Emploi de transition"],
      ["exitsTraining", "Formation qualifiante"],
      ["exitsBusiness", "Création d'entreprise"],
      ["exitsJobSeeking", "Recherche d'emploi"],
      ["exitsOther", "Autre"],
    ];
    for (const [id, short] of exits) expect(synonyms(`social.${id}`)).toContain(short);
    const aliases = (id: Parameters<typeof sectionOf>[0]) => sectionOf(id).tabAliases;
    expect(aliases("governance")).toEqual(
      expect.arrayContaining(["Gouvernance", "Onglet gouvernance"]),
    );
    expect(aliases("finance")).toEqual(
      expect.arrayContaining(["Données financières", "Donnees financieres", "Finances"]),
    );
    expect(aliases("social")).toEqual(expect.arrayContaining(["Données sociales", "Social"]));
    expect(aliases("activity")).toEqual(
      expect.arrayContaining(["Activité", "Activite", "Activité KeepPlace"]),
    );
    expect(aliases("network")).toEqual(
      expect.arrayContaining(["Réseau et communication", "Réseau", "Communication"]),
    );
  });

  it("names every input cell fld_<section>_<field> once", () => {
    expect(field("finance.chargesTotal").name).toBe("fld_finance_chargesTotal");
    expect(field("governance.caValidation.president").name).toBe(
      "fld_governance_caValidation_president",
    );
    expect(new Set(FIELDS.map((f) => f.name)).size).toBe(FIELDS.length);
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
    expect(FIELDS.length).toBe(9 + 12 + 13 + 17 + 14 + 3);
  });

  it("builds an empty return with every field present: null, or Non for presences", () => {
    const ret = emptyReturn();
    for (const f of FIELDS) expect(getValue(ret, f), f.key).toBe(f.emptyMeansNo ? false : null);
    expect(ret.governance.caValidation).toEqual({
      date: null,
      president: false,
      treasurer: false,
      secretary: false,
    });
    setValue(ret, field("governance.caValidation.date"), "2019-04-12");
    expect(ret.governance.caValidation.date).toBe("2019-04-12");
  });

  it("throws only on a field key that does not exist, a programming error", () => {
    expect(findField("finance.nope")).toBeUndefined();
    expect(() => field("finance.nope")).toThrow("Unknown field key: finance.nope");
  });
});
