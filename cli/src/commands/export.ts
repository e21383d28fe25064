// barometre export: a campaign's latest revision of every structure, as JSON or as CSV for French Excel.
import { parse } from "../args.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore, yearArgument } from "../firestore.ts";
import { noCampaign } from "../unknown.ts";
import type { Command } from "./command.ts";
import { auditedExport, OUTPUT_HELP, OUTPUT_OPTION } from "./export-output.ts";

const USAGE = "export ANNÉE [--csv] [-o FICHIER]";

const command: Command = {
  name: "export",
  usage: USAGE,
  summary: "retours d'une campagne (dernière révision de chaque structure), en JSON ou CSV",
  help: [
    "Exporte la dernière révision de chaque structure pour la campagne ANNÉE.",
    "Sans option : le JSON de docs/api.md { year, returns: [...] }.",
    "--csv : un tableau pour Excel en français (UTF-8 avec BOM, séparateur « ; », une ligne par",
    "structure, les libellés français en en-tête, virgule décimale, dates jj/mm/aaaa ; les taux",
    "des indicateurs sont des fractions : 0,64 pour 64 %).",
    OUTPUT_HELP,
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...PROJECT_OPTION, ...OUTPUT_OPTION, csv: { type: "boolean" } },
      USAGE,
    );
    if (positionals.length !== 1) throw new UserError(`Usage : barometre ${USAGE}`);
    const year = yearArgument(positionals[0], USAGE);
    const { getCampaign, exportCampaign, exportCampaignCsv } = await import(
      "@barometre/functions/admin"
    );
    await withFirestore(values.project, (db) =>
      auditedExport(
        db,
        { action: "campaign.export", year, detail: values.csv ? "csv" : "json" },
        async () => {
          if (!(await getCampaign(db, year))) throw noCampaign(year);
          return values.csv
            ? exportCampaignCsv(db, year)
            : `${JSON.stringify(await exportCampaign(db, year), null, 2)}\n`;
        },
        values.output,
      ),
    );
    return 0;
  },
};

export default command;
