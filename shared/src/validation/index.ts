// Validation of a return: every field rule and every cross-field rule, as findings.
import type { PimmsReturn } from "../schema/index.ts";
import { checkCrossRules } from "./cross-rules.ts";
import { checkFields } from "./field-rules.ts";
import { type CellLocator, type Finding, noCells } from "./finding.ts";

export * from "./coerce.ts";
export * from "./finding.ts";

export function validateReturn(ret: PimmsReturn, cellOf: CellLocator = noCells): Finding[] {
  return [...checkFields(ret, cellOf), ...checkCrossRules(ret, cellOf)];
}
