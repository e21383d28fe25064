// How labels and tab names are normalised before they are matched.
import { describe, expect, it } from "vitest";
import { FIELDS, normaliseLabel, normaliseTabName, SECTION_LIST, sheetRole } from "../src/index.ts";

describe("normaliseLabel (docs/domain.md matching rules)", () => {
  it.each([
    ["case", "TOTAL DES CHARGES", "total des charges"],
    ["accents", "Dépenses de formation", "depenses de formation"],
    ["punctuation", "Jours d'ouverture au public", "jours d ouverture au public"],
    ["curly apostrophe", "Jours d’ouverture au public", "jours d ouverture au public"],
    ["repeated spaces", "Total   des  charges", "total des charges"],
    ["no-break spaces", "Total\u00a0des\u202fcharges", "total des charges"],
    ["trailing colon", "Total des charges :", "total des charges"],
    ["trailing colon without space", "Total des charges:", "total des charges"],
    ["leading dont", "dont charges de personnel", "charges de personnel"],
    ["leading DONT in capitals", "DONT CHARGES DE PERSONNEL", "charges de personnel"],
    ["leading dash", "- dont prestataires extérieurs", "prestataires exterieurs"],
    ["leading bullet", "• dont autres charges", "autres charges"],
    ["suffix (en €)", "Résultat net comptable (en €)", "resultat net comptable"],
    ["suffix (€)", "Total des produits (€)", "total des produits"],
    ["suffix au 31/12", "Fonds associatifs au 31/12", "fonds associatifs"],
    ["suffix au 31 décembre", "Effectif au 31 décembre", "effectif"],
    [
      "every decoration at once",
      "  • - DONT Recettes publiques (État, collectivités) (en €) : ",
      "recettes publiques etat collectivites",
    ],
    ["colon then suffix", "Fonds associatifs au 31/12 :", "fonds associatifs"],
    ["required mark", "Fonds associatifs au 31/12 *", "fonds associatifs"],
    ["required mark in brackets", "Effectif au 31/12 (*) :", "effectif"],
  ])("%s", (_, raw, want) => {
    expect(normaliseLabel(raw)).toBe(want);
  });

  it("keeps words that merely contain a decoration", () => {
    expect(normaliseLabel("Dontation")).toBe("dontation");
    expect(normaliseLabel("Médiateurs en CDD (dont contrats aidés)")).toBe(
      "mediateurs en cdd dont contrats aides",
    );
  });

  it("gives no two fields the same label or synonym", () => {
    const owner = new Map<string, string>();
    for (const f of FIELDS) {
      for (const text of [f.label, ...(f.synonyms ?? [])]) {
        const norm = normaliseLabel(text);
        expect(owner.get(norm) ?? f.key, `${text} (${f.key})`).toBe(f.key);
        owner.set(norm, f.key);
      }
    }
  });
});

describe("tab names", () => {
  it.each([
    ["Gouvernance", "governance"],
    ["Onglet gouvernance", "governance"],
    ["Onglet onglet gouvernance", "governance"],
    ["Données financières", "finance"],
    ["Donnees financieres", "finance"],
    ["FINANCES", "finance"],
    ["Données sociales", "social"],
    ["Social", "social"],
    ["Activité", "activity"],
    ["Activite", "activity"],
    ["Activité KeepPlace", "activity"],
    ["Réseau et communication", "network"],
    ["Réseau", "network"],
    ["Communication", "network"],
    ["Identification", "identification"],
    ["Données financières 2018", "finance"],
    ["Indicateurs", "computed"],
    ["Positionnement", "computed"],
    ["Indicateurs 2017", "computed"],
    ["Feuil1", null],
    ["Notes", null],
  ])("%s → %s", (name, role) => {
    expect(sheetRole(name)).toBe(role);
  });

  it("recognises every alias of the schema", () => {
    for (const s of SECTION_LIST)
      for (const alias of s.tabAliases) expect(sheetRole(alias)).toBe(s.id);
  });

  it("folds tab names like labels", () => {
    expect(normaliseTabName("  Onglet   DONNÉES financières ")).toBe("donnees financieres");
  });
});
