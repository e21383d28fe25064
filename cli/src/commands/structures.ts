// barometre structures: the Union's directory of structures, imported from a CSV or listed.
import { readFile } from "node:fs/promises";
import { formatNumber } from "@barometre/shared";
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore } from "../firestore.ts";
import type { Command } from "./command.ts";
import { readStructureCsv } from "./structures-csv.ts";

const USAGE = "structures import FICHIER.csv | structures list";

/** Writes in flight at once: quick for 2,800 structures without flooding Firestore. */
const PARALLEL = 50;

async function importFile(path: string, project: string | undefined): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UserError(`Impossible de lire le fichier « ${path} ».`);
  }
  const { checkStructureEntry, saveStructure } = await import("@barometre/functions/admin");
  const { entries, problems } = readStructureCsv(text, checkStructureEntry);
  if (problems.length)
    throw new UserError(
      `Le fichier « ${path} » n'a pas été importé (rien n'a été enregistré) :\n${problems.join("\n")}`,
      1,
    );
  if (entries.length === 0)
    throw new UserError(`Le fichier « ${path} » ne contient aucune structure.`);
  await withFirestore(project, (db) =>
    auditedCommand(
      db,
      { action: "directory.import", detail: `${formatNumber(entries.length)} structures` },
      async () => {
        const now = new Date();
        for (let i = 0; i < entries.length; i += PARALLEL)
          await Promise.all(entries.slice(i, i + PARALLEL).map((e) => saveStructure(db, e, now)));
      },
    ),
  );
  process.stdout.write(
    `${formatNumber(entries.length)} structures enregistrées dans l'annuaire.\n`,
  );
  return 0;
}

async function list(project: string | undefined): Promise<number> {
  const { listStructures } = await import("@barometre/functions/admin");
  const entries = await withFirestore(project, listStructures);
  for (const e of entries)
    process.stdout.write(`${e.code}\t${e.name}\t${e.territory}\t${e.emails.join(" ")}\n`);
  process.stdout.write(`${formatNumber(entries.length)} structures dans l'annuaire.\n`);
  return 0;
}

const command: Command = {
  name: "structures",
  usage: USAGE,
  summary: "annuaire des structures : import d'un CSV, liste",
  help: [
    "structures import FICHIER.csv",
    "  Enregistre (ou met à jour) chaque structure du fichier. Colonnes : code, name, territory,",
    "  emails (ou code, nom, territoire, courriels), séparées par « ; » ou « , » ; plusieurs",
    "  adresses dans une cellule sont séparées par des espaces ou « | ». Le territoire est l'un de :",
    "  Urbain QPV, Urbain hors QPV, Rural. Chaque ligne est vérifiée : à la moindre erreur, rien",
    "  n'est enregistré et chaque problème est indiqué avec son numéro de ligne.",
    "structures list",
    "  Affiche l'annuaire.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, PROJECT_OPTION, USAGE);
    const [action, path, ...extra] = positionals;
    if (action === "import" && path && extra.length === 0) return importFile(path, values.project);
    if (action === "list" && !path) return list(values.project);
    throw new UserError(`Usage : barometre ${USAGE}`);
  },
};

export default command;
