// Builds the whole workbook plan from the schema and the indicator definitions, pre-filled from a return.
import { type BandSettings, INDICATORS, indicatorName } from "../indicators/index.ts";
import { FIELDS, type PimmsReturn, SECTION_LIST } from "../schema/index.ts";
import { governanceTab } from "./governance-tab.ts";
import { INDICATOR_COLS, indicatorRow, indicatorsTab } from "./indicators-tab.ts";
import { inputPosition, PLAN_VERSION } from "./layout.ts";
import { positioningTab } from "./positioning-tab.ts";
import { sectionTab } from "./section-tab.ts";
import { planTabNames } from "./tab-names.ts";
import type { NamedCell, TabPlan, WorkbookPlan } from "./types.ts";

export interface PlanOptions {
  /** The campaign's bands; indicators left out keep their defaults. */
  bands?: BandSettings;
  /** Names of the workbook's other tabs: a validated tab never takes one of them (see planTabNames). */
  occupied?: readonly string[];
}

export function buildWorkbookPlan(
  ret: PimmsReturn | null,
  options: PlanOptions = {},
): WorkbookPlan {
  const names = planTabNames(options.occupied);
  const tabs: TabPlan[] = [
    ...SECTION_LIST.map((section) =>
      section.id === "governance"
        ? governanceTab(names.governance, ret)
        : sectionTab(section, names[section.id], ret),
    ),
    indicatorsTab(names.indicators, options.bands),
    positioningTab(names.positioning),
  ];
  const named: NamedCell[] = [
    ...FIELDS.map((f) => {
      const at = inputPosition(f);
      return { name: f.name, tab: names[at.kind], row: at.row, col: at.col };
    }),
    ...INDICATORS.map((def) => ({
      name: indicatorName(def.key),
      tab: names.indicators,
      row: indicatorRow(def),
      col: INDICATOR_COLS.value,
    })),
  ];
  return { version: PLAN_VERSION, tabs, names: named };
}
