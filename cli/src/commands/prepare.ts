// barometre prepare: a copy of a workbook with the validated tabs, live indicators and defined names added.
import { hasErrors, plannedCell, plural, sortFindings } from "@barometre/shared";
import { parse } from "../args.ts";
import { UserError } from "../errors.ts";
import { type Prepared, prepareWorkbook } from "../xlsx/write-prepared.ts";
import type { Command } from "./command.ts";

const USAGE = "prepare FICHIER.xlsx -o SORTIE.xlsx";

function report(output: string, p: Prepared): string {
  const tabs = p.plan.tabs.map((t) => t.name).join(", ");
  const lines = [
    `Classeur préparé : ${output}`,
    `  ${plural(p.originalTabs.length, "onglet")} d'origine conservé${p.originalTabs.length > 1 ? "s" : ""} tel${p.originalTabs.length > 1 ? "s" : ""} quel${p.originalTabs.length > 1 ? "s" : ""}.`,
    `  Onglets validés ${p.replaced > 0 ? "mis à jour" : "ajoutés"} : ${tabs}.`,
  ];
  const findings = sortFindings(p.result.findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) {
    lines.push("  Aucune erreur ni aucun avertissement : le retour peut être envoyé à l'Union.");
    return lines.join("\n");
  }
  const counts = [
    errors > 0 ? plural(errors, "erreur") : null,
    warnings > 0 ? plural(warnings, "avertissement") : null,
  ].filter(Boolean);
  lines.push(`  ${counts.join(" et ")} à revoir dans les onglets validés :`);
  for (const f of findings) {
    // Point at the validated cell to fix, and say where the value was read when it came from elsewhere.
    const target = f.field ? plannedCell(f.field, p.names) : null;
    const from = f.cell && f.cell !== target ? ` (lu en ${f.cell})` : "";
    const where = target ? `${target} : ` : "";
    lines.push(
      `  - ${f.severity === "error" ? "Erreur" : "Avertissement"} : ${where}${f.message}${from}`,
    );
  }
  return lines.join("\n");
}

const command: Command = {
  name: "prepare",
  usage: USAGE,
  summary: "ajoute au classeur les onglets validés et les indicateurs en direct",
  help: [
    "Lit FICHIER.xlsx (ancien outil ou classeur déjà préparé) et écrit dans SORTIE.xlsx une copie où les onglets",
    "d'origine restent identiques et où s'ajoutent, après eux, les onglets validés pré-remplis",
    "(Identification, Gouvernance, Données financières, Données sociales, Activité, Réseau et communication),",
    "l'onglet Indicateurs aux formules en direct et l'onglet Positionnement.",
    "Relancer la commande sur un classeur préparé met ses onglets validés à jour sans les dupliquer.",
    "FICHIER.xlsx n'est jamais modifié ; SORTIE.xlsx doit être un autre fichier.",
    "",
    "  -o, --output SORTIE.xlsx   le classeur préparé à écrire",
    "",
    "Code de sortie : 0 sans erreur, 1 si le retour contient des erreurs (le classeur est tout de même écrit),",
    "2 si le classeur ne peut pas être lu ou écrit.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { output: { type: "string", short: "o" } }, USAGE);
    const [input] = positionals;
    if (!input || positionals.length > 1)
      throw new UserError(`Indiquez un seul classeur à préparer.\nUsage : barometre ${USAGE}`);
    const output = values.output;
    if (!output)
      throw new UserError(`Indiquez le classeur à écrire avec -o.\nUsage : barometre ${USAGE}`);
    const prepared = await prepareWorkbook(input, output);
    process.stdout.write(`${report(output, prepared)}\n`);
    return hasErrors(prepared.result.findings) ? 1 : 0;
  },
};

export default command;
