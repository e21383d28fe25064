// barometre export: a campaign's latest revision of every structure, as JSON or as CSV for French Excel.
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore, yearArgument } from "../firestore.ts";
import type { Command } from "./command.ts";
import { OUTPUT_HELP, OUTPUT_OPTION, writeExport } from "./export-output.ts";

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
    const { getCampaign } = await import("@barometre/functions/admin");
    const { exportCampaign, exportCampaignCsv } = await import("@barometre/functions/admin");
    const text = await withFirestore(values.project, async (db) => {
      if (!(await getCampaign(db, year))) throw new UserError(`La campagne ${year} n'existe pas.`);
      return auditedCommand(
        db,
        { action: "campaign.export", year, detail: values.csv ? "csv" : "json" },
        async () =>
          values.csv
            ? exportCampaignCsv(db, year)
            : `${JSON.stringify(await exportCampaign(db, year), null, 2)}\n`,
      );
    });
    await writeExport(text, values.output);
    return 0;
  },
};

export default command;
