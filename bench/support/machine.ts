// The machine the figures were measured on, recorded in results.json so they can be read in context.
import { cpus, loadavg } from "node:os";

export interface Machine {
  cores: number;
  cpu: string | null;
  node: string;
  platform: string;
  /** 1-minute load average when the bench started and ended: other work competing for the cores. */
  loadAverage: { start: number; end: number | null };
}

export const machine = (): Machine => ({
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim() ?? null,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: { start: loadavg()[0] as number, end: null },
});

export const currentLoad = (): number => loadavg()[0] as number;
