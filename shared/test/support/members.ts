// Benchmark members built from the sample return, so statistics can be checked against figures set by hand.
import { computeIndicators, type FieldValue, type Member } from "../../src/index.ts";
import { sampleReturn } from "./sample-return.ts";

export function member(
  code: string,
  territory: string | null,
  changes: Record<string, FieldValue> = {},
): Member {
  return { structureCode: code, territory, indicators: computeIndicators(sampleReturn(changes)) };
}

/** Members whose training rate is each of `rates` (training costs over the sample's 300 000 € payroll). */
export function withTrainingRates(
  territory: string | null,
  rates: readonly number[],
  prefix = "P",
): Member[] {
  return rates.map((rate, i) =>
    member(`${prefix}${i + 1}`, territory, {
      "finance.trainingCosts": Math.round(rate * 300_000 * 100) / 100,
    }),
  );
}
