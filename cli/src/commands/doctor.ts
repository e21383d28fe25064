// barometre doctor: checks an installation end to end (local stack or real project) and says in French what to fix.
import { REGION } from "@barometre/functions/admin";
import { functionsBaseOf, functionsUrlOf } from "@barometre/shared";
import { parse } from "../args.ts";
import { dataFindings } from "../doctor/data-checks.ts";
import { type Finding, report } from "../doctor/findings.ts";
import { healthFindings, readHealth } from "../doctor/functions-checks.ts";
import { googleProject } from "../doctor/google-apis.ts";
import { emulatorFindings, projectFindings } from "../doctor/platform-checks.ts";
import { UserError } from "../errors.ts";
import { withFirestore } from "../firestore.ts";
import type { Command } from "./command.ts";

const USAGE = "doctor [--base URL] [--project ID] [--client-id ID]";

const command: Command = {
  name: "doctor",
  usage: USAGE,
  summary: "vérifie une installation de bout en bout et dit quoi corriger",
  help: [
    "Vérifie : fonctions joignables et de la version du dépôt, audience des jetons (égale au client",
    "OAuth du module avec --client-id), expéditeur des courriels, Firestore en Europe, règles fermées",
    "aux clients, index déployés, secret SMTP_PASSWORD présent (jamais lu), administrateurs et",
    "annuaire non vides, campagne ouverte et sa date limite, tableau consolidé joignable.",
    "Code de sortie 0 si tout est en ordre, 1 avec la liste des problèmes sinon.",
    "",
    "  --base URL       l'adresse des fonctions (par défaut https://europe-west9-ID.cloudfunctions.net)",
    "  --project ID     le projet Firebase ; sans lui, la pile locale (FIRESTORE_EMULATOR_HOST)",
    "  --client-id ID   l'identifiant du client OAuth du projet Google Cloud du script",
    "",
    "Sur un vrai projet, seuls les identifiants par défaut de l'application sont nécessaires",
    "(gcloud auth application-default login) ; les API lues sont listées dans docs/deploy.md.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { base: { type: "string" }, project: { type: "string" }, "client-id": { type: "string" } },
      USAGE,
    );
    if (positionals.length > 0) throw new UserError(`Usage : barometre ${USAGE}`);
    if (process.env.FIRESTORE_EMULATOR_HOST && values.project) {
      throw new UserError(
        "FIRESTORE_EMULATOR_HOST est défini : retirez-le pour vérifier un vrai projet, ou retirez --project pour la pile locale.",
      );
    }
    const emulator = Boolean(process.env.FIRESTORE_EMULATOR_HOST);
    if (!emulator && !values.project) {
      throw new UserError(
        "Indiquez le projet (--project ID), ou lancez barometre doctor à côté de la pile locale (FIRESTORE_EMULATOR_HOST).",
      );
    }
    const rawBase = values.base ?? (values.project ? functionsUrlOf(values.project, REGION) : null);
    if (!rawBase)
      throw new UserError("Indiquez l'adresse des fonctions de la pile locale : --base URL.");
    const base = emulator ? rawBase.replace(/\/+$/, "") : functionsBaseOf(rawBase);
    process.stdout.write(
      `Vérification de ${emulator ? "la pile locale" : `du projet ${values.project}`} (fonctions : ${base})\n\n`,
    );
    const { health, finding } = await readHealth(base);
    const findings: Finding[] = [
      finding,
      ...(health ? healthFindings(health, values["client-id"]) : []),
    ];
    findings.push(
      ...(emulator
        ? emulatorFindings(health)
        : await projectFindings(await googleProject(values.project as string), health)),
    );
    findings.push(...(await withFirestore(values.project, (db) => dataFindings(db, new Date()))));
    const { text, code } = report(findings);
    process.stdout.write(text);
    return code;
  },
};

export default command;
