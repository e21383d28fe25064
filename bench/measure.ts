// One measurement of the bench: the figures it yields, and its module, loaded only in the process that measures.
import type { Measured } from "./figure.ts";
import type { FigureKey } from "./goals.ts";

export interface Measure {
  /** Shown in French while it runs. */
  title: string;
  keys: readonly FigureKey[];
  /**
   * Loaded by the measuring process alone: a piece of the product still missing or broken makes its own figures
   * absent, with the reason, and no other.
   */
  load(): Promise<{ run(): Promise<Measured[]> }>;
}
