// Builds the deployable functions into functions/lib: one ESM bundle with @barometre/shared inlined, lazy imports kept
// lazy as separate chunks, the report fonts, and the package.json Cloud Build installs (runtime dependencies, Node 22).
import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { checkoutVersion } from "../src/runtime/version.ts";

const FUNCTIONS = join(dirname(fileURLToPath(import.meta.url)), "..");

/** A package imported by the bundle that needs another one at run time without importing it by name. */
const COMPANIONS: Record<string, string> = {
  "firebase-admin/firestore": "@google-cloud/firestore",
};

/** "firebase-admin/firestore" → "firebase-admin"; "@scope/pkg/x" → "@scope/pkg". */
const packageOf = (path: string) =>
  path
    .split("/")
    .slice(0, path.startsWith("@") ? 2 : 1)
    .join("/");

/** Every package the bundle leaves to node_modules, with the companions they need. */
function externalPackages(metafile: Metafile): string[] {
  const paths = Object.values(metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.external && !i.path.startsWith("node:")).map((i) => i.path),
  );
  const companions = paths.flatMap((p) => (COMPANIONS[p] ? [COMPANIONS[p]] : []));
  return [...new Set([...paths.map(packageOf), ...companions])].sort();
}

/**
 * The deployment's parameter values (functions/.env, functions/.env.<project>) go beside the bundle, where
 * firebase deploy reads them; the build wipes lib/, so they live in functions/ (git-ignored).
 */
async function copyParamFiles(outdir: string): Promise<void> {
  const files = (await readdir(FUNCTIONS)).filter(
    (f) => /^\.env(\..+)?$/.test(f) && f !== ".env.example",
  );
  for (const f of files) await copyFile(join(FUNCTIONS, f), join(outdir, f));
}

export async function buildFunctions(outdir = join(FUNCTIONS, "lib")): Promise<Metafile> {
  const manifest = JSON.parse(await readFile(join(FUNCTIONS, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  const runtime = Object.keys(manifest.dependencies).filter((d) => !d.startsWith("@barometre/"));
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const { metafile } = await build({
    entryPoints: [join(FUNCTIONS, "src/index.ts")],
    outdir,
    bundle: true,
    format: "esm",
    splitting: true,
    platform: "node",
    target: "node22",
    external: runtime,
    chunkNames: "chunks/[name]-[hash]",
    sourcemap: true,
    metafile: true,
    define: {
      "process.env.BAROMETRE_VERSION": JSON.stringify(checkoutVersion(join(FUNCTIONS, ".."))),
    },
    logLevel: "warning",
  });
  const dependencies = Object.fromEntries(
    externalPackages(metafile).map((name) => {
      const version = manifest.dependencies[name];
      if (!version)
        throw new Error(`${name} is imported but not a dependency of functions/package.json`);
      return [name, version];
    }),
  );
  const lib = {
    name: "barometre-functions",
    private: true,
    description: "Fonctions Firebase du Baromètre des PIMMS (généré par npm run functions:build).",
    type: "module",
    main: "index.js",
    engines: { node: "22" },
    dependencies,
  };
  await writeFile(join(outdir, "package.json"), `${JSON.stringify(lib, null, 2)}\n`);
  await copyParamFiles(outdir);
  // Cloud Functions have no system fonts: the report renderer finds assets/fonts above its chunk, as in the sources.
  await cp(join(FUNCTIONS, "assets"), join(outdir, "assets"), { recursive: true });
  return metafile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildFunctions();
  process.stdout.write("Fonctions construites dans functions/lib.\n");
}
