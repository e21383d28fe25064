// barometre report: a structure's positioning report of a closed campaign as a PDF, or its one-page board summary.
import { parse } from "../args.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore, yearArgument } from "../firestore.ts";
import type { Command } from "./command.ts";
import { writeOutputFile } from "./export-output.ts";

const USAGE = "report CODE ANNÉE [--summary] -o FICHIER.pdf";

const command: Command = {
  name: "report",
  usage: USAGE,
  summary: "le rapport d'une structure pour une campagne close, en PDF (ou sa synthèse d'une page)",
  help: [
    "Écrit en PDF le rapport de positionnement de la structure CODE pour la campagne ANNÉE, close,",
    "tel qu'il a été envoyé à sa direction (mêmes chiffres, figés à la clôture).",
    "--summary : la synthèse d'une page pour le conseil d'administration et les financeurs.",
    "-o FICHIER.pdf : le fichier écrit (obligatoire).",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...PROJECT_OPTION, summary: { type: "boolean" }, output: { type: "string", short: "o" } },
      USAGE,
    );
    if (positionals.length !== 2) throw new UserError(`Usage : barometre ${USAGE}`);
    const code = String(positionals[0]).trim();
    const year = yearArgument(positionals[1], USAGE);
    if (!values.output)
      throw new UserError(`Indiquez le fichier PDF à écrire avec -o. Usage : barometre ${USAGE}`);
    const { structureReportPdf } = await import("@barometre/functions/admin");
    const report = await withFirestore(values.project, (db) =>
      structureReportPdf(db, year, code, values.summary === true),
    );
    if (!report.ok) throw new UserError(report.error);
    await writeOutputFile(values.output, report.content);
    const [what, written] = values.summary
      ? ["Synthèse d'une page", "écrite"]
      : ["Rapport", "écrit"];
    process.stderr.write(`${what} de ${code} (${year}) ${written} dans « ${values.output} ».\n`);
    return 0;
  },
};

export default command;
