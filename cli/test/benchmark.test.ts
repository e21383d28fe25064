// barometre benchmark run as a real subprocess: the JSON of docs/cli.md, checked against an independent computation of the legacy truths.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "node_modules/.bin/barometre");
const fixtures = join(root, "testing/fixtures/legacy-2018");
const network = join(fixtures, "network.json");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed bin through its shebang, with this test's Node first on the PATH. */
function barometre(...args: string[]): Promise<Run> {
  const env = {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
  };
  return new Promise((resolve) => {
    execFile(bin, args, { cwd: root, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** The numeric keys of docs/domain.md, written out here rather than imported. */
const KEYS = [
  "governanceRegularity",
  "financialBalance",
  "monthsOfCharges",
  "trainingRate",
  "positiveExitRate",
  "reasonsPartnersShare",
  "reasonsNonPartnersShare",
  "reasonsDigitalShare",
  "reasonsPartnersChangePts",
  "reasonsNonPartnersChangePts",
  "reasonsDigitalChangePts",
  "dailyVisitorsPerFte",
  "dailyReasonsPerFte",
  "eventParticipants",
];

interface Truth {
  code: string;
  territory: string;
  indicators: Record<string, number | boolean | null>;
}
const truths: Truth[] = readdirSync(fixtures)
  .filter((n) => n.endsWith(".truth.json"))
  .map((n) => {
    const t = JSON.parse(readFileSync(join(fixtures, n), "utf8"));
    return {
      code: t.return.identification.structureCode,
      territory: t.return.identification.territory,
      indicators: t.indicators,
    };
  });

// ---- An independent computation: plain arrays, R's type 7, ranks counted one by one. ----

const valuesOf = (group: Truth[], key: string) =>
  group.map((t) => t.indicators[key]).filter((v): v is number => typeof v === "number");

function quantile(xs: number[], p: number): number {
  const x = [...xs].sort((a, b) => a - b);
  const h = (x.length - 1) * p + 1;
  const j = Math.floor(h);
  return (
    (x[j - 1] as number) +
    (h - j) * ((x[Math.min(j, x.length - 1)] as number) - (x[j - 1] as number))
  );
}

function expectedStats(group: Truth[], key: string, min: number) {
  const xs = valuesOf(group, key);
  if (xs.length < min || xs.length === 0) return { n: xs.length, suppressed: true };
  return {
    n: xs.length,
    min: Math.min(...xs),
    q1: quantile(xs, 0.25),
    median: quantile(xs, 0.5),
    q3: quantile(xs, 0.75),
    max: Math.max(...xs),
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  };
}

function expectedPosition(all: Truth[], key: string, value: number | boolean | null, min: number) {
  const xs = valuesOf(all, key);
  if (typeof value !== "number") return { value: null, percentileRank: null, quartile: null };
  if (xs.length < min) return { value, percentileRank: null, quartile: null };
  const rank =
    (100 * (xs.filter((x) => x < value).length + xs.filter((x) => x === value).length / 2)) /
    xs.length;
  const quartiles = [0.25, 0.5, 0.75].map((p) => quantile(xs, p));
  const quartile = 1 + quartiles.filter((q) => value > q).length;
  return { value, percentileRank: rank, quartile };
}

/** Deep equality with numbers compared to 1e-9. */
function expectClose(got: unknown, want: unknown, path = "") {
  if (typeof want === "number") {
    expect(typeof got, path).toBe("number");
    expect(Math.abs((got as number) - want), path).toBeLessThanOrEqual(1e-9);
  } else if (want !== null && typeof want === "object") {
    expect(Object.keys(got as object).sort(), path).toEqual(Object.keys(want).sort());
    for (const [k, v] of Object.entries(want))
      expectClose((got as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(got, path).toBe(want);
}

function expectedBenchmark(min: number) {
  const territories = [...new Set(truths.map((t) => t.territory))].sort((a, b) =>
    a.localeCompare(b, "fr"),
  );
  return {
    network: Object.fromEntries(KEYS.map((k) => [k, expectedStats(truths, k, min)])),
    groups: Object.fromEntries(
      territories.map((territory) => {
        const group = truths.filter((t) => t.territory === territory);
        return [territory, Object.fromEntries(KEYS.map((k) => [k, expectedStats(group, k, min)]))];
      }),
    ),
    positions: Object.fromEntries(
      truths.map((t) => [
        t.code,
        Object.fromEntries(
          KEYS.map((k) => [k, expectedPosition(truths, k, t.indicators[k] ?? null, min)]),
        ),
      ]),
    ),
  };
}

describe("barometre benchmark RÉSEAU --json", () => {
  const plain = barometre("benchmark", network, "--json");

  it("prints the shape of docs/cli.md with values equal to an independent computation", async () => {
    const run = await plain;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["network", "groups", "positions"]);
    expect(Object.keys(result.network)).toEqual(KEYS);
    expect(Object.keys(result.groups)).toEqual(["Rural", "Urbain hors QPV", "Urbain QPV"]);
    expect(Object.keys(result.positions).sort()).toEqual(truths.map((t) => t.code).sort());
    expectClose(result, expectedBenchmark(5));
  });

  it("keeps only { n, suppressed: true } for a group below the minimum size", async () => {
    const result = JSON.parse((await plain).stdout);
    expect(result.groups["Urbain QPV"].trainingRate).toEqual({ n: 4, suppressed: true });
    expect(result.groups["Urbain QPV"].reasonsDigitalChangePts).toEqual({ n: 3, suppressed: true });
    expect(result.groups.Rural.financialBalance).toEqual({ n: 1, suppressed: true });
  });

  it("shows every group with --min-group 1, and hides the whole network with --min-group 7", async () => {
    const small = await barometre("benchmark", network, "--json", "--min-group", "1");
    expect(small.code).toBe(0);
    expectClose(JSON.parse(small.stdout), expectedBenchmark(1));
    const large = JSON.parse(
      (await barometre("benchmark", network, "--json", "--min-group", "7")).stdout,
    );
    expectClose(large, expectedBenchmark(7));
    expect(large.network.trainingRate).toEqual({ n: 6, suppressed: true });
    expect(large.positions["PIMMS-RENNES"].trainingRate.percentileRank).toBeNull();
  });
});

describe("barometre benchmark RÉSEAU", () => {
  it("prints a French table, and a sentence for each group too small to show", async () => {
    const run = await barometre("benchmark", network);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Réseau (6 structures)");
    expect(run.stdout).toMatch(/Taux de formation +6 +1,2\u00a0% +1,8\u00a0% +3,0\u00a0%/);
    expect(run.stdout).toContain(
      "Groupe « Urbain QPV »\nMoins de 5 structures (4) : statistiques non affichées pour préserver l'anonymat.",
    );
    expect(run.stdout).not.toMatch(/NaN|Infinity|undefined|null/);
  });
});

describe.concurrent("bad input", () => {
  const dir = mkdtempSync(join(tmpdir(), "barometre-benchmark-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const withoutCode = JSON.parse(readFileSync(network, "utf8")) as {
    identification: Record<string, unknown>;
  }[];
  (withoutCode[1] as { identification: Record<string, unknown> }).identification.structureCode =
    null;

  it.each([
    [
      "a missing file",
      () => [join(dir, "absent.json")],
      `Impossible de lire le fichier « ${join(dir, "absent.json")} ».`,
    ],
    [
      "invalid JSON",
      () => [file("broken.json", "[{")],
      `Le fichier « ${join(dir, "broken.json")} » n'est pas un JSON valide.`,
    ],
    [
      "JSON that is not an array",
      () => [file("object.json", '{"returns": []}')],
      `Le fichier « ${join(dir, "object.json")} » doit contenir un tableau JSON de retours.`,
    ],
    [
      "a return without code",
      () => [file("nocode.json", JSON.stringify(withoutCode))],
      `Le retour ${join(dir, "nocode.json")}#2 n'a pas de code structure.`,
    ],
    [
      "an empty network",
      () => [file("empty.json", "[]")],
      `Le réseau « ${join(dir, "empty.json")} » ne contient aucun retour.`,
    ],
  ])("explains %s in one French sentence, with exit code 2", async (_, args, message) => {
    const run = await barometre("benchmark", ...args(), "--json");
    expect(run).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });

  it("names on stderr each value of the wrong JSON type that it leaves out", async () => {
    const typed = JSON.parse(readFileSync(network, "utf8")) as {
      finance: Record<string, unknown>;
    }[];
    (typed[0] as { finance: Record<string, unknown> }).finance.revenueTotal = "665 403,16 €";
    const path = file("typed.json", JSON.stringify(typed));
    const run = await barometre("benchmark", path, "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `Attention : retour ${path}#1 : « Total des produits » doit être un montant en euros. Valeur ignorée.\n`,
    );
    expect(JSON.parse(run.stdout).network.trainingRate.n).toBe(6);
  });

  it.each([
    [["--min-group", "0"], "L'option --min-group attend un nombre entier supérieur ou égal à 1."],
    [
      ["--min-group", "deux"],
      "L'option --min-group attend un nombre entier supérieur ou égal à 1.",
    ],
    [["--min-group"], "L'option --min-group attend une valeur."],
    [["--format", "csv"], "Option inconnue : --format."],
    [["--json=oui"], "L'option --json ne prend pas de valeur."],
  ])("refuses the arguments %j in French, with exit code 2", async (args, message) => {
    const run = await barometre("benchmark", network, ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(message);
    expect(run.stderr).not.toMatch(/\n\s+at |Error|Unknown|argument/);
  });

  it("asks for a network when none is given", async () => {
    const run = await barometre("benchmark");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "Indiquez un seul réseau.\nUsage : barometre benchmark RÉSEAU [--json] [--min-group N]\n",
    );
  });
});
