// The deployment build: one ESM bundle with the shared core inlined, handlers in a lazy chunk, and a Node 22 package.json.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFunctions } from "../scripts/build.ts";
import { checkoutVersion, REPOSITORY_ROOT } from "../src/runtime/version.ts";

// Inside the repository so the bundle resolves its dependencies from the root node_modules, as firebase deploy does.
const out = join(import.meta.dirname, "../../node_modules/.cache/functions-build-test");
let metafile: Metafile;

beforeAll(async () => {
  metafile = await buildFunctions(out);
});

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};

describe("npm run functions:build", () => {
  it("bakes in the checkout's version, which healthz reports and barometre doctor compares", () => {
    const code = readdirSync(out, { recursive: true })
      .filter((f) => String(f).endsWith(".js"))
      .map((f) => readFileSync(join(out, String(f)), "utf8"))
      .join("\n");
    expect(code).toContain(JSON.stringify(checkoutVersion(REPOSITORY_ROOT)));
    expect(code).not.toContain("process.env.BAROMETRE_VERSION");
  });

  it("writes a package.json with exactly the runtime dependencies, pinned as in functions/package.json, on Node 22", () => {
    const lib = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
    expect(lib).toMatchObject({ type: "module", main: "index.js", engines: { node: "22" } });
    const names = [
      "@google-cloud/firestore",
      "@googleapis/sheets",
      "firebase-admin",
      "firebase-functions",
      "fontkit",
      "google-auth-library",
      "nodemailer",
      "pdfkit",
      "zod",
    ];
    expect(lib.dependencies).toEqual(
      Object.fromEntries(names.map((n) => [n, manifest.dependencies[n]])),
    );
  });

  it("inlines the shared core: no output imports a workspace package", () => {
    const files = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".js"),
    );
    for (const f of files)
      expect(readFileSync(join(out, f), "utf8")).not.toMatch(/from "@barometre\//);
  });

  it("keeps the entry light: handlers, mail, sheets and the report renderer load only on first use", () => {
    const entryKey = Object.keys(metafile.outputs).find((k) => k.endsWith("/index.js")) as string;
    const statics = new Set<string>();
    const visit = (file: string) => {
      for (const i of metafile.outputs[file]?.imports ?? []) {
        if (i.kind !== "import-statement" || statics.has(i.path)) continue;
        statics.add(i.path);
        if (!i.external) visit(i.path);
      }
    };
    visit(entryKey);
    const externals = [...statics].filter((p) => !p.includes("/chunks/"));
    expect(externals.sort()).toEqual([
      "firebase-functions/params",
      "firebase-functions/v2/firestore",
      "firebase-functions/v2/https",
      "firebase-functions/v2/scheduler",
      "firebase-functions/v2/tasks",
    ]);
    const lazy = new Set(
      (metafile.outputs[entryKey]?.imports ?? [])
        .filter((i) => i.kind === "dynamic-import")
        .map((i) => i.path),
    );
    expect([...lazy].some((p) => readFileSync(p, "utf8").includes("verifyIdToken"))).toBe(true);
    // The heavy packages are imported only dynamically, wherever they are.
    const heavy = ["nodemailer", "@googleapis/sheets", "pdfkit", "firebase-admin/functions"];
    for (const output of Object.values(metafile.outputs))
      for (const i of output.imports)
        if (heavy.includes(i.path) && i.kind === "import-statement")
          expect(statics.has(i.path), i.path).toBe(false);
    for (const output of Object.values(metafile.outputs))
      for (const i of output.imports)
        if (["nodemailer", "@googleapis/sheets"].includes(i.path))
          expect(i.kind).toBe("dynamic-import");
  });

  it("loads in Node 22 and declares every function in europe-west9", () => {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(out, "index.js")).href)});
      console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, f]) => [k, f.__endpoint.region]))));`;
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    const regions = JSON.parse(printed);
    expect(Object.keys(regions).sort()).toEqual([
      "campaignExport",
      "campaignInfo",
      "choosePeers",
      "deliverMail",
      "healthz",
      "manageCampaign",
      "previousReturn",
      "reportBatch",
      "reportProgress",
      "reviewReturn",
      "sendReminders",
      "submitReturn",
      "sweepOutbox",
      "syncUnionSheet",
      "upkeep",
    ]);
    for (const region of Object.values(regions)) expect(region).toEqual(["europe-west9"]);
  });

  it("ships the report fonts, which the bundled renderer finds beside itself", () => {
    const render = readdirSync(join(out, "chunks")).find((f) =>
      /^render-.*\.js$/.test(f),
    ) as string;
    const script = `const { renderNetworkSummary } = await import(${JSON.stringify(pathToFileURL(join(out, "chunks", render)).href)});
      const { buildNetworkSummary, demoCampaign, generateNetwork } = await import("@barometre/shared");
      const c = demoCampaign(generateNetwork({ size: 6 }));
      const mail = await renderNetworkSummary(buildNetworkSummary({ campaign: { year: 2018, minGroupSize: 5 }, structures: c.structures }));
      console.log(mail.attachments.map((a) => a.contentType + ":" + a.content.length).join(" "));`;
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      cwd: join(import.meta.dirname, ".."),
    });
    expect(readdirSync(join(out, "assets/fonts")).sort()).toEqual([
      "DejaVuSans-Bold.ttf",
      "DejaVuSans.ttf",
      "LICENSE",
    ]);
    expect(printed).toMatch(/application\/pdf:\d{4,}/);
  });
});
