// barometre admins: the Union admins, who may read every return, review them and run the campaigns.
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";
import { CLI_ACTOR, PROJECT_HELP, PROJECT_OPTION, withFirestore } from "../firestore.ts";
import type { Command } from "./command.ts";

const USAGE = "admins add COURRIEL | admins list";

const command: Command = {
  name: "admins",
  usage: USAGE,
  summary: "administrateurs de l'Union : ajout, liste",
  help: [
    "admins add COURRIEL",
    "  Donne à ce compte Google les droits de l'Union : lire et exporter tous les retours, les",
    "  examiner, ouvrir et fermer les campagnes.",
    "admins list",
    "  Affiche les administrateurs.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, PROJECT_OPTION, USAGE);
    const [action, address, ...extra] = positionals;
    const { addAdmin, EMAIL, listAdmins } = await import("@barometre/functions/admin");
    if (action === "add" && address && extra.length === 0) {
      const email = EMAIL.safeParse(address);
      if (!email.success)
        throw new UserError(`« ${address} » n'est pas une adresse électronique valide.`);
      await withFirestore(values.project, (db) =>
        auditedCommand(db, { action: "admin.add", detail: email.data }, () =>
          addAdmin(db, email.data, CLI_ACTOR, new Date()),
        ),
      );
      process.stdout.write(`${email.data} est administrateur de l'Union.\n`);
      return 0;
    }
    if (action === "list" && !address) {
      const admins = await withFirestore(values.project, listAdmins);
      process.stdout.write(admins.length ? `${admins.join("\n")}\n` : "Aucun administrateur.\n");
      return 0;
    }
    throw new UserError(`Usage : barometre ${USAGE}`);
  },
};

export default command;
