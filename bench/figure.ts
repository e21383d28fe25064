// What a measurement yields: a value with the inputs it was measured on, or the French reason it is absent.
import { type FigureKey, GOALS, type Goal } from "./goals.ts";

/** Counts, runs, sizes… recorded beside each figure in results.json. */
export type Inputs = Record<string, unknown>;

export type Measured =
  | { key: FigureKey; value: number; inputs: Inputs; note?: string }
  | { key: FigureKey; absent: string; inputs?: Inputs };

/** A measured figure judged against its goal, as results.json stores it. */
export interface Figure extends Goal {
  key: FigureKey;
  value: number | null;
  /** Null when the figure is absent or has no goal. */
  pass: boolean | null;
  absentReason: string | null;
  note: string | null;
  inputs: Inputs;
}

function meets(goal: Goal, value: number): boolean | null {
  if (goal.op === null || goal.target === null) return null;
  return goal.op === "≤" ? value <= goal.target : value >= goal.target;
}

export function judge(m: Measured): Figure {
  const goal = GOALS[m.key];
  if ("absent" in m)
    return {
      key: m.key,
      ...goal,
      value: null,
      pass: null,
      absentReason: m.absent,
      note: null,
      inputs: m.inputs ?? {},
    };
  return {
    key: m.key,
    ...goal,
    value: m.value,
    pass: meets(goal, m.value),
    absentReason: null,
    note: m.note ?? null,
    inputs: m.inputs,
  };
}
