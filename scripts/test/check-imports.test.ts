// The package-boundary check: what it refuses, what it lets through, the import cycles it finds, and that this
// repository passes it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkRepository,
  importCycles,
  importProblem,
  specifiers,
  type Workspace,
} from "../check-imports.ts";

const WORKSPACES: Workspace[] = [
  { name: "@barometre/shared", dir: "shared", exports: ["."], dependencies: [] },
  {
    name: "@barometre/functions",
    dir: "functions",
    exports: [".", "./admin"],
    dependencies: ["@barometre/shared"],
    devDependencies: ["@barometre/cli"],
  },
  { name: "@barometre/cli", dir: "cli", exports: ["."], dependencies: ["@barometre/shared"] },
];
const ROOT: Workspace = { name: "root", dir: "", exports: [], dependencies: ["@barometre/cli"] };
const problem = (file: string, spec: string) => importProblem(file, spec, WORKSPACES, ROOT);

describe("the package-boundary check", () => {
  it("finds static, re-exported, side-effect and dynamic imports", () => {
    const source = [
      'import { a } from "./a.ts";',
      'import type { B } from "@barometre/shared";',
      'export { c } from "../c.ts";',
      'import "./side.ts";',
      'const d = await import("@barometre/functions/admin");',
    ].join("\n");
    expect(specifiers(source)).toEqual([
      "./a.ts",
      "@barometre/shared",
      "../c.ts",
      "./side.ts",
      "@barometre/functions/admin",
    ]);
  });

  it("refuses a relative path into another package, an undeclared entry or dependency, a dev dependency in src", () => {
    expect(problem("cli/src/x.ts", "../../functions/src/storage/paths.ts")).toContain(
      "par un chemin relatif dans @barometre/functions",
    );
    expect(problem("functions/src/x.ts", "@barometre/shared/src/values.ts")).toContain(
      "ne déclare pas l'entrée « ./src/values.ts »",
    );
    expect(problem("cli/src/x.ts", "@barometre/functions/admin")).toContain(
      "sans le déclarer dans les dépendances de @barometre/cli",
    );
    expect(problem("cli/src/x.ts", "@barometre/nothing")).toContain("aucun paquet");
    expect(problem("functions/src/x.ts", "@barometre/cli")).toContain(
      "une dépendance de développement de @barometre/functions, depuis le code livré",
    );
  });

  it("lets through a path inside a package, a declared entry of a declared dependency, and outside packages", () => {
    expect(problem("cli/src/commands/x.ts", "../table.ts")).toBeNull();
    expect(problem("cli/test/x.test.ts", "../src/table.ts")).toBeNull();
    expect(problem("functions/src/x.ts", "@barometre/shared")).toBeNull();
    expect(problem("functions/test/x.test.ts", "@barometre/functions/admin")).toBeNull();
    expect(problem("functions/test/x.test.ts", "@barometre/cli")).toBeNull();
    expect(problem("bench/x.ts", "@barometre/cli")).toBeNull();
    expect(problem("bench/x.ts", "./support/y.ts")).toBeNull();
    expect(problem("cli/src/x.ts", "node:fs")).toBeNull();
  });

  it("finds each import cycle once, whichever file it is entered from, and a file importing itself", () => {
    const graph = new Map([
      ["d.ts", ["a.ts"]],
      ["a.ts", ["b.ts", "node.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "f.ts"]],
      ["e.ts", ["e.ts"]],
      ["f.ts", ["g.ts"]],
      ["g.ts", []],
    ]);
    expect(importCycles(graph)).toEqual([
      ["a.ts", "b.ts", "c.ts", "a.ts"],
      ["e.ts", "e.ts"],
    ]);
    graph.set("c.ts", ["f.ts"]);
    graph.set("e.ts", []);
    expect(importCycles(graph)).toEqual([]);
  });

  it("finds nothing to refuse in this repository", () => {
    expect(checkRepository(join(import.meta.dirname, "../.."))).toEqual([]);
  });
});
