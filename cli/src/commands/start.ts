// barometre start (npm start): the main job on the demo network, offline, or the local stack kept serving.
import { parse } from "../args.ts";
import { DEFAULT_SERVE_PORT } from "../demo/serve-address.ts";
import { UserError } from "../errors.ts";
import type { Command } from "./command.ts";

const USAGE = "start [--out DOSSIER] [--serve [--port N]]";

function portOf(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SERVE_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535)
    throw new UserError("L'option --port attend un numéro de port entre 0 et 65 535.");
  return port;
}

const command: Command = {
  name: "start",
  usage: USAGE,
  summary: "la tâche principale sur le réseau de démonstration, hors ligne (npm start)",
  help: [
    "Fait tourner tout le produit sur cette machine, sans compte Google ni réseau : dans ce seul",
    "processus et sur 127.0.0.1, l'émulateur Firestore, les vraies fonctions servies en HTTP avec",
    "leur propre émetteur de jetons, et un serveur SMTP qui garde chaque courriel reçu.",
    "",
    "Sans option (npm start) : crée le réseau de démonstration de 35 structures (32 urbaines,",
    "3 rurales, quelques-unes fragiles), écrit le classeur 2018 de l'ancien outil de chacune, les",
    "importe, enregistre les structures et l'administrateur de l'Union (union@pimms.example), ouvre",
    "les campagnes 2016, 2017 et 2018, envoie par l'API, avec le jeton de chaque direction, les",
    "retours 2016 et 2017 (pour les trajectoires et les évolutions sur un an) puis ceux de 2018,",
    "clôt la campagne 2018, laisse partir",
    "les rapports, puis s'arrête en affichant un résumé. Il laisse dans DOSSIER :",
    "  workbooks/              les classeurs de l'ancien outil",
    "  reports/CODE.html, .pdf le rapport de chaque structure ; CODE-synthese.pdf, sa synthèse d'une page",
    "  mail/*.eml              chaque courriel : rapports aux directions, synthèse du réseau et avis",
    "                          de retour pour l'Union",
    "  union/campaign-2018.csv l'export de la campagne, et la synthèse du réseau en HTML et PDF",
    "Les fichiers d'une exécution précédente y sont d'abord effacés (ceux-là seulement).",
    "",
    "  --out DOSSIER   le dossier de sortie (par défaut « out »)",
    "  --serve         même mise en place, campagne laissée ouverte, puis l'API reste servie",
    "                  jusqu'à Ctrl+C ; son adresse est affichée. Un jeton pour l'essayer :",
    "                  npx barometre dev-token COURRIEL --base ADRESSE",
    `  --port N        avec --serve, le port des fonctions (par défaut ${DEFAULT_SERVE_PORT} ; 0 : un port libre)`,
    "",
    "Depuis npm : npm start -- --serve --port 8080",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { out: { type: "string" }, serve: { type: "boolean" }, port: { type: "string" } },
      USAGE,
    );
    if (positionals.length > 0)
      throw new UserError(
        `Argument inattendu : « ${positionals[0]} ».\nUsage : barometre ${USAGE}`,
      );
    if (values.port !== undefined && !values.serve)
      throw new UserError("L'option --port ne s'emploie qu'avec --serve.");
    const out = values.out ?? "out";
    if (values.serve) return (await import("../demo/serve.ts")).serve(out, portOf(values.port));
    return (await import("../demo/main-job.ts")).runMainJob(out);
  },
};

export default command;
