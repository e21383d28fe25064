// barometre deploy functions|addon: npm run deploy:functions and npm run deploy:addon, with --dry-run (see docs/deploy.md).
import { parse } from "../args.ts";
import { addonPlan } from "../deploy/addon-plan.ts";
import { functionsPlan } from "../deploy/functions-plan.ts";
import { runPlan } from "../deploy/plan.ts";
import { UserError } from "../errors.ts";
import type { Command } from "./command.ts";

const usage = "deploy functions|addon [--dry-run] [--project ID] [--description TEXTE]";

const command: Command = {
  name: "deploy",
  usage,
  summary: "déploie les fonctions ou le module (--dry-run : vérifie sans rien envoyer)",
  help: [
    "deploy functions : vérifie le projet Firebase (emplacement européen, paramètres de",
    "functions/.env.<projet>, secret SMTP_PASSWORD), puis déploie les fonctions, les règles et",
    "les index Firestore. --project ID remplace le projet de .firebaserc.",
    "deploy addon : vérifie .clasp.json (projet autonome), BAROMETRE_FUNCTIONS_URL et la",
    "connexion de clasp, puis construit le module, l'envoie et en fige une version",
    "(--description : son libellé).",
    "--dry-run : affiche chaque vérification et les commandes qui seraient lancées, sans rien",
    "envoyer ; code 0 si tout est prêt, 1 sinon. Guide complet : docs/deploy.md.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        "dry-run": { type: "boolean" },
        project: { type: "string" },
        description: { type: "string" },
      },
      usage,
    );
    const [target] = positionals;
    const cwd = process.cwd();
    const plan =
      target === "functions"
        ? functionsPlan(cwd, values.project)
        : target === "addon"
          ? addonPlan(cwd, values.description)
          : null;
    if (!plan) throw new UserError(`Indiquez functions ou addon.\nUsage : barometre ${usage}`);
    return runPlan(plan, values["dry-run"] === true, cwd, {
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
    });
  },
};

export default command;
