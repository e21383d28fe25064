// One measurement of the bench: the figures it yields and how to take them.
import type { Measured } from "./figure.ts";
import type { FigureKey } from "./goals.ts";

export interface Measure {
  /** Shown in French while it runs. */
  title: string;
  keys: readonly FigureKey[];
  run(): Promise<Measured[]>;
}
