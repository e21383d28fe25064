// barometre structure: for data-protection requests, everything stored about one structure, exported or erased.

import { createInterface } from "node:readline/promises";
import { asciiUpperCase } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore } from "../firestore.ts";
import { notInDirectory } from "../unknown.ts";
import type { Command } from "./command.ts";
import { auditedExport, OUTPUT_HELP, OUTPUT_OPTION } from "./export-output.ts";

const USAGE = "structure export|erase CODE [options]";

/** Asks the person at the terminal to type the code; anything else cancels. */
async function confirmed(code: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new UserError(
      `Effacement non confirmé : relancez dans un terminal pour taper le code, ou ajoutez --yes.`,
    );
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `Tout ce qui concerne ${code} va être effacé définitivement (annuaire, révisions, historique des envois, courriels, positionnements finaux, lignes du tableau consolidé, son nom dans les synthèses de l'Union).\nTapez le code ${code} pour confirmer : `,
    );
    return asciiUpperCase(answer.trim()) === code;
  } finally {
    rl.close();
  }
}

/**
 * Everything kept about the structure, refused when there is nothing: a code neither in the directory nor in any
 * stored data is a typing mistake. A structure already gone from the directory may still have returns, mails or
 * mentions in the log, which the right of access and erasure must reach, so only a code with nothing at all is
 * refused. Checked before the audited step: a refused code leaves no mention of itself in the log, which would
 * otherwise count as data kept about it.
 */
async function storedAbout(db: Firestore, code: string, verb: string) {
  const { exportStructure, STRUCTURE_DATA } = await import("@barometre/functions/admin");
  const data = await exportStructure(db, code);
  const empty = STRUCTURE_DATA.every((kind) => {
    const found = data[kind.name];
    return Array.isArray(found) && found.length === 0;
  });
  if (empty)
    throw new UserError(
      `${notInDirectory(code)}, et rien n'est conservé à son sujet (vérifié : ${STRUCTURE_DATA.map((k) => k.label).join(", ")}) : rien à ${verb}.`,
    );
  return data;
}

const command: Command = {
  name: "structure",
  usage: USAGE,
  summary: "données d'une structure (protection des données) : export JSON, effacement",
  help: [
    "structure export CODE [-o FICHIER]",
    "  Tout ce qui est conservé sur la structure, en JSON : entrée de l'annuaire, chaque révision",
    "  de chaque campagne (données, indicateurs, auteur, date, examen de l'Union), historique des",
    "  envois, dernières révisions, ses lignes du tableau consolidé de l'Union, les courriels le",
    "  concernant (avis de révision, rapports, pièces jointes en base64) et leurs tentatives d'envoi,",
    "  et son positionnement final dans chaque campagne close.",
    `  ${OUTPUT_HELP}`,
    "structure erase CODE [--yes]",
    "  Efface définitivement tout cela. Demande de taper le code pour confirmer, sauf avec --yes.",
    "  Ses lignes disparaissent du tableau consolidé à sa prochaine mise à jour (dans l'heure) ;",
    "  les statistiques déjà calculées d'une campagne close, agrégées, restent telles quelles.",
    "  Une synthèse du réseau ou un relevé des relances qui la nomme n'en garde qu'une note s'il est",
    "  déjà envoyé ; sinon il est retiré (la synthèse est recomposée sans elle dans l'heure).",
    "  Rien n'est effacé sans confirmation. Le journal des actions de l'Union (barometre audit)",
    "  garde la date de l'effacement et son auteur, mais plus rien qui mène à la structure.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...PROJECT_OPTION, ...OUTPUT_OPTION, yes: { type: "boolean" } },
      USAGE,
    );
    const [action, raw, ...extra] = positionals;
    if (!["export", "erase"].includes(action ?? "") || !raw || extra.length > 0)
      throw new UserError(`Usage : barometre ${USAGE}`);
    const { STRUCTURE_CODE } = await import("@barometre/shared");
    const { eraseStructure, STRUCTURE_DATA } = await import("@barometre/functions/admin");
    const parsed = STRUCTURE_CODE.safeParse(raw);
    if (!parsed.success) throw new UserError(`« ${raw} » n'est pas un code structure valide.`);
    const code = parsed.data;
    if (action === "export") {
      await withFirestore(values.project, async (db) => {
        const data = await storedAbout(db, code, "exporter");
        await auditedExport(
          db,
          { action: "structure.export", structureCode: code },
          async () => `${JSON.stringify(data, null, 2)}\n`,
          values.output,
        );
      });
      return 0;
    }
    // An unknown code is refused before anyone is asked to confirm. The log keeps that an erasure happened and who
    // made it, not which structure nor what it held.
    const counts = await withFirestore(values.project, async (db) => {
      await storedAbout(db, code, "effacer");
      if (!values.yes && !(await confirmed(code))) return null;
      return auditedCommand(db, { action: "structure.erase" }, () => eraseStructure(db, code));
    });
    if (!counts) {
      process.stderr.write("Effacement annulé : rien n'a été effacé.\n");
      return 1;
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${code} : ${total} éléments effacés (${STRUCTURE_DATA.map(
        (kind) => `${kind.label} : ${counts[kind.name] ?? 0}`,
      ).join(", ")}).\n`,
    );
    return 0;
  },
};

export default command;
