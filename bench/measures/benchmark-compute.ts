// benchmark2800.computeMs: the network benchmark and every structure's positioning (with N-1) for 2,800 returns, in-process.
import { benchmarkOf, indexPopulation, type Member, positionStructure } from "@barometre/shared";
import type { Measure } from "../measure.ts";
import { demoPopulation } from "../support/demo-population.ts";
import { median, round } from "../support/sample-stats.ts";

const SIZE = 2_800;
const WARMUP = 5;
const RUNS = 21;

/**
 * One pass, timed part by part: the population indexed once, the benchmark of interfaces.md from it, then the
 * positionings the reports are made of (with N-1 for changes, whose population is indexed too).
 */
function pass(members: readonly Member[], previous: readonly (Member | null)[]) {
  const start = performance.now();
  const population = indexPopulation(members);
  benchmarkOf(population, members);
  const statistics = performance.now();
  const previousPopulation = indexPopulation(previous.filter((m): m is Member => m !== null));
  members.forEach((m, i) => {
    positionStructure(population, m, {
      population: previousPopulation,
      member: previous[i] ?? null,
    });
  });
  const end = performance.now();
  return { total: end - start, benchmark: statistics - start, positionings: end - statistics };
}

export const benchmarkCompute: Measure = {
  title: "Benchmark de 2 800 retours en mémoire",
  keys: ["benchmark2800.computeMs"],
  async run() {
    const { members, previous } = demoPopulation(SIZE);
    for (let i = 0; i < WARMUP; i++) pass(members, previous);
    const passes = Array.from({ length: RUNS }, () => pass(members, previous));
    const cpu = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) pass(members, previous);
    const used = process.cpuUsage(cpu);
    const medianOf = (part: keyof ReturnType<typeof pass>) =>
      round(median(passes.map((p) => p[part])), 2);
    return [
      {
        key: "benchmark2800.computeMs",
        value: medianOf("total"),
        inputs: {
          structures: SIZE,
          withPreviousExercice: previous.filter(Boolean).length,
          warmup: WARMUP,
          runs: RUNS,
          benchmarkMedianMs: medianOf("benchmark"),
          positioningsMedianMs: medianOf("positionings"),
          minMs: round(Math.min(...passes.map((p) => p.total)), 2),
          cpuMsPerPass: round((used.user + used.system) / 1000 / RUNS, 2),
        },
      },
    ];
  },
};
