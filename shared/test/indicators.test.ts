// The eight indicators computed from each legacy-2018 sample return agree with its truth file to 1e-9.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndicators, INDICATOR_KEYS, type PimmsReturn } from "../src/index.ts";

const dir = join(import.meta.dirname, "../../testing/fixtures/legacy-2018");
const truths = readdirSync(dir)
  .filter((n) => n.endsWith(".truth.json"))
  .map((n) => ({
    name: n,
    ...(JSON.parse(readFileSync(join(dir, n), "utf8")) as {
      return: PimmsReturn;
      indicators: Record<string, number | boolean | null>;
    }),
  }));

describe("indicators on the legacy-2018 truths", () => {
  it.each(truths)("$name", (t) => {
    const got = computeIndicators(t.return);
    for (const key of INDICATOR_KEYS) {
      const want = t.indicators[key];
      const { value } = got[key];
      if (typeof want === "number") {
        expect(typeof value, key).toBe("number");
        expect(Math.abs((value as number) - want), key).toBeLessThan(1e-9);
      } else expect(value, key).toBe(want);
    }
  });
});
