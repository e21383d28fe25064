// fast-check generators of returns: well-typed ones with awkward figures, and JSON broken in every way.
import fc from "fast-check";
import {
  emptyReturn,
  FIELDS,
  type Field,
  type FieldValue,
  type PimmsReturn,
  setValue,
} from "../../src/index.ts";
import { sampleReturn } from "./sample-return.ts";

/** Figures that stress indicators: zeros, negatives, tiny and huge magnitudes, plus ordinary ones. */
export const awkwardNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 9, 1e-300, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.integer({ min: -1_000, max: 2_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const isoDay = fc
  .date({
    min: new Date(Date.UTC(2000, 0, 1)),
    max: new Date(Date.UTC(2030, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

function arbitraryValue(f: Field): fc.Arbitrary<FieldValue> {
  switch (f.type) {
    case "int":
    case "dec":
    case "eur":
      return awkwardNumber;
    case "bool":
      return fc.boolean();
    case "date":
      return isoDay;
    case "enum":
      return fc.constantFrom(...(f.options ?? []), "Autre");
    case "email":
      return fc.constantFrom("direction@pimms.example", "pas une adresse");
    case "text":
      return fc.oneof(fc.constantFrom("PIMMS-TEST", "pimms test"), fc.string());
  }
}

/** Any return whose values have the right JSON types: each field is empty or of its type. */
export const typedReturn: fc.Arbitrary<PimmsReturn> = fc
  .tuple(...FIELDS.map((f) => fc.option(arbitraryValue(f), { nil: null, freq: 4 })))
  .map((values) => {
    const ret = emptyReturn();
    FIELDS.forEach((f, i) => {
      const v = values[i] as FieldValue;
      setValue(ret, f, v === null && f.emptyMeansNo ? false : v);
    });
    return ret;
  });

/** The valid sample with one to three fields given another value of their type: often still valid, often not. */
export const nearlyValidReturn: fc.Arbitrary<PimmsReturn> = fc
  .array(
    fc
      .constantFrom(...FIELDS)
      .chain((f) => fc.tuple(fc.constant(f), fc.option(arbitraryValue(f), { nil: null }))),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((changes) => {
    const ret = sampleReturn();
    for (const [f, v] of changes) setValue(ret, f, v === null && f.emptyMeansNo ? false : v);
    return ret;
  });

type Bag = Record<string, unknown>;
const SECTIONS = ["identification", "governance", "finance", "social", "activity", "network"];

/** One way of breaking a JSON return: a field, a meeting or a whole section replaced by anything or removed. */
const mutation = fc.oneof(
  fc.record({
    key: fc.constantFrom(...FIELDS.map((f) => f.key)),
    value: fc.option(fc.jsonValue(), { nil: undefined }),
  }),
  fc.record({
    key: fc.constantFrom(
      ...SECTIONS,
      "governance.caValidation",
      "governance.agCloture",
      "governance.caOrientation",
    ),
    value: fc.option(fc.anything(), { nil: undefined }),
  }),
);

function apply(json: Bag, key: string, value: unknown): void {
  const parts = key.split(".");
  let node: unknown = json;
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== "object") return;
    node = (node as Bag)[part];
  }
  if (node === null || typeof node !== "object") return;
  const last = parts[parts.length - 1] as string;
  if (value === undefined) delete (node as Bag)[last];
  else (node as Bag)[last] = value;
}

/** Any JSON at all: random values, or a real return broken by a handful of mutations. */
export const brokenJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  typedReturn,
  nearlyValidReturn,
  fc.array(mutation, { minLength: 1, maxLength: 12 }).map((mutations) => {
    const json = JSON.parse(JSON.stringify(sampleReturn())) as Bag;
    for (const m of mutations) apply(json, m.key, m.value);
    return json;
  }),
);
