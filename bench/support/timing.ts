// Wall-clock and CPU time of repeated runs in this process, warm-up runs left out.
export interface RunSamples {
  wallMs: number[];
  /** User + system CPU time of the whole process during each run (every thread: GC included). */
  cpuMs: number[];
}

export const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** Runs `fn` `warmup` times unmeasured (to let the JIT settle), then `runs` times measured. */
export async function sampleRuns(
  fn: () => unknown,
  options: { warmup: number; runs: number },
): Promise<RunSamples> {
  for (let i = 0; i < options.warmup; i++) await fn();
  const samples: RunSamples = { wallMs: [], cpuMs: [] };
  for (let i = 0; i < options.runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    samples.wallMs.push(performance.now() - start);
    samples.cpuMs.push(cpuMsSince(cpu));
  }
  return samples;
}
