// docs/return.schema.json: the JSON Schema (2020-12) of a complete return, derived from the same schema data.
import { FIELDS, type Field, SECTION_LIST } from "../../src/index.ts";
import { EMAIL } from "../../src/validation/field-rules.ts";

type Json = { [key: string]: unknown };

function bounds(f: Field): Json {
  const out: Json = {};
  if (f.min !== undefined) out[f.exclusiveMin ? "exclusiveMinimum" : "minimum"] = f.min;
  else if (!f.signed) out.minimum = 0;
  if (f.max !== undefined) out.maximum = f.max;
  return out;
}

/** One field: its JSON type and field rules; null is allowed when the field is optional. */
function fieldSchema(f: Field): Json {
  const nullable = !f.required && !f.emptyMeansNo;
  const type = (t: string) => (nullable ? [t, "null"] : t);
  const base = { title: f.label, description: f.help };
  switch (f.type) {
    case "int":
      return { ...base, type: type("integer"), ...bounds(f) };
    case "dec":
    case "eur":
      return { ...base, type: type("number"), ...bounds(f) };
    case "bool":
      return { ...base, type: type("boolean") };
    case "date":
      return { ...base, type: type("string"), format: "date" };
    case "enum":
      return { ...base, enum: [...(f.options ?? []), ...(nullable ? [null] : [])] };
    case "email":
      return { ...base, type: type("string"), pattern: EMAIL.source };
    case "text":
      return { ...base, type: type("string"), pattern: f.pattern?.source ?? "\\S" };
  }
}

/** A closed object whose every property is required (docs/domain.md: a stored return has every field). */
const closed = (properties: Json, extra: Json = {}): Json => ({
  type: "object",
  ...extra,
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** Nests the fields of a section by path ("caValidation.date" under "caValidation"). */
function sectionSchema(fields: readonly Field[]): Json {
  const tree: Json = {};
  for (const f of fields) {
    let node = tree;
    for (const part of f.path.slice(0, -1)) {
      const child = (node[part] ?? {}) as Json;
      node[part] = child;
      node = child;
    }
    node[f.path[f.path.length - 1] as string] = fieldSchema(f);
  }
  const close = (node: Json): Json =>
    Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        "title" in (v as Json) ? v : closed(close(v as Json)),
      ]),
    );
  return close(tree);
}

export function returnJsonSchema(): Json {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    ...closed(
      Object.fromEntries(
        SECTION_LIST.map((s) => [
          s.id,
          closed(sectionSchema(FIELDS.filter((f) => f.section === s.id)), { title: s.tab }),
        ]),
      ),
      {
        title: "Retour du Baromètre des PIMMS",
        description:
          "Les données d'une structure pour un exercice, produites par npm run docs à partir du schéma. Un retour valide ici respecte chaque règle de champ ; les règles entre champs (sommes des parts, présences sans date…) sont vérifiées par le Baromètre.",
      },
    ),
  };
}
