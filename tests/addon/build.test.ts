// The deployable add-on: the manifest's exact scopes and whitelist, the inlined sidebar, and what clasp would push.
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAddon } from "@barometre/addon/build";
import { beforeAll, describe, expect, it } from "vitest";
import { builtAddon, MANIFEST_FUNCTIONS_URL } from "./support/addon-session.ts";

const ROOT = join(import.meta.dirname, "../..");
let dist: string;

beforeAll(async () => {
  dist = await builtAddon();
});

describe("build", () => {
  it("writes the manifest with exactly the scopes the add-on needs and the functions whitelisted", async () => {
    const manifest = JSON.parse(await readFile(join(dist, "appsscript.json"), "utf8"));
    expect(manifest).toEqual({
      timeZone: "Europe/Paris",
      runtimeVersion: "V8",
      exceptionLogging: "STACKDRIVER",
      oauthScopes: [
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.external_request",
        "openid",
        "https://www.googleapis.com/auth/userinfo.email",
      ],
      urlFetchWhitelist: [`${MANIFEST_FUNCTIONS_URL}/`],
    });
  });

  it("takes the functions' address once: the whitelist and the address Code.js calls are the same", async () => {
    const code = await readFile(join(dist, "Code.js"), "utf8");
    expect(code.split("\n")[0]).toBe(`var BAROMETRE_FUNCTIONS_URL = "${MANIFEST_FUNCTIONS_URL}";`);

    const outDir = await mkdtemp(join(tmpdir(), "barometre-addon-"));
    await buildAddon({ functionsUrl: null, outDir });
    const offline = JSON.parse(await readFile(join(outDir, "appsscript.json"), "utf8"));
    expect(offline.urlFetchWhitelist).toBeUndefined();
    expect((await readFile(join(outDir, "Code.js"), "utf8")).split("\n")[0]).toBe(
      "var BAROMETRE_FUNCTIONS_URL = null;",
    );
  });

  it("refuses a functions address that is not https", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "barometre-addon-"));
    await expect(buildAddon({ functionsUrl: "http://127.0.0.1:5001", outDir })).rejects.toThrow(
      "L'adresse des fonctions doit commencer par https:// (reçu : http://127.0.0.1:5001).",
    );
  });

  it("leaves the server's zod schemas out: the add-on takes only the API contract's types and helpers", async () => {
    // shared/package.json's "sideEffects": false lets the bundler drop the schema modules the add-on never imports.
    const code = await readFile(join(dist, "Code.js"), "utf8");
    expect(code).toContain("ret-"); // sendKey, from the contract
    expect(code).not.toContain("ZodError");
    expect(code).not.toContain("champ inconnu");
  });

  it("inlines the sidebar's stylesheet and script, leaving only the action scriptlet", async () => {
    const html = await readFile(join(dist, "Sidebar.html"), "utf8");
    expect(html).not.toContain("build:");
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\?[\s\S]*?\?>/g)).toEqual(["<?= initialAction ?>"]);
  });

  it("ships no .clasp.json: clasp 3 takes any scriptId field, even empty, as an existing project and refuses to create one", () => {
    expect(execFileSync("git", ["ls-files", ".clasp.json"], { cwd: ROOT, encoding: "utf8" })).toBe(
      "",
    );
    const ignored = execFileSync("git", ["check-ignore", ".clasp.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(ignored.trim()).toBe(".clasp.json");
  });

  it("is what clasp pushes from addon/dist, with credentials shown as placeholders only", async () => {
    // .clasp.json is made by `clasp create` on the deployer's machine; the example shows its shape.
    const project = JSON.parse(await readFile(join(ROOT, ".clasp.json.example"), "utf8"));
    expect(project.rootDir).toBe("addon/dist");
    const example = await readFile(join(ROOT, ".clasprc.example"), "utf8");
    const values = Object.values(JSON.parse(example).tokens.default).filter(
      (v) => typeof v === "string",
    );
    expect(
      values.filter((v) => v !== "authorized_user").every((v) => /<[^>]+>/.test(v as string)),
    ).toBe(true);

    // clasp 3 offline: the files it would push from a project laid out like this repository.
    const work = await mkdtemp(join(tmpdir(), "barometre-clasp-"));
    await cp(dist, join(work, project.rootDir), { recursive: true });
    await writeFile(join(work, ".clasp.json"), JSON.stringify({ ...project, scriptId: "1-essai" }));
    const status = JSON.parse(
      execFileSync(join(ROOT, "node_modules/.bin/clasp"), ["status", "--json"], {
        cwd: work,
        encoding: "utf8",
      }),
    ) as { filesToPush: string[] };
    expect(status.filesToPush.map((f) => f.split("/").pop()).sort()).toEqual([
      "Code.js",
      "Sidebar.html",
      "appsscript.json",
    ]);
  });
});
