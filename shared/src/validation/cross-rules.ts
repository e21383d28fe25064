// The cross-field rules of docs/domain.md (and a few plausibility warnings), each an error or a warning.
import { field, MEETINGS, OFFICERS, type PimmsReturn } from "../schema/index.ts";
import { roundCents } from "../values/field.ts";
import { formatDate, formatEur, formatNumber } from "../values/format.ts";
import type { CellLocator, Finding, Severity } from "./finding.ts";

/** Rounding tolerance on amounts (docs/domain.md: "de plus de 1 €"). */
const EURO_TOLERANCE = 1;

type Emit = (severity: Severity, key: string, message: string) => void;

const num = (ret: PimmsReturn, key: string): number | null => {
  const [section, id] = key.split(".") as [keyof PimmsReturn, string];
  const value = (ret[section] as Record<string, unknown>)[id];
  return typeof value === "number" ? value : null;
};
const label = (key: string) => `« ${field(key).label} »`;

/** "dont" parts against their total: above is an error, below a warning (an empty part counts as 0). */
function partsOfTotal(
  ret: PimmsReturn,
  emit: Emit,
  totalKey: string,
  partKeys: readonly string[],
  tolerance: number,
  show: (n: number) => string,
  aboveSeverity: Severity = "error",
): void {
  const total = num(ret, totalKey);
  const given = partKeys.map((k) => num(ret, k)).filter((p): p is number => p !== null);
  if (total === null || given.length === 0) return;
  const sum = given.reduce((a, b) => a + b, 0);
  // Compared in cents so that float sums of amounts cannot turn "exactly 1 €" into "more than 1 €".
  const gap = roundCents(sum - total);
  const names = partKeys.map((k) => field(k).label.replace(/^dont /, "")).join(", ");
  if (gap > tolerance) {
    emit(
      aboveSeverity,
      totalKey,
      `La somme des parts (${names}) vaut ${show(sum)} et dépasse ${label(totalKey)} (${show(total)}).`,
    );
  } else if (gap < -tolerance) {
    emit(
      "warning",
      totalKey,
      `La somme des parts (${names}) vaut ${show(sum)}, moins que ${label(totalKey)} (${show(total)}) : une part manque-t-elle ?`,
    );
  }
}

/** A part that may not exceed its whole (staff, FTE). */
function notAbove(
  ret: PimmsReturn,
  emit: Emit,
  partKey: string,
  wholeKey: string,
  severity: Severity = "error",
): void {
  const part = num(ret, partKey);
  const whole = num(ret, wholeKey);
  if (part === null || whole === null || part <= whole) return;
  emit(
    severity,
    partKey,
    `${label(partKey)} (${formatNumber(part, 2).replace(/,00$/, "")}) ne peut pas dépasser ${label(wholeKey)} (${formatNumber(whole, 2).replace(/,00$/, "")}).`,
  );
}

function governance(ret: PimmsReturn, emit: Emit): void {
  const year = num(ret, "identification.year");
  for (const meeting of MEETINGS) {
    const m = ret.governance[meeting.id];
    const dateKey = `governance.${meeting.id}.date`;
    if (m.date === null) {
      for (const officer of OFFICERS) {
        const presence = `governance.${meeting.id}.${officer.id}`;
        if (m[officer.id]) {
          emit(
            "error",
            presence,
            `${label(presence)} vaut Oui mais ${label(dateKey)} est vide : indiquez la date ou mettez Non.`,
          );
        }
      }
    } else if (year !== null) {
      const held = Number(m.date.slice(0, 4));
      if (held < year || held > year + 1) {
        emit(
          "warning",
          dateKey,
          `${label(dateKey)} (${formatDate(m.date)}) est inhabituelle pour l'exercice ${year} : les instances se tiennent en ${year} ou en ${year + 1}.`,
        );
      }
    }
  }
}

function finance(ret: PimmsReturn, emit: Emit): void {
  partsOfTotal(
    ret,
    emit,
    "finance.revenueTotal",
    ["finance.revenuePartners", "finance.revenuePublic", "finance.revenueOther"],
    EURO_TOLERANCE,
    formatEur,
  );
  partsOfTotal(
    ret,
    emit,
    "finance.chargesTotal",
    [
      "finance.chargesPersonnel",
      "finance.chargesOperating",
      "finance.chargesExternal",
      "finance.chargesOther",
    ],
    EURO_TOLERANCE,
    formatEur,
  );
  const revenue = num(ret, "finance.revenueTotal");
  const charges = num(ret, "finance.chargesTotal");
  const result = num(ret, "finance.netResult");
  if (revenue !== null && charges !== null && result !== null) {
    const expected = revenue - charges;
    if (Math.abs(roundCents(result - expected)) > EURO_TOLERANCE) {
      emit(
        "warning",
        "finance.netResult",
        `${label("finance.netResult")} (${formatEur(result)}) diffère de produits moins charges (${formatEur(expected)}).`,
      );
    }
  }
  const payroll = num(ret, "finance.grossPayroll");
  const personnel = num(ret, "finance.chargesPersonnel");
  if (payroll !== null && personnel !== null && payroll > personnel) {
    emit(
      "warning",
      "finance.grossPayroll",
      `${label("finance.grossPayroll")} (${formatEur(payroll)}) dépasse les charges de personnel (${formatEur(personnel)}) qui devraient l'inclure.`,
    );
  }
}

function social(ret: PimmsReturn, emit: Emit): void {
  notAbove(ret, emit, "social.mediators", "social.staffTotal");
  notAbove(ret, emit, "social.womenStaff", "social.staffTotal");
  notAbove(ret, emit, "social.fteMediators", "social.fteTotal");
  notAbove(ret, emit, "social.fteFrontDesk", "social.fteTotal");
  notAbove(ret, emit, "social.mediatorsFullTime", "social.mediators", "warning");
  notAbove(ret, emit, "social.trainingHours", "social.workedHours", "warning");
  partsOfTotal(
    ret,
    emit,
    "social.mediators",
    ["social.mediatorsCdi", "social.mediatorsCdd"],
    0,
    (n) => formatNumber(n),
    "warning",
  );
}

function activity(ret: PimmsReturn, emit: Emit): void {
  partsOfTotal(
    ret,
    emit,
    "activity.reasonsTotal",
    ["activity.reasonsPartners", "activity.reasonsNonPartners", "activity.reasonsDigital"],
    0,
    (n) => formatNumber(n),
  );
  const total = num(ret, "activity.reasonsTotal");
  const kinds = [
    "activity.reasonsInfo",
    "activity.reasonsMediation",
    "activity.reasonsLocalServices",
  ];
  const sum = kinds.map((k) => num(ret, k) ?? 0).reduce((a, b) => a + b, 0);
  if (total !== null && sum > total) {
    emit(
      "warning",
      "activity.reasonsTotal",
      `Les motifs par nature (information / conseil, médiation, services de proximité) totalisent ${formatNumber(sum)}, plus que ${label("activity.reasonsTotal")} (${formatNumber(total)}).`,
    );
  }
}

export function checkCrossRules(ret: PimmsReturn, cellOf: CellLocator): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (severity, key, message) =>
    findings.push({ severity, field: key, cell: cellOf(key), message });
  governance(ret, emit);
  finance(ret, emit);
  social(ret, emit);
  activity(ret, emit);
  return findings;
}
