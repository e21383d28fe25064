// The named table of transparent mode: every structure's headline indicators with their bands written out.
import { STATUS_LABELS } from "../indicators/bands.ts";
import { type IndicatorKey, indicator } from "../indicators/definitions.ts";
import { formatIndicatorValue } from "../indicators/display.ts";
import type { NamedIndicators, NamedTable } from "./types.ts";

/** One column per Union indicator that fits a page width (the #5 mix stays in each structure's own section). */
const COLUMNS: readonly IndicatorKey[] = [
  "governanceRegularity",
  "financialBalance",
  "monthsOfCharges",
  "trainingRate",
  "positiveExitRate",
  "dailyVisitorsPerFte",
  "dailyReasonsPerFte",
  "certificationInPlan",
  "eventParticipants",
];

export function namedTable(
  structures: readonly NamedIndicators[],
  highlightCode: string | null,
  caption: string,
): NamedTable {
  const sorted = [...structures].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return {
    caption,
    head: ["Structure", ...COLUMNS.map((k) => `${indicator(k).number}. ${indicator(k).name}`)],
    rows: sorted.map((s) => ({
      cells: [
        `${s.name} (${s.code})`,
        ...COLUMNS.map((k) => {
          const { value, status } = s.indicators[k];
          const text = formatIndicatorValue(k, value);
          return status ? `${text} (${STATUS_LABELS[status]})` : text;
        }),
      ],
      statuses: [null, ...COLUMNS.map((k) => s.indicators[k].status)],
      highlight: s.code === highlightCode,
    })),
  };
}
