// Builds the add-on for Apps Script into addon/dist: Code.js (one IIFE bundle plus a top-level function per
// global), Sidebar.html with its stylesheet and script inlined, and the manifest with the functions' URL whitelisted.
// The functions' address is given once, here: the whitelist and the address the add-on calls cannot differ.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FUNCTIONS_URL_GLOBAL, functionsBaseOf } from "@barometre/shared";
import { build } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The bundle's one global variable; every Apps Script entry point is a stub calling into it. */
const BUNDLE_GLOBAL = "Barometre";
/** Apps Script's V8 runtime; esbuild lowers anything newer. */
const TARGET = "es2019";

export interface AddonBuildOptions {
  /**
   * https base of the Union's functions, e.g. https://europe-west9-<projet>.cloudfunctions.net; null builds
   * an add-on that prepares and verifies but says sending is not configured (no URL fetched at all).
   */
  functionsUrl: string | null;
  outDir?: string;
}

export interface AddonBuild {
  outDir: string;
  /** The top-level functions of Code.js: triggers, menu items and google.script.run targets. */
  globals: string[];
}

/** The names addon/src/index.ts exports, read from esbuild's metafile. */
async function exportedNames(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    metafile: true,
    outdir: "unused",
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return [...(output?.exports ?? [])].sort();
}

async function bundle(entry: string, globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    ...(globalName ? { globalName } : {}),
    platform: "neutral",
    target: TARGET,
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

async function codeJs(globals: readonly string[], base: string | null): Promise<string> {
  const stubs = globals.map(
    (name) => `function ${name}(...args) {\n  return ${BUNDLE_GLOBAL}.${name}(...args);\n}`,
  );
  return [
    `var ${FUNCTIONS_URL_GLOBAL} = ${JSON.stringify(base)};`,
    "// Baromètre des PIMMS: Google Sheets add-on, built by addon/build.ts from addon/src (do not edit).",
    await bundle(join(HERE, "src/index.ts"), BUNDLE_GLOBAL),
    "// Apps Script sees top-level function declarations only: one per trigger, menu item and sidebar call.",
    ...stubs,
    "",
  ].join("\n");
}

/** Apps Script would read "<?" inside inlined code as a scriptlet, and "</script" would end the script early. */
function inline(html: string, marker: string, tag: string, code: string): string {
  if (code.includes("<?")) throw new Error(`"<?" in ${marker} would be read as a scriptlet.`);
  const safe = code.replace(/<\/(script|style)/gi, "<\\/$1");
  if (!html.includes(marker)) throw new Error(`Sidebar.html lacks ${marker}`);
  return html.replace(marker, () => `<${tag}>\n${safe}\n</${tag}>`);
}

async function sidebarHtml(): Promise<string> {
  const dir = join(HERE, "sidebar");
  const template = await readFile(join(dir, "Sidebar.html"), "utf8");
  const css = await readFile(join(dir, "sidebar.css"), "utf8");
  const withCss = inline(template, "<!-- build:css sidebar.css -->", "style", css);
  return inline(
    withCss,
    "<!-- build:js client.ts -->",
    "script",
    await bundle(join(dir, "client.ts")),
  );
}

async function manifest(base: string | null): Promise<string> {
  const source = JSON.parse(await readFile(join(HERE, "appsscript.json"), "utf8"));
  const whitelist = base === null ? {} : { urlFetchWhitelist: [`${base}/`] };
  return `${JSON.stringify({ ...source, ...whitelist }, null, 2)}\n`;
}

export async function buildAddon(options: AddonBuildOptions): Promise<AddonBuild> {
  const outDir = resolve(options.outDir ?? join(HERE, "dist"));
  const globals = await exportedNames(join(HERE, "src/index.ts"));
  const base = options.functionsUrl === null ? null : functionsBaseOf(options.functionsUrl);
  const [code, html, json] = await Promise.all([
    codeJs(globals, base),
    sidebarHtml(),
    manifest(base),
  ]);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, "Code.js"), code),
    writeFile(join(outDir, "Sidebar.html"), html),
    writeFile(join(outDir, "appsscript.json"), json),
  ]);
  return { outDir, globals };
}

/** The environment variable `npm run addon:build` and `npm run deploy:addon` read the address from. */
export const URL_VARIABLE = "BAROMETRE_FUNCTIONS_URL";

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const functionsUrl = process.env[URL_VARIABLE];
  if (!functionsUrl) {
    process.stderr.write(
      `Indiquez l'adresse des fonctions de l'Union dans ${URL_VARIABLE}, par exemple :\n  ${URL_VARIABLE}=https://europe-west9-<projet>.cloudfunctions.net npm run addon:build\n`,
    );
    process.exit(2);
  }
  // --out DIR: where npm run deploy:addon asks for it (the rootDir of .clasp.json); default addon/dist.
  const out = process.argv.indexOf("--out");
  const outDir = out > 0 ? process.argv[out + 1] : undefined;
  buildAddon({ functionsUrl, ...(outDir ? { outDir } : {}) })
    .then((r) =>
      process.stdout.write(
        `Module construit dans ${r.outDir} (${r.globals.length} fonctions globales).\n`,
      ),
    )
    .catch((error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    });
}
