// npm run deploy:functions and deploy:addon against fake firebase and clasp commands that record their arguments: --dry-run checks and sends nothing.
import { chmod, copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { runCli } from "@barometre/testing/run-cli";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const PROJECT = "barometre-essai";

type Answers = Record<string, { stdout?: string; status?: number }>;

/** A fake command that logs its arguments and answers the longest matching argument prefix. */
const FAKE = `#!/usr/bin/env node
const fs = require("node:fs");
const path = require("node:path");
const name = path.basename(process.argv[1]);
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify([name, ...args]) + "\\n");
const answers = JSON.parse(process.env["FAKE_" + name.toUpperCase()] || "{}");
const line = args.join(" ");
const key = Object.keys(answers).filter((k) => line.startsWith(k)).sort((a, b) => b.length - a.length)[0];
const answer = key === undefined ? {} : answers[key];
if (answer.stdout) process.stdout.write(answer.stdout);
process.exit(answer.status ?? 0);
`;

interface Workspace {
  /** The repository's stand-in, where the command runs. */
  cwd: string;
  env: Record<string, string>;
  calls(): Promise<string[][]>;
}

async function workspace(firebase: Answers, clasp: Answers): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), "barometre-deploy-"));
  const bin = join(dir, ".bin");
  await mkdir(bin);
  await mkdir(join(dir, "functions"));
  for (const name of ["firebase", "clasp"]) {
    await writeFile(join(bin, name), FAKE);
    await chmod(join(bin, name), 0o755);
  }
  await copyFile(join(ROOT, "firebase.json"), join(dir, "firebase.json"));
  await writeFile(join(dir, ".firebaserc"), JSON.stringify({ projects: { default: PROJECT } }));
  await copyFile(join(ROOT, "functions/.env.example"), join(dir, "functions/.env.example"));
  const log = join(dir, "calls.log");
  await writeFile(log, "");
  return {
    cwd: dir,
    env: {
      PATH: `${bin}${delimiter}${process.env.PATH}`,
      FAKE_LOG: log,
      FAKE_FIREBASE: JSON.stringify(firebase),
      FAKE_CLASP: JSON.stringify(clasp),
    },
    calls: async () =>
      (await readFile(log, "utf8"))
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string[]),
  };
}

const PARAMETERS = [
  "ADDON_OAUTH_CLIENT_ID=42-union.apps.googleusercontent.com",
  "MAIL_FROM=Baromètre des PIMMS <barometre@union-pimms.fr>",
  "UNION_EMAILS=union@union-pimms.fr",
  "SMTP_HOST=smtp.union-pimms.fr",
  "SMTP_PORT=587",
  "SMTP_USER=barometre@union-pimms.fr",
  "UNION_SHEET_ID=",
  "PRIVACY_URL=https://www.union-pimms.fr/barometre/confidentialite",
].join("\n");

const READY_FIREBASE: Answers = {
  "--version": { stdout: "14.2.0\n" },
  "firestore:databases:get": {
    stdout: JSON.stringify({ status: "success", result: { locationId: "europe-west9" } }),
  },
  "functions:secrets:get SMTP_PASSWORD": { stdout: "Version 1 ENABLED\n" },
};

const READY_CLASP: Answers = {
  "--version": { stdout: "3.4.1\n" },
  "--json show-authorized-user": {
    stdout: JSON.stringify({ loggedIn: true, email: "union@union-pimms.fr" }),
  },
  "--json create-version": { stdout: JSON.stringify({ versionNumber: 7 }) },
};

describe("npm run deploy:functions", () => {
  it("--dry-run: every prerequisite holds, the deploy command is printed and not run", async () => {
    const ws = await workspace(READY_FIREBASE, {});
    await writeFile(join(ws.cwd, `functions/.env.${PROJECT}`), PARAMETERS);
    const run = await runCli(["deploy", "functions", "--dry-run"], ws);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `firebase deploy --only functions,firestore:rules,firestore:indexes --project ${PROJECT}`,
    );
    expect(run.stdout).not.toContain("✗");
    const calls = await ws.calls();
    expect(calls.some((c) => c.includes("deploy"))).toBe(false);
    // The secret's metadata is asked for, never its value.
    expect(calls.some((c) => c.includes("functions:secrets:access"))).toBe(false);
  });

  it("--dry-run: names each missing prerequisite with its fix, and exits 1", async () => {
    const ws = await workspace(
      {
        "--version": { stdout: "14.2.0\n" },
        "firestore:databases:get": {
          stdout: JSON.stringify({ status: "success", result: { locationId: "us-central1" } }),
        },
        "functions:secrets:get": { status: 1 },
      },
      {},
    );
    await copyFile(
      join(ws.cwd, "functions/.env.example"),
      join(ws.cwd, `functions/.env.${PROJECT}`),
    );
    const run = await runCli(["deploy", "functions", "--dry-run"], ws);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("ADDON_OAUTH_CLIENT_ID a encore la valeur d'exemple");
    expect(run.stdout).toContain("PRIVACY_URL a encore la valeur d'exemple");
    expect(run.stdout).toContain("La base est en us-central1, hors d'Europe");
    expect(run.stdout).toContain(
      "firebase functions:secrets:set SMTP_PASSWORD --project barometre-essai",
    );
    expect(run.stderr).toContain("prérequis manquent");
  });

  it("--dry-run without a project nor firebase says how to get both", async () => {
    const ws = await workspace({ "--version": { status: 127 } }, {});
    await writeFile(join(ws.cwd, ".firebaserc"), "{}");
    const run = await runCli(["deploy", "functions", "--dry-run"], ws);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("npm install -g firebase-tools");
    expect(run.stdout).toContain("Aucun projet : ni --project, ni .firebaserc.");
  });

  it("deploys the functions, rules and indexes of the project given", async () => {
    const ws = await workspace(READY_FIREBASE, {});
    await writeFile(join(ws.cwd, "functions/.env.autre-projet"), PARAMETERS);
    const run = await runCli(["deploy", "functions", "--project", "autre-projet"], ws);
    expect(run.code).toBe(0);
    expect((await ws.calls()).at(-1)).toEqual([
      "firebase",
      "deploy",
      "--only",
      "functions,firestore:rules,firestore:indexes",
      "--project",
      "autre-projet",
    ]);
  });
});

describe("npm run deploy:addon", () => {
  it("--dry-run without .clasp.json nor address: says to create a standalone project and set the address", async () => {
    const ws = await workspace({}, READY_CLASP);
    const run = await runCli(["deploy", "addon", "--dry-run"], ws);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'npx clasp create --type standalone --title "Baromètre des PIMMS" --rootDir addon/dist',
    );
    expect(run.stdout).toContain("BAROMETRE_FUNCTIONS_URL n'est pas défini.");
    expect((await ws.calls()).some((c) => c.includes("push"))).toBe(false);
  });

  it("--dry-run refuses a script bound to a document and an http address", async () => {
    const ws = await workspace({}, READY_CLASP);
    await writeFile(
      join(ws.cwd, ".clasp.json"),
      JSON.stringify({ scriptId: "1abc", rootDir: "addon/dist", parentId: "1sheet" }),
    );
    const run = await runCli(["deploy", "addon", "--dry-run"], {
      ...ws,
      env: { ...ws.env, BAROMETRE_FUNCTIONS_URL: "http://europe-west9-x.cloudfunctions.net" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("un module publié doit être un projet autonome");
    expect(run.stdout).toContain("L'adresse des fonctions doit commencer par https://");
  });

  it("builds for the one address, pushes, and freezes a version", async () => {
    const ws = await workspace({}, READY_CLASP);
    await writeFile(
      join(ws.cwd, ".clasp.json"),
      JSON.stringify({ scriptId: "1abc", rootDir: "addon/dist" }),
    );
    const base = "https://europe-west9-barometre-essai.cloudfunctions.net";
    const env = { ...ws.env, BAROMETRE_FUNCTIONS_URL: `${base}/` };
    const dry = await runCli(["deploy", "addon", "--dry-run"], { ...ws, env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("clasp push --force");
    expect((await ws.calls()).some((c) => c.includes("push"))).toBe(false);

    const run = await runCli(["deploy", "addon", "--description", "Campagne 2026"], { ...ws, env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Version 7 créée.");
    const manifest = JSON.parse(await readFile(join(ws.cwd, "addon/dist/appsscript.json"), "utf8"));
    expect(manifest.urlFetchWhitelist).toEqual([`${base}/`]);
    const code = await readFile(join(ws.cwd, "addon/dist/Code.js"), "utf8");
    expect(code.split("\n")[0]).toBe(`var BAROMETRE_FUNCTIONS_URL = "${base}";`);
    const calls = await ws.calls();
    expect(calls.slice(-2)).toEqual([
      ["clasp", "push", "--force"],
      ["clasp", "--json", "create-version", "Campagne 2026"],
    ]);
  });
});
