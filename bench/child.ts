// Takes one measurement of the bench in this fresh process (so none inherits another's heap, JIT or environment)
// and sends its figures to bench/run.ts.
import { MEASURES } from "./measures/index.ts";
import type { MeasureReply } from "./support/measure-process.ts";

const measure = MEASURES[Number(process.argv[2])];

async function reply(): Promise<MeasureReply> {
  if (!measure) return { error: `aucune mesure n° ${process.argv[2]}` };
  try {
    return { measured: await (await measure.load()).run() };
  } catch (error) {
    console.error(error);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const message = await reply();
// Some measures leave sockets or timers behind (an emulator, a server): the figures are sent, then the process ends.
process.send?.(message, () => process.exit(0));
