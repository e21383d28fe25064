// docs/performance.md holds the figures of bench/results.json as generated, and a partial bench run keeps the others.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { judge } from "../figure.ts";
import {
  BEGIN,
  END,
  PERFORMANCE_DOC,
  performanceBlock,
  withPerformanceBlock,
} from "../performance-doc.ts";
import { mergeResults, readResults, runResults } from "../results.ts";
import type { Machine } from "../support/machine.ts";

const root = join(import.meta.dirname, "../..");
const onDisk = (path: string) => readFileSync(join(root, path), "utf8");

/** The goal, value, verdict and day cells of a figure's row in the generated table. */
const cellsOf = (block: string, key: string) =>
  block
    .split("\n")
    .find((line) => line.startsWith(`| \`${key}\``))
    ?.split(" | ")
    .slice(2)
    .map((c) => c.replace(/\s*\|$/, "").trim());

const machine = (start: number): Machine => ({
  cores: 2,
  cpu: "AMD EPYC",
  node: "v22.23.3",
  platform: "linux x64",
  loadAverage: { start, end: 1.5 },
});

describe("docs/performance.md", () => {
  it("is up to date with bench/results.json (npm run docs)", () => {
    const doc = onDisk(PERFORMANCE_DOC);
    const results = readResults(onDisk("bench/results.json"));
    expect(doc, "lancez npm run docs").toBe(withPerformanceBlock(doc, results));
  });

  it("shows each figure with its goal, verdict and Paris day, and names those never measured", () => {
    const run = runResults(
      [
        judge({
          key: "addon.prepareCalls",
          value: 240,
          inputs: {},
          note: "Classeur de cinq onglets.",
        }),
        judge({ key: "submit.p95Ms", absent: "la pile locale manque" }),
      ],
      new Date("2026-12-05T23:30:00Z"),
      machine(0.74),
    );
    const block = performanceBlock(run);
    expect(block.startsWith(BEGIN) && block.endsWith(END)).toBe(true);
    // Columns padded as Biome formats a table: every row as wide as the others.
    const widths = block
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .map((line) => [...line].length);
    expect(new Set(widths).size).toBe(1);
    expect(cellsOf(block, "addon.prepareCalls")).toEqual(["≤ 60", "240", "non", "06/12/2026"]);
    expect(cellsOf(block, "submit.p95Ms")).toEqual(["≤ 500,0 ms", "absente", "—", "06/12/2026"]);
    expect(cellsOf(block, "coldStart.ratio")).toEqual(["≤ 1,30", "pas encore mesurée", "—", "—"]);
    expect(block).toContain("- `addon.prepareCalls` : Classeur de cinq onglets.");
    expect(block).toContain("- `submit.p95Ms` : absente : la pile locale manque");
    expect(block).toContain("charge moyenne 0,74 au début et 1,50 à la fin");
  });

  it("replaces only its generated part and keeps the hand-written text around it", () => {
    const first = runResults(
      [judge({ key: "coldStart.ratio", value: 0.97, inputs: {} })],
      new Date(0),
      machine(1),
    );
    const doc = withPerformanceBlock("# Performances\n\nAvant.\n", first);
    const again = withPerformanceBlock(`${doc}\nAprès.\n`, first);
    expect(again.startsWith("# Performances\n\nAvant.\n\n")).toBe(true);
    expect(again.endsWith(`${END}\n\nAprès.\n`)).toBe(true);
    expect(again.split(BEGIN)).toHaveLength(2);
  });
});

describe("bench/results.json", () => {
  it("keeps the figures a partial run did not measure, each with its own run, in the bench's order", () => {
    const full = runResults(
      [
        judge({ key: "addon.prepareCalls", value: 240, inputs: {} }),
        judge({ key: "coldStart.ratio", value: 0.97, inputs: {} }),
      ],
      new Date("2026-12-01T10:00:00Z"),
      machine(1),
    );
    const partial = runResults(
      [judge({ key: "addon.prepareCalls", value: 230, inputs: {} })],
      new Date("2026-12-02T10:00:00Z"),
      machine(2),
    );
    const merged = mergeResults(full, partial);
    expect(Object.keys(merged.figures)).toEqual(["addon.prepareCalls", "coldStart.ratio"]);
    expect(merged.figures["addon.prepareCalls"]).toMatchObject({
      value: 230,
      measuredAt: "2026-12-02T10:00:00.000Z",
    });
    expect(merged.figures["coldStart.ratio"]).toMatchObject({
      value: 0.97,
      measuredAt: "2026-12-01T10:00:00.000Z",
      machine: { loadAverage: { start: 1 } },
    });
    expect(readResults(JSON.stringify(merged))).toEqual(merged);
  });

  it("reads a file written before figures carried their run", () => {
    const old = {
      generatedAt: "2026-12-05T02:04:43.626Z",
      only: ["coldStart"],
      machine: machine(0.5),
      figures: { "coldStart.ratio": judge({ key: "coldStart.ratio", value: 1.1, inputs: {} }) },
    };
    expect(readResults(JSON.stringify(old)).figures["coldStart.ratio"]).toMatchObject({
      value: 1.1,
      measuredAt: old.generatedAt,
      machine: old.machine,
    });
  });
});
