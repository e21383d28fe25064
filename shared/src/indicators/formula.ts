// The same indicators as live sheet formulas over the fld_ defined names, showing "non calculable : …" instead of errors.
import { field } from "../schema/index.ts";
import { STATUS_LABELS } from "./bands.ts";
import { type Bands, INDICATORS, type IndicatorDef, type IndicatorKey } from "./definitions.ts";
import { guardFailsFormula, guardReason, type Ref, toFormula } from "./expr.ts";

export const NOT_COMPUTABLE = "non calculable : ";

/** Workbook-level defined name of an indicator's cell in the Indicateurs tab. */
export const indicatorName = (key: IndicatorKey): string => `ind_${key}`;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Refers to a field through its defined name. */
export const byName: Ref = (key) => field(key).name;

/** The formula of an indicator's value cell (without the leading "="). */
export function indicatorFormula(def: IndicatorDef, ref: Ref = byName): string {
  const value =
    def.value.k === "bool"
      ? `IF(${ref(def.value.key)}="Oui","Oui","Non")`
      : toFormula(def.value, ref);
  const guarded = [...def.guards]
    .reverse()
    .reduce(
      (inner, g) =>
        `IF(${guardFailsFormula(g, ref)},${quote(NOT_COMPUTABLE + guardReason(g))},${inner})`,
      value,
    );
  return `IFERROR(${guarded},${quote(`${NOT_COMPUTABLE}calcul impossible avec les données saisies`)})`;
}

/**
 * The formula of an indicator's status cell: the French band name, from the value cell and the two
 * threshold cells (so the Union can change a campaign's bands by writing cells, not formulas).
 */
export function statusFormula(
  bands: Bands,
  valueRef: string,
  greenRef: string,
  orangeRef: string,
): string {
  const g = STATUS_LABELS;
  if (bands.kind === "boolean") {
    return `IF(${valueRef}="Oui",${quote(g.green)},IF(${valueRef}="Non",${quote(g.red)},""))`;
  }
  const cmp = (op: string, ref: string) => `${valueRef}${op}${ref}`;
  return `IF(ISNUMBER(${valueRef}),IF(${cmp(bands.green.op, greenRef)},${quote(g.green)},IF(${cmp(bands.orange.op, orangeRef)},${quote(g.orange)},${quote(g.red)})),"")`;
}

export function allIndicatorFormulas(ref: Ref = byName): Record<IndicatorKey, string> {
  return Object.fromEntries(INDICATORS.map((d) => [d.key, indicatorFormula(d, ref)])) as Record<
    IndicatorKey,
    string
  >;
}
