// benchmark2800.computeMs: the network benchmark and every structure's positioning (with N-1) for 2,800 returns, in-process.
import { benchmarkOf, indexPopulation, type Member, positionStructure } from "@barometre/shared";
import type { Measured } from "../figure.ts";
import { demoPopulation } from "../support/demo-population.ts";
import { median, round } from "../support/sample-stats.ts";
import { cpuMsSince } from "../support/timing.ts";

const SIZE = 2_800;
const WARMUP = 5;
const RUNS = 21;

/**
 * One pass, timed part by part in processor time (every thread of the process, the garbage collector's too): on a
 * shared machine the wall clock also counts the time spent waiting for a core. The population is indexed once,
 * the benchmark of `barometre benchmark` comes from it, then the positionings the reports are made of (with N-1 for
 * changes, whose population is indexed too).
 */
function pass(members: readonly Member[], previous: readonly (Member | null)[]) {
  const wall = performance.now();
  const start = process.cpuUsage();
  const population = indexPopulation(members);
  benchmarkOf(population, members);
  const statistics = cpuMsSince(start);
  const previousPopulation = indexPopulation(previous.filter((m): m is Member => m !== null));
  members.forEach((m, i) => {
    positionStructure(population, m, {
      population: previousPopulation,
      member: previous[i] ?? null,
    });
  });
  const total = cpuMsSince(start);
  return {
    total,
    benchmark: statistics,
    positionings: total - statistics,
    wall: performance.now() - wall,
  };
}

export async function run(): Promise<Measured[]> {
  const { members, previous } = demoPopulation(SIZE);
  for (let i = 0; i < WARMUP; i++) pass(members, previous);
  const passes = Array.from({ length: RUNS }, () => pass(members, previous));
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
        benchmarkCpuMedianMs: medianOf("benchmark"),
        positioningsCpuMedianMs: medianOf("positionings"),
        wallMedianMs: medianOf("wall"),
        wallMinMs: round(Math.min(...passes.map((p) => p.wall)), 2),
      },
    },
  ];
}
