// barometre import: the return, indicators and findings of one workbook, or of every .xlsx of a folder.
import { join } from "node:path";
import {
  computeIndicators,
  FIELDS,
  type Finding,
  formatIndicatorValue,
  formatNumber,
  hasErrors,
  type ImportResult,
  INDICATORS,
  type Indicators,
  plural,
  STATUS_LABELS,
} from "@barometre/shared";
import { parse } from "../args.ts";
import { UserError } from "../errors.ts";
import { renderTable } from "../table.ts";
import { importWorkbookFile, isFolder, listWorkbooks } from "../xlsx/read-folder.ts";
import type { Command } from "./command.ts";

const USAGE = "import FICHIER.xlsx|DOSSIER [--json]";

type Outcome =
  | { file: string; result: ImportResult; indicators: Indicators }
  | { file: string; error: string };

/** docs/cli.md: 0 no error finding, 1 error findings, 2 unreadable. */
const exitCodeOf = (o: Outcome) => ("error" in o ? 2 : hasErrors(o.result.findings) ? 1 : 0);

const asJson = (o: Outcome) =>
  "error" in o
    ? { error: o.error }
    : { return: o.result.ret, indicators: o.indicators, findings: o.result.findings };

async function importOne(path: string, file: string): Promise<Outcome> {
  const result = await importWorkbookFile(path);
  return { file, result, indicators: computeIndicators(result.ret) };
}

function findingsText(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["Aucun constat."];
  const rows = findings.map((f) => [
    f.severity === "error" ? "Erreur" : "Avertissement",
    f.cell ?? "—",
    f.message,
  ]);
  return ["Constats :", renderTable(["Gravité", "Cellule", "Message"], rows)];
}

function indicatorsText(indicators: Indicators): string {
  const rows = INDICATORS.map((d) => {
    const r = indicators[d.key];
    const value =
      r.value === null ? `non calculable : ${r.reason}` : formatIndicatorValue(d.key, r.value);
    return [d.number, d.name, value, r.status ? STATUS_LABELS[r.status] : "—"];
  });
  return renderTable(["N°", "Indicateur", "Valeur", "Bande"], rows);
}

function summary(o: Outcome): string {
  // The error sentence already names the file.
  if ("error" in o) return o.error;
  const { ret, findings, cells } = o.result;
  const id = ret.identification;
  const who = [
    id.structureName ?? "structure sans nom",
    id.structureCode ? `(${id.structureCode})` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const found = FIELDS.filter((f) => cells[f.key] !== undefined).length;
  const errors = findings.filter((f) => f.severity === "error").length;
  return [
    `Classeur « ${o.file} » : ${who}, exercice ${id.year ?? "inconnu"}`,
    `${formatNumber(found)} champs trouvés sur ${formatNumber(FIELDS.length)} ; ${plural(errors, "erreur")}, ${plural(findings.length - errors, "avertissement")}.`,
    "",
    ...findingsText(findings),
    "",
    "Indicateurs :",
    indicatorsText(o.indicators),
  ].join("\n");
}

/** The last line of a folder's summary: how many workbooks passed, failed validation or could not be read. */
function tally(outcomes: readonly Outcome[]): string {
  const count = (code: number) => outcomes.filter((o) => exitCodeOf(o) === code).length;
  return `${plural(outcomes.length, "classeur")} : ${formatNumber(count(0))} sans erreur, ${formatNumber(count(1))} avec des erreurs, ${formatNumber(count(2))} illisible${count(2) > 1 ? "s" : ""}.`;
}

/** Every workbook of the folder, with a progress line on stderr only when a person watches it. */
async function importFolder(folder: string): Promise<Outcome[]> {
  const names = await listWorkbooks(folder);
  const progress = process.stderr.isTTY;
  const outcomes: Outcome[] = [];
  for (const [i, name] of names.entries()) {
    if (progress) process.stderr.write(`\r\x1b[2KImport ${i + 1}/${names.length} : ${name}`);
    try {
      outcomes.push(await importOne(join(folder, name), name));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      outcomes.push({ file: name, error: error.message });
    }
  }
  if (progress) process.stderr.write("\r\x1b[2K");
  return outcomes;
}

const command: Command = {
  name: "import",
  usage: USAGE,
  summary: "lit un classeur (ancien outil ou classeur préparé) : retour, indicateurs, constats",
  help: [
    "Lit un classeur .xlsx de l'outil de données économiques et sociales (toutes les variantes connues)",
    "ou un classeur préparé, et affiche le retour reconnu, les huit indicateurs et les constats",
    "(erreurs et avertissements, avec la cellule concernée). Le fichier n'est jamais modifié.",
    "Avec un dossier, importe chaque classeur .xlsx du dossier, par ordre alphabétique.",
    "",
    "  --json   sortie JSON (docs/cli.md) : { return, indicators, findings } ;",
    "           pour un dossier, un tableau de { file, return, indicators, findings } ou { file, error }",
    "",
    "Code de sortie : 0 sans erreur, 1 si un constat est une erreur, 2 si un fichier est illisible",
    "(pour un dossier, le pire des classeurs).",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: "boolean" } }, USAGE);
    const [path] = positionals;
    if (!path || positionals.length > 1)
      throw new UserError(`Indiquez un seul classeur ou dossier.\nUsage : barometre ${USAGE}`);
    const folder = await isFolder(path);
    const outcomes = folder ? await importFolder(path) : [await importOne(path, path)];
    const json = folder
      ? outcomes.map((o) => ({ file: o.file, ...asJson(o) }))
      : asJson(outcomes[0] as Outcome);
    const blocks = outcomes.map(summary);
    if (folder) blocks.push(tally(outcomes));
    const text = values.json ? JSON.stringify(json, null, 2) : blocks.join("\n\n");
    process.stdout.write(`${text}\n`);
    return Math.max(...outcomes.map(exitCodeOf));
  },
};

export default command;
