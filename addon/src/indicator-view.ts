// The indicators as the sidebar shows them: grouped as the Union's eight, each value formatted and its band named.
import {
  formatIndicatorValue,
  INDICATORS,
  type IndicatorKey,
  type Indicators,
  STATUS_COLOURS,
  STATUS_LABELS,
} from "@barometre/shared";
import type { IndicatorGroup } from "./panel-types.ts";

/** 2' (months of charges) is shown with 2: the Union counts eight indicators. */
const groupOf = (number: string) => number.replace(/'$/, "");

/** `standings`: where each value would stand in the last closed campaign's network, before it is sent. */
export function indicatorGroups(
  indicators: Indicators,
  standings: Partial<Record<IndicatorKey, string>> = {},
): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  for (const def of INDICATORS) {
    const result = indicators[def.key];
    const colours = result.status ? STATUS_COLOURS[result.status] : null;
    const line = {
      key: def.key,
      name: def.name,
      value: formatIndicatorValue(def.key, result.value),
      reason: result.reason,
      band: result.status ? STATUS_LABELS[result.status] : null,
      background: colours?.background ?? null,
      fontColor: colours?.fontColor ?? null,
      standing: standings[def.key] ?? null,
    };
    const number = groupOf(def.number);
    const last = groups[groups.length - 1];
    if (last?.number === number) last.lines.push(line);
    else groups.push({ number, lines: [line] });
  }
  return groups;
}
