// npm run deploy:addon: the standalone Apps Script project checked, then the add-on built for the functions' address, pushed, and frozen as a version.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { functionsBaseOf } from "@barometre/shared";
import { type Check, type DeployPlan, probe } from "./plan.ts";

/** Where the build writes and clasp pushes from; .clasp.json must say the same. */
const ROOT_DIR = "addon/dist";
const URL_VARIABLE = "BAROMETRE_FUNCTIONS_URL";
const CREATE = `npx clasp create --type standalone --title "Baromètre des PIMMS" --rootDir ${ROOT_DIR}`;
const REPO = join(import.meta.dirname, "../../..");

function claspProject(cwd: string): Check[] {
  const path = join(cwd, ".clasp.json");
  const label = "Projet Apps Script autonome (.clasp.json)";
  if (!existsSync(path)) {
    return [
      {
        label,
        problem: ".clasp.json est absent.",
        fix: `${CREATE}  (ou, pour un projet existant : cp .clasp.json.example .clasp.json et reportez son scriptId)`,
      },
    ];
  }
  let project: { scriptId?: unknown; rootDir?: unknown; parentId?: unknown };
  try {
    project = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return [
      {
        label,
        problem: ".clasp.json n'est pas du JSON valide.",
        fix: "Reprenez la forme de .clasp.json.example.",
      },
    ];
  }
  const id = typeof project.scriptId === "string" ? project.scriptId : "";
  return [
    {
      label,
      problem: id === "" || id.includes("<") ? "Le scriptId de .clasp.json est vide." : null,
      fix: "Reportez l'identifiant du script (éditeur Apps Script › Paramètres du projet).",
    },
    {
      label: `rootDir de .clasp.json = ${ROOT_DIR}`,
      problem: project.rootDir === ROOT_DIR ? null : `rootDir vaut « ${String(project.rootDir)} ».`,
      fix: `Mettez "rootDir": "${ROOT_DIR}" dans .clasp.json.`,
    },
    {
      // A bound script (clasp create --type sheets) cannot be published on the Marketplace as an editor add-on.
      label: "Projet autonome, non lié à un classeur",
      problem: project.parentId
        ? "Le projet est lié à un document (parentId) : un module publié doit être un projet autonome."
        : null,
      fix: CREATE,
    },
  ];
}

export function addonPlan(cwd: string, description: string | undefined): DeployPlan {
  const url = process.env[URL_VARIABLE] ?? "";
  let base: string | null = null;
  let urlProblem: string | null = null;
  try {
    base = url === "" ? null : functionsBaseOf(url);
    if (base === null) urlProblem = `${URL_VARIABLE} n'est pas défini.`;
  } catch (error) {
    urlProblem = (error as Error).message;
  }
  const cli = probe("clasp", ["--version"], cwd);
  const checks: Check[] = [
    ...claspProject(cwd),
    {
      label: `Adresse des fonctions (${URL_VARIABLE}${base ? ` = ${base}` : ""})`,
      problem: urlProblem,
      fix: `${URL_VARIABLE}=https://europe-west9-<projet>.cloudfunctions.net npm run deploy:addon`,
    },
    {
      label: "Outil clasp installé",
      problem: cli.ok ? null : "La commande clasp est introuvable.",
      fix: "Lancez la commande par npm run deploy:addon (clasp est une dépendance du dépôt).",
    },
  ];
  if (cli.ok) {
    const user = probe("clasp", ["--json", "show-authorized-user"], cwd);
    let who: { loggedIn?: boolean; email?: string } = {};
    try {
      who = JSON.parse(user.stdout);
    } catch {}
    checks.push({
      label: `clasp connecté${who.email ? ` (${who.email})` : ""}`,
      problem: user.ok && who.loggedIn ? null : "clasp n'est connecté à aucun compte Google.",
      fix: "npx clasp login (le compte qui possède le projet Apps Script)",
    });
  }
  const text = description ?? `Baromètre des PIMMS ${packageVersion()} — fonctions ${base ?? "?"}`;
  return {
    title: "Déploiement du module complémentaire (projet Apps Script autonome)",
    checks,
    steps: [
      {
        title: `Construire le module dans ${ROOT_DIR} pour ${base ?? "<adresse>"}`,
        command: join(REPO, "node_modules/.bin/tsx"),
        args: [join(REPO, "addon/build.ts"), "--out", join(cwd, ROOT_DIR)],
        env: { [URL_VARIABLE]: base ?? "<adresse>" },
      },
      {
        title: "Envoyer le code au projet Apps Script",
        command: "clasp",
        args: ["push", "--force"],
      },
      {
        title: "Figer cette version du code (versions immuables : un retour arrière la reprend)",
        command: "clasp",
        args: ["--json", "create-version", text],
        report: (stdout) => {
          const version = (JSON.parse(stdout) as { versionNumber?: number }).versionNumber;
          return `Version ${version} créée. Reportez ${version} dans « Version de l'application » du SDK Google Workspace Marketplace (docs/deploy.md, « Mettre à jour »).`;
        },
      },
    ],
    afterwards: [
      "Vérifiez l'installation : npx barometre doctor --base <adresse> --client-id <client OAuth du script>",
    ],
  };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string })
    .version;
}
