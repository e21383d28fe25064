// The flattened schema: every field with its key, defined name and tab, and helpers to read and write returns.
import type { FieldValue, PimmsReturn } from "./return.ts";
import { SECTIONS } from "./sections.ts";
import type { Field, SectionId, SectionSpec } from "./types.ts";

export * from "./return.ts";
export * from "./sections.ts";
export * from "./types.ts";

export const SECTION_LIST: readonly SectionSpec[] = SECTIONS;

/** Every input of the return, in tab order then row order. */
export const FIELDS: readonly Field[] = SECTION_LIST.flatMap((section) =>
  section.fields.map((spec) => {
    const path = spec.id.split(".");
    return {
      ...spec,
      section: section.id,
      path,
      key: `${section.id}.${path.join(".")}`,
      name: `fld_${section.id}_${path.join("_")}`,
    };
  }),
);

const byKey = new Map(FIELDS.map((f) => [f.key, f]));

/** The field with this dotted key ("finance.chargesTotal"); throws on a typo, which is a programming error. */
export function field(key: string): Field {
  const found = byKey.get(key);
  if (!found) throw new Error(`Unknown field key: ${key}`);
  return found;
}

export function findField(key: string): Field | undefined {
  return byKey.get(key);
}

export function sectionOf(id: SectionId): SectionSpec {
  const found = SECTION_LIST.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown section: ${id}`);
  return found;
}

type Bag = Record<string, unknown>;

export function getValue(ret: PimmsReturn, f: Field): FieldValue {
  let node: unknown = (ret as unknown as Bag)[f.section];
  for (const part of f.path) node = (node as Bag | undefined)?.[part];
  return (node ?? null) as FieldValue;
}

export function setValue(ret: PimmsReturn, f: Field, value: FieldValue): void {
  let node = (ret as unknown as Bag)[f.section] as Bag;
  for (const part of f.path.slice(0, -1)) node = node[part] as Bag;
  node[f.path[f.path.length - 1] as string] = value;
}

/** The value an empty cell stands for: null, except presences which are "Non". */
export function emptyValue(f: Field): FieldValue {
  return f.emptyMeansNo ? false : null;
}

/** A return with every field present and empty. */
export function emptyReturn(): PimmsReturn {
  const ret: Bag = {};
  for (const section of SECTION_LIST) ret[section.id] = {};
  for (const f of FIELDS) {
    let node = ret[f.section] as Bag;
    for (const part of f.path.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Bag;
    }
    node[f.path[f.path.length - 1] as string] = emptyValue(f);
  }
  return ret as unknown as PimmsReturn;
}
