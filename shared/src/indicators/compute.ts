// The reference TypeScript engine: every indicator of a return, with its band or the reason it is not computable.
import type { PimmsReturn } from "../schema/index.ts";
import { field, getValue } from "../schema/index.ts";
import { type BandSettings, bandsFor, type Status, statusOf } from "./bands.ts";
import { INDICATORS, type IndicatorDef, type IndicatorKey } from "./definitions.ts";
import { evaluate, failedGuard } from "./expr.ts";

export interface IndicatorResult {
  value: number | boolean | null;
  status: Status | null;
  reason: string | null;
}

export type Indicators = Record<IndicatorKey, IndicatorResult>;

export function computeIndicator(
  def: IndicatorDef,
  ret: PimmsReturn,
  bands: BandSettings = {},
): IndicatorResult {
  const reason = failedGuard(def.guards, ret);
  if (reason) return { value: null, status: null, reason };
  let value: number | boolean | null;
  if (def.value.k === "bool") {
    const v = getValue(ret, field(def.value.key));
    value = typeof v === "boolean" ? v : null;
  } else {
    const n = evaluate(def.value, ret);
    value = Number.isFinite(n) ? n : null;
  }
  if (value === null)
    return { value: null, status: null, reason: "Calcul impossible avec les données saisies" };
  return { value, status: statusOf(bandsFor(def.key, bands), value), reason: null };
}

export function computeIndicators(ret: PimmsReturn, bands: BandSettings = {}): Indicators {
  const out = {} as Indicators;
  for (const def of INDICATORS) out[def.key] = computeIndicator(def, ret, bands);
  return out;
}

/** A structure is fragile on the indicators in the red band. */
export const isFragile = (status: Status | null): boolean => status === "red";

/** The indicators in the red band: the structure is fragile on these. */
export function fragileKeys(indicators: Indicators): IndicatorKey[] {
  const fragile: IndicatorKey[] = [];
  for (const def of INDICATORS) if (isFragile(indicators[def.key].status)) fragile.push(def.key);
  return fragile;
}
