// The compacted base of a population snapshot shard gives back exactly the entries it was made of: every double
// bit for bit (-0, NaN, the largest and smallest), null and booleans, any territory name, revision numbers to 2³²-1.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BaseEntry, decodeBase, encodeBase } from "../src/positioning/snapshot-base.ts";

const decoded = (bytes: Uint8Array, width: number): BaseEntry[] => {
  const base = decodeBase(bytes);
  expect(base.width).toBe(width);
  return base.codes.map((code, i) => ({
    code,
    number: base.numbers[i] as number,
    territory: base.territoryOf(i),
    values: Array.from({ length: width }, (_, k) => base.valueOf(i, k)),
  }));
};

const value = fc.oneof(
  fc.double(),
  fc.constantFrom(-0, 0, Number.NaN, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE, 1e308),
  fc.constant(null),
  fc.boolean(),
);

const entries = (width: number) =>
  fc.uniqueArray(
    fc.record({
      code: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,14}$/),
      number: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
      territory: fc.option(fc.string({ unit: "grapheme", maxLength: 20 }), { nil: null }),
      values: fc.array(value, { minLength: width, maxLength: width }),
    }),
    { selector: (e) => e.code, maxLength: 60 },
  );

describe("the compacted base of a snapshot shard", () => {
  it("decodes to the very entries it was encoded from", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((w) => fc.tuple(fc.constant(w), entries(w))),
        ([width, list]) => {
          const back = decoded(encodeBase(list, width), width);
          expect(back).toHaveLength(list.length);
          back.forEach((e, i) => {
            const original = list[i] as BaseEntry;
            expect({ ...e, values: [] }).toEqual({ ...original, values: [] });
            // Object.is tells -0 from 0 and NaN from any other value: the doubles come back bit for bit.
            e.values.forEach((v, k) => {
              expect(Object.is(v, original.values[k]), `${v} ≠ ${original.values[k]}`).toBe(true);
            });
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads a base at any offset of a larger buffer, as Firestore hands it over", () => {
    const list: BaseEntry[] = [
      { code: "PIMMS-75-01", number: 3, territory: "QPV", values: [0.1 + 0.2, null, true, -0] },
      { code: "PIMMS-13-02", number: 1, territory: null, values: [1e-320, false, 2 ** 53 + 2, 7] },
    ];
    const bytes = encodeBase(list, 4);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const back = decoded(shifted.subarray(3), 4);
    expect(back.map((e) => e.code)).toEqual(["PIMMS-75-01", "PIMMS-13-02"]);
    expect(back[0]?.values[0]).toBe(0.1 + 0.2);
    expect(Object.is(back[0]?.values[3], -0)).toBe(true);
    expect(back[1]?.values).toEqual([1e-320, false, 2 ** 53 + 2, 7]);
    expect(back[1]?.territory).toBeNull();
  });

  it("refuses bytes of an unknown format rather than misreading them", () => {
    const bytes = encodeBase([], 8);
    bytes[0] = 2;
    expect(() => decodeBase(bytes)).toThrow(/format/);
  });
});
