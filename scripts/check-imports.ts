// Fails on any import that crosses packages other than through a declared dependency and a package's "exports", and on
// any import cycle inside a package's shipped code (src/): a package depends one way within itself too.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { plural } from "@barometre/shared";

export interface Workspace {
  name: string;
  dir: string;
  exports: readonly string[];
  dependencies: readonly string[];
  /** Allowed to its tests and tools, never to its `src/` (what ships). */
  devDependencies?: readonly string[];
}

/** The specifiers of a TypeScript source: static imports and re-exports, side-effect imports, import(). */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)"([^"]+)"/gm;
  for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

/** The repository path a relative import of `file` names. */
const relativeTarget = (file: string, spec: string) =>
  join(dirname(file), spec).split(sep).join("/");

/** The workspace a repository path belongs to: the deepest workspace folder holding it, else the root (""). */
export function ownerOf(path: string, workspaces: readonly Workspace[]): string {
  let owner = "";
  for (const w of workspaces)
    if ((path === w.dir || path.startsWith(`${w.dir}/`)) && w.dir.length > owner.length)
      owner = w.dir;
  return owner;
}

/** Why one import of `file` (a repository path) breaks the packages' boundaries, or null when it does not. */
export function importProblem(
  file: string,
  spec: string,
  workspaces: readonly Workspace[],
  root: Workspace,
): string | null {
  const owner = ownerOf(file, workspaces);
  if (spec.startsWith(".")) {
    const target = relativeTarget(file, spec);
    const targetOwner = ownerOf(target, workspaces);
    if (targetOwner === owner) return null;
    const other = workspaces.find((w) => w.dir === targetOwner)?.name ?? "la racine";
    return `${file} importe ${spec} par un chemin relatif dans ${other} : passez par une entrée déclarée du paquet.`;
  }
  const named = /^(@barometre\/[^/]+)(\/.*)?$/.exec(spec);
  if (!named) return null;
  const [, name, sub] = named;
  const target = workspaces.find((w) => w.name === name);
  if (!target) return `${file} importe ${spec} : aucun paquet ne s'appelle ${name}.`;
  const entry = `.${sub ?? ""}`;
  if (!target.exports.includes(entry))
    return `${file} importe ${spec} : ${name} ne déclare pas l'entrée « ${entry} » (entrées : ${target.exports.join(", ")}).`;
  const importer = workspaces.find((w) => w.dir === owner) ?? root;
  if (importer.name === name || importer.dependencies.includes(name as string)) return null;
  const shipped = owner !== "" && file.startsWith(`${owner}/src/`);
  if (importer.devDependencies?.includes(name as string))
    return shipped
      ? `${file} importe ${name}, une dépendance de développement de ${importer.name}, depuis le code livré (src/).`
      : null;
  return `${file} importe ${name} sans le déclarer dans les dépendances de ${importer.name}.`;
}

interface Manifest {
  name: string;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: string[];
}

function workspaceOf(dir: string, manifest: Manifest): Workspace {
  return {
    name: manifest.name,
    dir,
    exports: Object.keys(manifest.exports ?? {}),
    dependencies: Object.keys(manifest.dependencies ?? {}),
    devDependencies: Object.keys(manifest.devDependencies ?? {}),
  };
}

const SKIPPED = new Set(["node_modules", ".git", "out", "dist", "lib", "test-artifacts"]);

function sources(root: string, dir = ""): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return SKIPPED.has(e.name) ? [] : sources(root, path);
    return /\.[cm]?ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * The import cycles of a graph (file → the files it imports), each as the path that closes it, first file
 * repeated at the end: one per import that leads back into the walk (depth first, files in sorted order), so every
 * group of files that import one another in a circle shows at least once.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const seen = state.get(next);
      if (seen === "open") cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (seen === undefined && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The relative imports between the shipped files (a workspace's src/), from every file's specifiers. */
function shippedGraph(imports: ReadonlyMap<string, string[]>, workspaces: readonly Workspace[]) {
  const shipped = [...imports.keys()].filter((f) =>
    workspaces.some((w) => f.startsWith(`${w.dir}/src/`)),
  );
  const known = new Set(shipped);
  return new Map(
    shipped.map((file) => [
      file,
      (imports.get(file) ?? [])
        .filter((spec) => spec.startsWith("."))
        .map((spec) => relativeTarget(file, spec))
        .filter((target) => known.has(target)),
    ]),
  );
}

/** Every boundary problem of the repository at `root`. */
export function checkRepository(root: string): string[] {
  const read = (p: string) => JSON.parse(readFileSync(join(root, p), "utf8")) as Manifest;
  const top = read("package.json");
  const workspaces = (top.workspaces ?? []).map((dir) =>
    workspaceOf(dir, read(`${dir}/package.json`)),
  );
  // The root (bench/, scripts/) may use every workspace, as npm links them all beside it.
  const rootWorkspace = { ...workspaceOf("", top), dependencies: workspaces.map((w) => w.name) };
  const imports = new Map(
    sources(root).map((file) => [file, specifiers(readFileSync(join(root, file), "utf8"))]),
  );
  const crossings = [...imports].flatMap(([file, specs]) =>
    specs
      .map((spec) => importProblem(file, spec, workspaces, rootWorkspace))
      .filter((p): p is string => p !== null),
  );
  const cycles = importCycles(shippedGraph(imports, workspaces)).map(
    (cycle) =>
      `Cycle d'imports : ${cycle.join(" → ")} ; un module ne doit pas dépendre de lui-même.`,
  );
  return [...crossings, ...cycles];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, "..");
  const problems = checkRepository(root);
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (problems.length) {
    process.stderr.write(
      `${plural(problems.length, "problème d'imports", "problèmes d'imports")} (${relative(process.cwd(), root) || "."}).\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    "Imports entre paquets : tous par une dépendance déclarée et une entrée publique ; aucun cycle.\n",
  );
}
