// Groups indicator keys as the Union's eight indicators: #2 with 2', #5 with its shares and changes, #6 with its two ratios.
import { type IndicatorKey, indicator } from "../indicators/definitions.ts";

/** Titles of the indicators whose keys do not share one name. */
const TITLES: Partial<Record<string, string>> = {
  "5": "Répartition des motifs",
  "6": "Fréquentation et motifs journaliers par ETP",
};

export interface Section<T> {
  number: string;
  title: string;
  entries: T[];
}

/** Entries in indicator order, grouped by their number without the prime ("2'" goes with "2"). */
export function sectionsOf<T extends { key: IndicatorKey }>(entries: readonly T[]): Section<T>[] {
  const sections: Section<T>[] = [];
  for (const entry of entries) {
    const def = indicator(entry.key);
    const number = def.number.replace("'", "");
    const last = sections[sections.length - 1];
    if (last?.number === number) last.entries.push(entry);
    else sections.push({ number, title: TITLES[number] ?? def.name, entries: [entry] });
  }
  return sections;
}
