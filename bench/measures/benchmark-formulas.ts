// benchmark2800.speedup: the network benchmark as spreadsheet formulas in HyperFormula ÷ ours, once both agree.
import { benchmark } from "@barometre/shared";
import type { Measure } from "../measure.ts";
import { demoPopulation } from "../support/demo-population.ts";
import { disagreements, evaluateFormulas, formulaSheets } from "../support/formula-benchmark.ts";
import { median, round } from "../support/sample-stats.ts";
import { sampleRuns } from "../support/timing.ts";

const SIZE = 2_800;
/**
 * Every structure's percentile rank costs the formulas two COUNTIF over the whole network (about 3 minutes for
 * all 2,800 here): the formulas rank one structure in SAMPLE_EVERY, ours rank them all, so the ratio is a floor.
 */
const SAMPLE_EVERY = 20;
const FORMULA_RUNS = 3;

export const benchmarkFormulas: Measure = {
  title: "Benchmark de 2 800 retours : nos statistiques contre des formules de tableur",
  keys: ["benchmark2800.speedup"],
  async run() {
    const { members } = demoPopulation(SIZE);
    const sampled = members.flatMap((_, i) => (i % SAMPLE_EVERY === 0 ? [i] : []));
    const sheets = formulaSheets(members, sampled);
    // The first build also compiles HyperFormula's code paths: it is checked, then left out of the timing.
    const evaluated = evaluateFormulas(sheets, members, sampled);
    const differences = disagreements(benchmark(members), evaluated);
    if (differences.length > 0)
      return [
        {
          key: "benchmark2800.speedup",
          absent: `les formules ne donnent pas nos résultats (${differences.length} écarts, dont : ${differences.slice(0, 3).join(" ; ")})`,
        },
      ];
    const formulas = await sampleRuns(() => evaluateFormulas(sheets, members, sampled), {
      warmup: 0,
      runs: FORMULA_RUNS,
    });
    const ours = await sampleRuns(() => benchmark(members), { warmup: 5, runs: 21 });
    const formulaMs = median(formulas.wallMs);
    const oursMs = median(ours.wallMs);
    return [
      {
        key: "benchmark2800.speedup",
        value: round(formulaMs / oursMs, 1),
        inputs: {
          structures: SIZE,
          formulaRuns: FORMULA_RUNS,
          formulaMedianMs: round(formulaMs, 1),
          ourRuns: 21,
          ourMedianMs: round(oursMs, 2),
          formulaCells: Object.values(sheets).reduce((n, rows) => n + rows.flat().length, 0),
          positionsByFormulas: sampled.length,
          positionsByUs: members.length,
          agreement:
            "statistiques du réseau et des groupes, rangs centiles et quartiles égaux à 1e-9",
        },
        note: `Les formules positionnent ${sampled.length} structures, nous les 2 800 : le rapport est un minorant.`,
      },
    ];
  },
};
