// The Firestore a Union command works on: the local emulator when FIRESTORE_EMULATOR_HOST is set, else the project's.
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { isUnavailable } from "@barometre/functions/admin";
import { FIRST_YEAR, LAST_YEAR } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { UserError } from "./errors.ts";

/** The option every Firestore command accepts. */
export const PROJECT_OPTION = { project: { type: "string" } } as const;

export const PROJECT_HELP = [
  "Base de données : l'émulateur local si FIRESTORE_EMULATOR_HOST est défini (npm start),",
  "sinon le Firestore du projet (--project ID ou GOOGLE_CLOUD_PROJECT), avec les identifiants",
  "par défaut de l'application (gcloud auth application-default login).",
].join("\n");

/** Who the stored documents say made a change from the command line. */
export const CLI_ACTOR = `ligne de commande (${userInfo().username})`;

/**
 * Who a director reads as the author of a review decided from the command line (in the mail, the notice, the
 * sidebar): the computer's login means nothing to them. The audit log still records CLI_ACTOR, the login.
 */
export const CLI_REVIEWER = "un membre de l'Union";

function projectOf(option: string | undefined): string {
  const project = option ?? process.env.GOOGLE_CLOUD_PROJECT ?? process.env.GCLOUD_PROJECT;
  if (project) return project;
  if (process.env.FIRESTORE_EMULATOR_HOST) return "demo-barometre";
  throw new UserError(
    "Indiquez le projet Firebase : --project ID ou la variable d'environnement GOOGLE_CLOUD_PROJECT.",
  );
}

/** What went wrong talking to Firestore, in words the Union can act on. */
function explain(error: unknown): unknown {
  if (isUnavailable(error))
    return new UserError(
      "Firestore ne répond pas : vérifiez la connexion, le projet ou l'émulateur.",
    );
  const message = error instanceof Error ? error.message : "";
  if (/default credentials|invalid_grant|PERMISSION_DENIED|UNAUTHENTICATED/i.test(message))
    return new UserError(
      "Accès à Firestore refusé : connectez-vous avec « gcloud auth application-default login » et vérifiez vos droits sur le projet.",
    );
  return error;
}

/**
 * Runs a command against Firestore with an app of its own, released afterwards so the process can exit.
 * firebase-admin is loaded here, on use, so commands that never touch Firestore start quickly.
 */
export async function withFirestore<T>(
  project: string | undefined,
  run: (db: Firestore) => Promise<T>,
): Promise<T> {
  // Against the emulator there are no Google credentials to look for: no metadata-server probe and its warning.
  if (process.env.FIRESTORE_EMULATOR_HOST) process.env.METADATA_SERVER_DETECTION ??= "none";
  const { deleteApp, initializeApp } = await import("firebase-admin/app");
  const { getFirestore } = await import("firebase-admin/firestore");
  const app = initializeApp({ projectId: projectOf(project) }, `barometre-cli-${randomUUID()}`);
  try {
    return await run(getFirestore(app));
  } catch (error) {
    throw explain(error);
  } finally {
    await deleteApp(app);
  }
}

/** An exercice given on the command line. */
export function yearArgument(raw: string | undefined, usage: string): number {
  const year = Number(raw);
  if (!raw || !/^\d{4}$/.test(raw) || year < FIRST_YEAR || year > LAST_YEAR)
    throw new UserError(
      `Indiquez l'exercice, une année entre ${FIRST_YEAR} et ${LAST_YEAR}.\nUsage : barometre ${usage}`,
    );
  return year;
}
