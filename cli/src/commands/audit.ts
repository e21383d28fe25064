// barometre audit: the log of the Union's actions (who, when, what, on which structure and year, the outcome).
import { parse } from "../args.ts";
import { dayOption } from "../day-option.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore } from "../firestore.ts";
import { renderTable } from "../table.ts";
import type { Command } from "./command.ts";
import { OUTPUT_HELP, OUTPUT_OPTION, writeExport } from "./export-output.ts";

const USAGE = "audit [--since jj/mm/aaaa] [--structure CODE] [--csv] [-o FICHIER]";

const HEADER = [
  "Date (Paris)",
  "Auteur",
  "Canal",
  "Action",
  "Structure",
  "Exercice",
  "Résultat",
  "Détail",
];

const command: Command = {
  name: "audit",
  usage: USAGE,
  summary: "journal des actions de l'Union (examens, campagnes, exports, effacements, lectures)",
  help: [
    "Le journal des actions des administrateurs et des commandes de l'Union, du plus ancien au plus",
    "récent : date et heure de Paris, auteur, canal (fonction, ligne de commande, tâche horaire),",
    "action, structure et exercice concernés, résultat. Il ne peut être ni modifié ni effacé.",
    "Une structure effacée n'y est plus nommée : l'effacement ne laisse que sa date et son auteur.",
    "--since jj/mm/aaaa : à partir de ce jour (heure de Paris).",
    "--structure CODE : les seules actions sur cette structure.",
    "--csv : en CSV pour Excel en français.",
    OUTPUT_HELP,
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        ...PROJECT_OPTION,
        ...OUTPUT_OPTION,
        since: { type: "string" },
        structure: { type: "string" },
        csv: { type: "boolean" },
      },
      USAGE,
    );
    if (positionals.length > 0) throw new UserError(`Usage : barometre ${USAGE}`);
    const since = values.since === undefined ? undefined : dayOption("--since", values.since);
    const { readAudit, AUDIT_ACTIONS, CHANNEL_WORDS, toCsv, csvValue, parisTime } = await import(
      "@barometre/functions/admin"
    );
    const { STRUCTURE_CODE } = await import("@barometre/shared");
    let structureCode: string | undefined;
    if (values.structure !== undefined) {
      const code = STRUCTURE_CODE.safeParse(values.structure);
      if (!code.success)
        throw new UserError(`« ${values.structure} » n'est pas un code structure valide.`);
      structureCode = code.data;
    }
    const lines = await withFirestore(values.project, (db) =>
      readAudit(db, { since, structureCode }),
    );
    const rows = lines.map((l) => [
      parisTime.format(l.at.toDate()),
      l.actor,
      CHANNEL_WORDS[l.via],
      AUDIT_ACTIONS[l.action] ?? l.action,
      l.structureCode ?? (l.subject ? "(structure effacée)" : ""),
      l.year === null ? "" : String(l.year),
      l.outcome === "ok" ? "réussi" : "échec",
      l.detail ?? "",
    ]);
    if (values.csv) {
      await writeExport(
        toCsv(
          HEADER,
          rows.map((r) => r.map((c) => csvValue(c))),
        ),
        values.output,
      );
      return 0;
    }
    const text = rows.length
      ? `${renderTable(HEADER, rows)}\n${rows.length} entrée${rows.length > 1 ? "s" : ""}.\n`
      : "Aucune entrée dans le journal pour ces critères.\n";
    await writeExport(text, values.output);
    return 0;
  },
};

export default command;
