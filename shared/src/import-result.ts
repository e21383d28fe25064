// What reading a workbook gives, whatever its layout: the return, the findings, and where each field was found.
import type { PimmsReturn } from "./schema/index.ts";
import type { Finding } from "./validation/finding.ts";

export interface ImportResult {
  ret: PimmsReturn;
  /** Every finding: fields not found, values that do not parse, rules broken, unknown labels. */
  findings: Finding[];
  /** The A1 reference ("'Finances'!D12") of the cell each field was read from, by field key. */
  cells: Record<string, string>;
}
