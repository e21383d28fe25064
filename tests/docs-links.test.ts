// The documentation points only at the repository: every relative link and every path it cites exists in it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** The documentation the project owns: the READMEs and every page of docs/. */
const DOCS = [
  "README.md",
  "tests/README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Folders of the repository a cited path starts with; a path under another first folder is not checked. */
const TOP = [
  "shared",
  "functions",
  "cli",
  "addon",
  "stack",
  "testing",
  "tests",
  "bench",
  "docs",
  ".ci",
];

/** Built by a command, never committed: cited as what the command produces. */
const BUILT = ["addon/dist", "functions/lib"];

/** The text outside fenced code blocks, where commands and their output are examples, not references. */
const prose = (md: string) => md.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");

const inside = (path: string) => {
  const rel = relative(root, path);
  return !rel.startsWith("..") && !isAbsolute(rel);
};

/** Markdown link targets that are not web addresses or anchors, each resolved from the page. */
function linkProblems(doc: string, md: string): string[] {
  const problems: string[] = [];
  for (const [, target] of prose(md).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (!target || /^(https?:|mailto:|#)/.test(target)) continue;
    const path = resolve(root, dirname(doc), decodeURI(target.replace(/#.*$/, "")));
    if (!inside(path)) problems.push(`${doc} : le lien « ${target} » sort du dépôt`);
    else if (!existsSync(path)) problems.push(`${doc} : le lien « ${target} » ne mène à rien`);
  }
  return problems;
}

/** Fenced code blocks: commands that name files of the repository (`npx barometre import testing/fixtures/…`). */
const fenced = (md: string) =>
  [...md.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm)].flatMap(([, code]) =>
    (code ?? "").split(/[\s"'`()=]+/),
  );

/** Whether a cited token is missing: a path under a folder of the repository, or a Markdown page. */
function missing(doc: string, code: string, pagesToo: boolean): string | null {
  const token = code.replace(/\/$/, "");
  if (/[\s<>{}*…|]/.test(token) || token === "") return null;
  const first = token.split("/")[0] as string;
  const isPath = token.includes("/") && TOP.includes(first);
  const isPage = pagesToo && /^[\w.-]+\.md$/.test(token);
  if (!isPath && !isPage) return null;
  if (BUILT.some((b) => token === b || token.startsWith(`${b}/`))) return null;
  const found = isPath
    ? existsSync(join(root, token))
    : existsSync(join(root, dirname(doc), token)) || existsSync(join(root, token));
  return found ? null : `${doc} : « ${token} » n'existe pas dans le dépôt`;
}

/** Backticked repository paths (`functions/src/handlers/app.ts`), Markdown file names (`schema.md`), and paths in commands. */
function pathProblems(doc: string, md: string): string[] {
  const cited = [...prose(md).matchAll(/`([^`]+)`/g)].map(([, code]) =>
    missing(doc, code ?? "", true),
  );
  const commands = fenced(md).map((token) => missing(doc, token, false));
  return [...cited, ...commands].filter((p): p is string => p !== null);
}

/** A Markdown page named bare in code (`interfaces.md`): the repository's pages are cited by their path (docs/api.md). */
const BARE_PAGE = /(?<![\w/.-])[\w-]+\.md\b/g;

/** The sources of the repository: every TypeScript and JavaScript file outside dependencies and build output. */
function sources(dir = ""): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory())
      return ["node_modules", ".git", "out", "dist", "lib", "test-artifacts"].includes(e.name)
        ? []
        : sources(path);
    return /\.(?:[cm]?[jt]s)$/.test(e.name) ? [path] : [];
  });
}

/** Markdown pages a source names that are not the repository's own (docs/…, README.md). */
function outsidePages(source: string): string[] {
  return [...source.matchAll(BARE_PAGE)]
    .map(([page]) => page)
    .filter((page) => page !== "README.md" && !existsSync(join(root, "docs", page)));
}

describe("the documentation", () => {
  it.each(DOCS)("%s: every relative link leads to a file of the repository", (doc) => {
    expect(linkProblems(doc, readFileSync(join(root, doc), "utf8"))).toEqual([]);
  });

  it.each(DOCS)("%s: every repository path it cites exists", (doc) => {
    expect(pathProblems(doc, readFileSync(join(root, doc), "utf8"))).toEqual([]);
  });

  it.each(DOCS)("%s: names no file outside the repository", (doc) => {
    const md = readFileSync(join(root, doc), "utf8");
    expect(md.match(/(?:\/work\/|file:\/\/|\.\.\/shared\/spec|\binterfaces\.md\b)/g) ?? []).toEqual(
      [],
    );
  });

  it("is the only Markdown a source file names: no page of the specification outside the repository", () => {
    // This file names missing pages on purpose, as examples of what the checks catch.
    const self = relative(root, import.meta.filename);
    const named = sources()
      .filter((file) => file !== self)
      .flatMap((file) =>
        outsidePages(readFileSync(join(root, file), "utf8")).map((page) => `${file} : ${page}`),
      );
    expect(named).toEqual([]);
  });

  it("tells a bare page name from the repository's own pages", () => {
    expect(
      outsidePages("// as interfaces.md says; see docs/api.md, README.md and schema.md"),
    ).toEqual(["interfaces.md"]);
  });

  it("catches a broken link, a missing path and a link out of the repository", () => {
    const md =
      "[a](nowhere.md) [b](../../etc/passwd) `functions/src/nothing.ts` `missing-page.md` `README.md`";
    expect(linkProblems("docs/x.md", md)).toHaveLength(2);
    expect(pathProblems("docs/x.md", md)).toEqual([
      "docs/x.md : « functions/src/nothing.ts » n'existe pas dans le dépôt",
      "docs/x.md : « missing-page.md » n'existe pas dans le dépôt",
    ]);
    expect(
      pathProblems("docs/x.md", "```sh\nnpx barometre import tests/nothing.xlsx\n```\n"),
    ).toEqual(["docs/x.md : « tests/nothing.xlsx » n'existe pas dans le dépôt"]);
  });
});
