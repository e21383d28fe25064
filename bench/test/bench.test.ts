// The bench's helpers on tiny inputs: they compute what they claim (percentiles, goals, the formula engine's statistics, growth).
import { benchmark, generateNetwork, memberOf } from "@barometre/shared";
import { Book } from "@barometre/tests/harness";
import { describe, expect, it } from "vitest";
import { judge } from "../figure.ts";
import { disagreements, evaluateFormulas, formulaSheets } from "../support/formula-benchmark.ts";
import { coldImportMs } from "../support/fresh-process.ts";
import { cellCount, growTenfold } from "../support/grow-workbook.ts";
import { measureInFreshProcess } from "../support/measure-process.ts";
import { median, percentile } from "../support/sample-stats.ts";
import { figuresTable, formatFigure } from "../support/table.ts";
import { sampleRuns } from "../support/timing.ts";

describe("sample statistics", () => {
  it("interpolate percentiles between closest ranks (type 7)", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(percentile([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it("refuse what has no percentile", () => {
    expect(() => median([])).toThrow();
    expect(() => percentile([1, 2], 95)).toThrow();
  });

  it("take the warm-up runs out of the samples", async () => {
    let calls = 0;
    const samples = await sampleRuns(() => calls++, { warmup: 2, runs: 3 });
    expect(calls).toBe(5);
    expect(samples.wallMs).toHaveLength(3);
    expect(samples.cpuMs).toHaveLength(3);
  });
});

describe("goals", () => {
  it("pass at most or at least their target, and never judge an absent figure", () => {
    expect(judge({ key: "submit.p95Ms", value: 500, inputs: {} }).pass).toBe(true);
    expect(judge({ key: "submit.p95Ms", value: 500.1, inputs: {} }).pass).toBe(false);
    expect(judge({ key: "import.workbooksPerSecond", value: 4.9, inputs: {} }).pass).toBe(false);
    expect(judge({ key: "submit.p50Ms", value: 10, inputs: {} }).pass).toBeNull();
    const absent = judge({ key: "coldStart.ratio", absent: "pas encore construit" });
    expect(absent).toMatchObject({ value: null, pass: null, absentReason: "pas encore construit" });
  });

  it("print a French table naming what is absent and why", () => {
    const text = figuresTable([
      judge({ key: "addon.prepareCalls", value: 322, inputs: {} }),
      judge({ key: "submit.p95Ms", absent: "la pile locale manque" }),
    ]);
    expect(text).toMatch(/^clé\s+mesure\s+objectif\s+atteint \?/);
    expect(text).toMatch(/addon\.prepareCalls\s+322\s+≤ 60\s+non/);
    expect(text).toMatch(/submit\.p95Ms\s+absente\s+≤ 500,0 ms\s+—/);
    expect(text).toContain("Absente : la pile locale manque");
  });
});

describe("the consolidation-sheet formulas", () => {
  const members = generateNetwork({ size: 40, seed: 3 }).structures.map((s) => memberOf(s.current));
  const sampled = [0, 7, 13, 39];
  const sheets = formulaSheets(members, sampled);
  const evaluated = evaluateFormulas(sheets, members, sampled);

  it("give our network and peer-group statistics and percentile ranks", () => {
    expect(Object.keys(evaluated.groups)).toEqual([
      "Réseau",
      "Rural",
      "Urbain hors QPV",
      "Urbain QPV",
    ]);
    expect(Object.keys(evaluated.positions)).toHaveLength(4);
    expect(disagreements(benchmark(members), evaluated)).toEqual([]);
  });

  it("are caught when they differ from ours", () => {
    const ours = benchmark(members);
    const network = ours.network.trainingRate;
    if ("suppressed" in network) throw new Error("the network cannot be suppressed");
    network.median += 1e-6;
    const code = members[7]?.structureCode as string;
    (ours.positions[code] as (typeof ours.positions)[string]).dailyVisitorsPerFte.percentileRank =
      1;
    const found = disagreements(ours, evaluated);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^Réseau, trainingRate, median/);
    expect(found[1]).toMatch(new RegExp(`^${code}, dailyVisitorsPerFte`));
  });
});

describe("the tenfold workbook", () => {
  it("holds ten times the cells of every tab", () => {
    const book = new Book("Europe/Paris");
    const sheet = book.addSheet("Finances");
    book.write(sheet, 0, 0, [
      ["Total des produits", 1000],
      ["Total des charges", 900],
    ]);
    const before = cellCount(book);
    growTenfold(book);
    expect(cellCount(book)).toBe(before * 10);
    expect(book.value(sheet, 0, 0)).toBe("Total des produits");
  });
});

describe("fresh-process timing", () => {
  it("times an import in a new Node, and reports one that fails", async () => {
    expect(await coldImportMs(["node:zlib"], import.meta.dirname)).toBeGreaterThan(0);
    await expect(coldImportMs(["no-such-module-here"], import.meta.dirname)).rejects.toThrow(
      /no-such-module-here/,
    );
  });
});

describe("measurements in a fresh process", () => {
  it("come back as an error when the measurement does not exist", async () => {
    expect(await measureInFreshProcess(-1)).toEqual({ error: "aucune mesure n° -1" });
  });
});

describe("figures as the table shows them", () => {
  it("keep at most three significant digits for ratios, one decimal for times and rates", () => {
    expect(formatFigure(1.0821, "ratio")).toBe("1,08");
    expect(formatFigure(28.44, "ratio")).toBe("28,4");
    expect(formatFigure(282.9, "ratio")).toBe("283");
    expect(formatFigure(1, "ratio")).toBe("1");
    expect(formatFigure(4520, "ms")).toBe("4\u202f520,0 ms");
    expect(formatFigure(7.03, "perSecond")).toBe("7,0 /s");
    expect(formatFigure(240, "count")).toBe("240");
  });
});
