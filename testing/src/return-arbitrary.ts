// fast-check returns over the whole schema, rich in empty, zero and boundary values so every "non calculable" path is hit.
import {
  emptyReturn,
  FIELDS,
  type Field,
  type FieldValue,
  isoDate,
  type PimmsReturn,
  setValue,
} from "@barometre/shared";
import fc from "fast-check";

/** Empty often enough that every guard of every indicator fails in some runs. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: arb, weight: 5 });

/** Cents, as amounts are typed; sometimes exactly zero. */
const amount = (signed: boolean) =>
  fc
    .oneof(
      { arbitrary: fc.constant(0), weight: 1 },
      { arbitrary: fc.integer({ min: signed ? -50_000_000 : 0, max: 200_000_000 }), weight: 6 },
    )
    .map((cents) => cents / 100);

const day = fc
  .record({
    y: fc.integer({ min: 2015, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => isoDate(y, m, d) as string);

function arbitraryValue(f: Field): fc.Arbitrary<FieldValue> {
  switch (f.type) {
    case "int":
      // Zero even below a field's minimum: a return may break its rules and must still compute.
      return maybe(
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: f.min ?? 0, max: f.max ?? 60_000 }),
          fc.integer({ min: 0, max: 40 }),
        ),
      );
    case "dec":
      return maybe(
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 5_000 }).map((n) => n / 100),
        ),
      );
    case "eur":
      return maybe(amount(f.signed === true));
    case "bool":
      return f.emptyMeansNo ? fc.boolean() : maybe(fc.boolean());
    case "date":
      return maybe(day);
    case "enum":
      return maybe(fc.constantFrom(...(f.options ?? [])));
    case "email":
      return maybe(fc.constantFrom("direction@pimms.example", "tresorier@pimms.example"));
    case "text":
      return maybe(
        f.upperCase
          ? fc.stringMatching(/^PIMMS-[A-Z0-9]{3,10}$/)
          : fc.constantFrom("PIMMS Test", "Association « L'Accueil »", "Médiation & Co"),
      );
  }
}

const EXITS = FIELDS.filter((f) => f.section === "social" && f.id.startsWith("exits"));
const GOVERNANCE = FIELDS.filter((f) => f.section === "governance");

/** Any return the schema allows, plus many it rejects (empty required fields, zeros). */
export const returnArbitrary: fc.Arbitrary<PimmsReturn> = fc
  .tuple(
    fc.tuple(...FIELDS.map(arbitraryValue)),
    // Whole-group shapes that independent fields almost never produce.
    fc.constantFrom("mixed", "mixed", "mixed", "noExits", "fullGovernance"),
    day,
  )
  .map(([values, variant, date]) => {
    const ret = emptyReturn();
    FIELDS.forEach((f, i) => {
      setValue(ret, f, values[i] ?? null);
    });
    if (variant === "noExits") for (const f of EXITS) setValue(ret, f, null);
    if (variant === "fullGovernance") {
      for (const f of GOVERNANCE) setValue(ret, f, f.type === "date" ? date : true);
    }
    return ret;
  });
