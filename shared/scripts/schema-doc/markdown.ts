// docs/schema.md: every tab, field and indicator of the schema, written out in French for the Union and the developers.
import {
  byName,
  FIELDS,
  formatUnitValue,
  INDICATORS,
  type IndicatorDef,
  indicatorFormula,
  indicatorName,
  MEETINGS,
  OFFICERS,
  SECTION_LIST,
  type SectionSpec,
} from "../../src/index.ts";
import { guardReason } from "../../src/indicators/expr.ts";
import { cell, ruleWords, TYPE_WORDS } from "./field-words.ts";

const UNIT_WORDS: Record<IndicatorDef["unit"], string> = {
  percent: "pourcentage",
  ratio: "ratio",
  months: "mois",
  count: "nombre",
  points: "points de pourcentage",
  perFte: "par jour et par ETP",
  bool: "Oui/Non",
};
const SENSE_WORDS: Record<IndicatorDef["sense"], string> = {
  higher: "plus haut = mieux",
  neutral: "neutre",
};

const row = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
export const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(header), row(header.map(() => "---")), ...rows.map(row)].join("\n");
export const code = (text: string) => `\`${text}\``;

function tabsTable(): string {
  return table(
    ["Onglet", "Section JSON", "Champs", "Noms reconnus dans les anciens classeurs"],
    SECTION_LIST.map((s) => [s.tab, code(s.id), String(s.fields.length), s.tabAliases.join(", ")]),
  );
}

function sectionPart(section: SectionSpec): string {
  const rows = FIELDS.filter((f) => f.section === section.id).map((f) => [
    code(f.path.join(".")),
    f.label,
    TYPE_WORDS[f.type],
    f.unit ?? "",
    ruleWords(f),
    f.required ? "oui" : "",
    code(f.name),
    (f.synonyms ?? []).join(" ; "),
    f.help,
  ]);
  return [
    `## ${section.tab} (${code(section.id)})`,
    "",
    table(
      [
        "Champ",
        "Libellé",
        "Type",
        "Unité",
        "Règle",
        "Obligatoire",
        "Nom défini",
        "Libellés reconnus",
        "Aide",
      ],
      rows,
    ),
  ].join("\n");
}

function governanceGrid(): string {
  return [
    "### Grille des instances",
    "",
    "Dans les anciens classeurs, la gouvernance est une grille : une ligne par instance, une colonne `Date` et une colonne par membre du bureau (dans n'importe quel ordre).",
    "",
    table(
      ["Ligne", "Clé JSON", "Libellés reconnus"],
      MEETINGS.map((m) => [m.label, code(m.id), m.synonyms.join(" ; ")]),
    ),
    "",
    table(
      ["Colonne", "Clé JSON", "Libellés reconnus"],
      OFFICERS.map((o) => [o.label, code(o.id), o.synonyms.join(" ; ")]),
    ),
  ].join("\n");
}

function bandWords(def: IndicatorDef): string {
  const bands = def.bands;
  if (bands === null) return "aucune";
  if (bands.kind === "boolean") return "vert = Oui ; rouge = Non";
  const op = (o: ">=" | ">") => (o === ">=" ? "≥" : ">");
  const show = (v: number) => formatUnitValue(def.unit, v);
  return `vert ${op(bands.green.op)} ${show(bands.green.value)} ; orange ${op(bands.orange.op)} ${show(bands.orange.value)} ; rouge en dessous`;
}

function indicatorPart(def: IndicatorDef): string {
  const reasons = def.guards.map(guardReason);
  return [
    `### ${def.number}. ${def.name} (${code(def.key)})`,
    "",
    def.definition,
    "",
    `- **Calcul** : ${def.formulaInWords}`,
    `- **Unité** : ${UNIT_WORDS[def.unit]} ; **sens** : ${SENSE_WORDS[def.sense]}`,
    `- **Bandes par défaut** : ${bandWords(def)}`,
    `- **Non calculable quand** : ${reasons.length > 0 ? reasons.join(" ; ") : "jamais (une instance non tenue compte comme trois absences)"} ; ou si le calcul déborde`,
    `- **Nom défini de la cellule** : ${code(indicatorName(def.key))}`,
    "",
    "Formule de la cellule dans l'onglet `Indicateurs` :",
    "",
    "```",
    `=${indicatorFormula(def, byName)}`,
    "```",
  ].join("\n");
}

export function schemaMarkdown(): string {
  const sections = SECTION_LIST.map((s) =>
    s.id === "governance" ? `${sectionPart(s)}\n\n${governanceGrid()}` : sectionPart(s),
  );
  return `${[
    "# Schéma du retour et indicateurs",
    "",
    "Ce fichier est produit par `npm run docs` à partir de `shared/src/schema` et `shared/src/indicators` : ne le modifiez pas à la main (un test échoue dès qu'il n'est plus à jour). Le schéma JSON du retour est dans `return.schema.json`.",
    "",
    "Un retour réunit les données d'une structure pour un exercice. En JSON, il a une clé par section ; un champ vide vaut `null`, une date s'écrit `AAAA-MM-JJ`, Oui/Non s'écrit `true`/`false` et un montant est un nombre en euros. Les champs obligatoires doivent être remplis pour qu'un retour soit accepté. Chaque cellule de saisie du classeur préparé porte le nom défini indiqué.",
    "",
    "## Onglets",
    "",
    tabsTable(),
    "",
    sections.join("\n\n"),
    "",
    "## Indicateurs",
    "",
    "Chaque indicateur est défini une fois et calculé de la même façon par le moteur TypeScript, par les formules de l'onglet `Indicateurs` et par le serveur. Une valeur non calculable n'est jamais 0 : elle porte une raison. Les bandes peuvent être changées pour chaque campagne.",
    "",
    table(
      ["#", "Clé", "Indicateur", "Unité", "Bandes par défaut"],
      INDICATORS.map((d) => [d.number, code(d.key), d.name, UNIT_WORDS[d.unit], bandWords(d)]),
    ),
    "",
    INDICATORS.map(indicatorPart).join("\n\n"),
  ].join("\n")}\n`;
}
