// Verification of the open workbook: the return it holds, its findings, completeness, indicators and whether it may be sent.
import {
  computeIndicators,
  findPreparedTabs,
  type ImportResult,
  type IndicatorKey,
  type Indicators,
  importWorkbook,
  type PimmsReturn,
  type PreparedTab,
  plural,
  sortFindings,
  standings,
} from "@barometre/shared";
import { completeness } from "./completeness.ts";
import { findingView } from "./finding-view.ts";
import { indicatorGroups } from "./indicator-view.ts";
import { storedLastNetwork } from "./last-network.ts";
import { lastSubmission } from "./last-submission.ts";
import type { Verification } from "./panel-types.ts";
import type { ReadWorkbook } from "./read-workbook.ts";

export interface CheckedWorkbook {
  read: ReadWorkbook;
  /** The validated tabs found by their marker. */
  prepared: PreparedTab[];
  result: ImportResult;
  verification: Verification;
}

function refusal(
  prepared: boolean,
  errors: number,
  filled: number,
  required: number,
): string | null {
  if (!prepared) {
    return "Le classeur n'est pas encore préparé : choisissez d'abord « Préparer le classeur ».";
  }
  const missing = required - filled;
  if (errors === 0 && missing === 0) return null;
  const parts: string[] = [];
  if (errors > 0) parts.push(`${plural(errors, "erreur")} à corriger`);
  if (missing > 0) parts.push(`${plural(missing, "champ obligatoire")} à remplir`);
  return `Envoi impossible pour l'instant : ${parts.join(" et ")}.`;
}

/**
 * Where each value would stand in the last closed campaign's network, while nothing has been sent for this
 * campaign: once sent, the campaign's own positioning replaces it.
 */
function beforeSending(
  id: PimmsReturn["identification"],
  indicators: Indicators,
): Partial<Record<IndicatorKey, string>> {
  if (typeof id.year !== "number") return {};
  const sent = lastSubmission();
  if (sent && sent.year === id.year && sent.structureCode === id.structureCode) return {};
  const last = storedLastNetwork(id.year);
  return last ? standings(last, indicators) : {};
}

/** importWorkbook reads the validated tabs once the workbook is prepared, the legacy tabs before. */
export function checkWorkbook(read: ReadWorkbook): CheckedWorkbook {
  const prepared = findPreparedTabs(read.grid);
  const result = importWorkbook(read.grid);
  const findings = sortFindings(result.findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  const { filled, required, shown } = completeness(result.ret);
  const id = result.ret.identification;
  const indicators = computeIndicators(result.ret);
  return {
    read,
    prepared,
    result,
    verification: {
      structure:
        [id.structureName ?? id.structureCode, id.year].filter((x) => x !== null).join(" · ") ||
        null,
      prepared: prepared.length > 0,
      findings: findings.map((f) => findingView(f)),
      errors,
      warnings: findings.length - errors,
      required,
      filled,
      completeness: shown,
      indicators: indicatorGroups(indicators, beforeSending(id, indicators)),
      refusal: refusal(prepared.length > 0, errors, filled, required),
    },
  };
}
