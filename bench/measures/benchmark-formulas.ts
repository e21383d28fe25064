// benchmark2800.speedup: the network benchmark as spreadsheet formulas in HyperFormula ÷ ours, once both agree.
import { benchmark } from "@barometre/shared";
import type { Measured } from "../figure.ts";
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
const OUR_RUNS = 21;

export async function run(): Promise<Measured[]> {
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
  const ours = await sampleRuns(() => benchmark(members), { warmup: 5, runs: OUR_RUNS });
  // Both sides compute on one thread of this process: processor time compares the work, whatever else runs.
  const formulaMs = median(formulas.cpuMs);
  const oursMs = median(ours.cpuMs);
  return [
    {
      key: "benchmark2800.speedup",
      value: round(formulaMs / oursMs, 1),
      inputs: {
        structures: SIZE,
        formulaRuns: FORMULA_RUNS,
        formulaCpuMedianMs: round(formulaMs, 1),
        formulaWallMedianMs: round(median(formulas.wallMs), 1),
        ourRuns: OUR_RUNS,
        ourCpuMedianMs: round(oursMs, 2),
        ourWallMedianMs: round(median(ours.wallMs), 2),
        formulaCells: Object.values(sheets).reduce((n, rows) => n + rows.flat().length, 0),
        positionsByFormulas: sampled.length,
        positionsByUs: members.length,
        agreement:
          "statistiques du réseau et des groupes, rangs centiles et quartiles égaux à 1e-9",
      },
      note: `Les formules positionnent ${sampled.length} structures, nous les 2 800 : le rapport est un minorant.`,
    },
  ];
}
