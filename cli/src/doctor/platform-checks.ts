// barometre doctor, Google's side: Firestore in Europe, rules closed to clients, index exemptions deployed, the SMTP
// secret present, the Union sheet readable. On the emulator, what cannot be known is said as such.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { REPOSITORY_ROOT } from "@barometre/functions/admin";
import type { HealthzAnswer } from "@barometre/shared";
import { isEuLocation } from "../deploy/functions-plan.ts";
import { type Finding, fault, holds, unknown } from "./findings.ts";
import type { GoogleProject } from "./google-apis.ts";

const DEPLOY = "npm run deploy:functions";
const checkout = (file: string) => readFileSync(join(REPOSITORY_ROOT, file), "utf8");

/** Rules that let no client read or write: one match of every document, allowing nothing. */
export function closedRules(source: string): boolean {
  const code = source.replace(/\/\/.*$/gm, "");
  const allows = [...code.matchAll(/allow\s+([^;]+);/g)].map((m) => (m[1] as string).trim());
  return allows.length > 0 && allows.every((a) => /:\s*if\s+false$/.test(a));
}

const normalise = (rules: string) => rules.replace(/\s+/g, " ").trim();

async function attempt(label: string, work: () => Promise<Finding>): Promise<Finding> {
  try {
    return await work();
  } catch (error) {
    return fault(
      label,
      `lecture impossible (${error instanceof Error ? error.message : String(error)})`,
      "Vérifiez que le compte de « gcloud auth application-default login » a le rôle Lecteur sur le projet (docs/deploy.md, « barometre doctor »).",
    );
  }
}

export function emulatorFindings(health: HealthzAnswer | null): Finding[] {
  const rules = checkout("firestore.rules");
  const declared =
    (JSON.parse(checkout("firebase.json")) as { firestore?: { location?: string } }).firestore
      ?.location ?? "";
  return [
    unknown(
      "Emplacement de Firestore",
      `émulateur local, sans emplacement ; firebase.json déclare ${declared || "rien"}${isEuLocation(declared) ? " (Europe)" : ""}`,
    ),
    closedRules(rules)
      ? holds(
          "Règles Firestore fermées aux clients",
          "firestore.rules (l'émulateur local ne les applique pas)",
        )
      : fault(
          "Règles Firestore fermées aux clients",
          "firestore.rules autorise un accès client",
          "Rétablissez « allow read, write: if false; » pour tout document.",
        ),
    unknown("Index Firestore", "l'émulateur n'en a pas besoin"),
    unknown("Secret SMTP_PASSWORD", "pile locale : serveur SMTP local, sans secret"),
    health?.unionSheet
      ? unknown("Tableau consolidé de l'Union", "celui de la pile locale")
      : holds("Tableau consolidé de l'Union", "aucun configuré"),
  ];
}

export async function projectFindings(
  project: GoogleProject,
  health: HealthzAnswer | null,
): Promise<Finding[]> {
  const checks: Promise<Finding>[] = [
    attempt("Emplacement de Firestore", async () => {
      const location = await project.firestoreLocation();
      return isEuLocation(location)
        ? holds("Emplacement de Firestore", location)
        : fault(
            "Emplacement de Firestore",
            `${location}, hors d'Europe`,
            "Un emplacement ne se change pas : créez un projet dont la base est en europe-west9 (docs/deploy.md).",
          );
    }),
    attempt("Règles Firestore fermées aux clients", async () => {
      const deployed = await project.deployedRules();
      if (!closedRules(deployed))
        return fault(
          "Règles Firestore fermées aux clients",
          "les règles déployées autorisent un accès client",
          DEPLOY,
        );
      return normalise(deployed) === normalise(checkout("firestore.rules"))
        ? holds("Règles Firestore fermées aux clients", "celles du dépôt")
        : fault(
            "Règles Firestore fermées aux clients",
            "fermées, mais différentes de firestore.rules",
            DEPLOY,
          );
    }),
    attempt("Index Firestore", async () => {
      const overrides = (
        JSON.parse(checkout("firestore.indexes.json")) as {
          fieldOverrides: { collectionGroup: string; fieldPath: string }[];
        }
      ).fieldOverrides;
      const missing: string[] = [];
      for (const o of overrides) {
        const field = await project.fieldIndexing(o.collectionGroup, o.fieldPath);
        if (field.defaults || field.indexes > 0)
          missing.push(`${o.collectionGroup}.${o.fieldPath}`);
      }
      return missing.length === 0
        ? holds(
            "Index Firestore",
            `${overrides.length} exemptions de firestore.indexes.json en place`,
          )
        : fault("Index Firestore", `exemptions absentes : ${missing.join(", ")}`, DEPLOY);
    }),
    attempt("Secret SMTP_PASSWORD", async () =>
      (await project.secretEnabled("SMTP_PASSWORD"))
        ? holds("Secret SMTP_PASSWORD", "présent (sa valeur n'est pas lue)")
        : fault(
            "Secret SMTP_PASSWORD",
            "absent ou désactivé",
            `firebase functions:secrets:set SMTP_PASSWORD --project ${project.id}, puis ${DEPLOY}`,
          ),
    ),
  ];
  checks.push(sheetFinding(project, health));
  return Promise.all(checks);
}

async function sheetFinding(
  project: GoogleProject,
  health: HealthzAnswer | null,
): Promise<Finding> {
  const label = "Tableau consolidé de l'Union";
  if (health && !health.unionSheet) return holds(label, "aucun configuré (UNION_SHEET_ID vide)");
  let id = "";
  try {
    id = parseEnv(checkout(`functions/.env.${project.id}`)).UNION_SHEET_ID?.trim() ?? "";
  } catch {}
  if (id === "")
    return unknown(
      label,
      `identifiant inconnu ici (functions/.env.${project.id} absent ou sans UNION_SHEET_ID)`,
    );
  return attempt(label, async () =>
    (await project.sheetReadable(id))
      ? holds(label, "joignable")
      : fault(
          label,
          `le classeur ${id} est introuvable ou non partagé`,
          "Partagez-le en édition avec le compte de service des fonctions (docs/deploy.md).",
        ),
  );
}
