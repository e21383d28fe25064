// npm run addon:push: builds the add-on, then uploads addon/dist to the Apps Script project of .clasp.json with clasp.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAddon } from "./build.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const project = JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8")) as {
  scriptId?: string;
};
if (!project.scriptId) {
  fail(
    "Renseignez dans .clasp.json le « scriptId » du projet Apps Script du module (Paramètres du projet, dans l'éditeur Apps Script).",
  );
}
const functionsUrl = process.env.BAROMETRE_FUNCTIONS_URL;
if (!functionsUrl) {
  fail(
    "Indiquez l'adresse des fonctions de l'Union dans BAROMETRE_FUNCTIONS_URL (https://europe-west9-<projet>.cloudfunctions.net).",
  );
}
await buildAddon({ functionsUrl });
// --force: the manifest changes with the whitelist, and clasp asks before overwriting a remote manifest.
const clasp = spawnSync("npx", ["clasp", "push", "--force"], { cwd: ROOT, stdio: "inherit" });
process.exit(clasp.status ?? 2);
