// npm run deploy:functions: the Union's Firebase project checked (EU location, parameters, secret), then functions, rules and indexes deployed.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { privacyUrlOf, REGION } from "@barometre/functions/admin";
import { functionsUrlOf } from "@barometre/shared";
import { type Check, type DeployPlan, probe } from "./plan.ts";

/** EU multi-region or a European region: Firestore locations (https://firebase.google.com/docs/firestore/locations). */
export const isEuLocation = (location: string) => /^(eur3|europe-[a-z]+\d+)$/.test(location);

/** Parameters the functions read (functions/src/runtime/config.ts) that must hold a real value before a deployment. */
const REQUIRED = ["ADDON_OAUTH_CLIENT_ID", "MAIL_FROM", "UNION_EMAILS", "SMTP_HOST", "SMTP_USER"];

const readJson = (path: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
};

function projectOf(cwd: string, given: string | undefined): string | null {
  if (given) return given;
  const rc = readJson(join(cwd, ".firebaserc")) as { projects?: { default?: string } } | null;
  return rc?.projects?.default ?? null;
}

function parameterChecks(cwd: string, project: string): Check[] {
  const file = `functions/.env.${project}`;
  if (!existsSync(join(cwd, file))) {
    return [
      {
        label: `Paramètres des fonctions (${file})`,
        problem: `${file} est absent.`,
        fix: `cp functions/.env.example ${file}, puis renseignez chaque valeur (docs/deploy.md, « Paramètres »).`,
      },
    ];
  }
  const values = parseEnv(readFileSync(join(cwd, file), "utf8"));
  const examples = existsSync(join(cwd, "functions/.env.example"))
    ? parseEnv(readFileSync(join(cwd, "functions/.env.example"), "utf8"))
    : {};
  const checks = REQUIRED.map((key): Check => {
    const value = values[key]?.trim() ?? "";
    const problem =
      value === ""
        ? `${key} est vide.`
        : value === examples[key]
          ? `${key} a encore la valeur d'exemple de functions/.env.example.`
          : null;
    return {
      label: `${key} renseigné dans ${file}`,
      problem,
      fix: `Renseignez ${key} dans ${file}.`,
    };
  });
  const audience = values.ADDON_OAUTH_CLIENT_ID ?? "";
  if (
    audience &&
    !audience.split(",").every((id) => /\.apps\.googleusercontent\.com$/.test(id.trim()))
  ) {
    checks.push({
      label: "ADDON_OAUTH_CLIENT_ID est un identifiant de client OAuth",
      problem: `« ${audience} » ne se termine pas par .apps.googleusercontent.com.`,
      fix: "Reportez l'identifiant du client OAuth du projet Google Cloud associé au script (docs/deploy.md, « L'audience »).",
    });
  }
  const privacy = values.PRIVACY_URL?.trim() ?? "";
  const privacyProblem = (() => {
    if (privacy === examples.PRIVACY_URL)
      return "PRIVACY_URL a encore la valeur d'exemple de functions/.env.example.";
    try {
      privacyUrlOf(privacy);
      return null;
    } catch {
      return `« ${privacy} » n'est pas une adresse https.`;
    }
  })();
  checks.push({
    label: `PRIVACY_URL : ${privacy === "" ? "vide (les courriels renvoient à l'Union)" : "la page de confidentialité citée dans les courriels"}`,
    problem: privacyProblem,
    fix: `Mettez dans ${file} l'adresse https de la page de confidentialité publiée par l'Union (le texte de docs/rgpd.md), ou laissez PRIVACY_URL vide.`,
  });
  return checks;
}

function firestoreChecks(cwd: string, project: string): Check[] {
  const config = readJson(join(cwd, "firebase.json")) as {
    firestore?: { location?: string };
  } | null;
  const declared = config?.firestore?.location ?? "";
  const checks: Check[] = [
    {
      label: `Emplacement Firestore déclaré dans firebase.json en Europe (${declared || "aucun"})`,
      problem: isEuLocation(declared)
        ? null
        : "firebase.json ne déclare pas d'emplacement européen.",
      fix: 'Mettez "location": "europe-west9" sous "firestore" dans firebase.json.',
    },
    {
      label: `Région des fonctions en Europe (${REGION})`,
      problem: isEuLocation(REGION)
        ? null
        : "functions/src/runtime/config.ts déclare une région hors d'Europe.",
    },
  ];
  const db = probe(
    "firebase",
    ["firestore:databases:get", "(default)", "--project", project, "--json"],
    cwd,
  );
  const location = db.ok
    ? ((readJsonText(db.stdout)?.result as { locationId?: string } | undefined)?.locationId ?? "")
    : "";
  checks.push({
    label: `Base Firestore (default) du projet en Europe${location ? ` (${location})` : ""}`,
    problem: !db.ok
      ? `La base Firestore (default) du projet ${project} est introuvable.`
      : isEuLocation(location)
        ? null
        : `La base est en ${location || "un emplacement inconnu"}, hors d'Europe : l'emplacement d'une base ne se change pas.`,
    fix: !db.ok
      ? `firebase firestore:databases:create "(default)" --location ${declared || "europe-west9"} --project ${project}`
      : "Créez un nouveau projet Firebase et sa base en europe-west9 (docs/deploy.md).",
  });
  return checks;
}

function readJsonText(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function functionsPlan(cwd: string, given: string | undefined): DeployPlan {
  const project = projectOf(cwd, given);
  const checks: Check[] = [];
  const cli = probe("firebase", ["--version"], cwd);
  checks.push({
    label: "Outil firebase installé",
    problem: cli.ok ? null : "La commande firebase est introuvable.",
    fix: "npm install -g firebase-tools@14, puis firebase login",
  });
  checks.push({
    label: `Projet Firebase${project ? ` (${project})` : ""}`,
    problem: project ? null : "Aucun projet : ni --project, ni .firebaserc.",
    fix: "cp .firebaserc.example .firebaserc et mettez-y l'identifiant du projet, ou passez --project ID.",
  });
  const target = project ?? "<projet>";
  if (project) {
    checks.push(...parameterChecks(cwd, project));
    if (cli.ok) {
      checks.push(...firestoreChecks(cwd, project));
      const secret = probe(
        "firebase",
        ["functions:secrets:get", "SMTP_PASSWORD", "--project", project],
        cwd,
      );
      checks.push({
        label: "Secret SMTP_PASSWORD présent (sa valeur n'est jamais lue)",
        problem: secret.ok
          ? null
          : `Le secret SMTP_PASSWORD est absent du projet ${project}, ou firebase n'est pas connecté.`,
        fix: `firebase login, puis firebase functions:secrets:set SMTP_PASSWORD --project ${project}`,
      });
    }
  }
  return {
    title: `Déploiement des fonctions, des règles et des index Firestore (projet ${target})`,
    checks,
    steps: [
      {
        title:
          "Construire (functions:build, lancé par firebase) et déployer les fonctions, les règles et les index",
        command: "firebase",
        args: [
          "deploy",
          "--only",
          "functions,firestore:rules,firestore:indexes",
          "--project",
          target,
        ],
      },
    ],
    afterwards: [
      `Vérifiez l'installation : npx barometre doctor --project ${target} --base ${functionsUrlOf(target, REGION)}`,
    ],
  };
}
