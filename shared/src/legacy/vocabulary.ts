// What the legacy reader recognises, all derived from the schema: field labels, tabs, meetings and grid headers.
import { INDICATORS } from "../indicators/definitions.ts";
import {
  FIELDS,
  type Field,
  MEETINGS,
  type MeetingId,
  OFFICERS,
  type OfficerId,
  SECTION_LIST,
  type SectionId,
} from "../schema/index.ts";
import { fold } from "../values/parse.ts";
import { normaliseLabel, normaliseTabName } from "./normalise.ts";

/** The tabs the Baromètre computes itself: never read as data, their labels never reported. */
const COMPUTED_TABS = ["Indicateurs", "Positionnement"];

function indexBy<T>(entries: [string, T][]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  // The first spelling wins; schema tests guarantee no two fields share a normalised label.
  for (const [text, value] of entries) {
    const key = normaliseLabel(text);
    if (key !== "" && !map.has(key)) map.set(key, value);
  }
  return map;
}

/** Every field by its normalised label and synonyms (governance fields included, for label/value rows). */
export const FIELD_BY_LABEL = indexBy<Field>(
  FIELDS.flatMap((f) => [f.label, ...(f.synonyms ?? [])].map((t): [string, Field] => [t, f])),
);

/** The rows of the governance grid: each meeting by its label and synonyms. */
export const MEETING_BY_LABEL = indexBy<MeetingId>(
  MEETINGS.flatMap((m) => [m.label, ...m.synonyms].map((t): [string, MeetingId] => [t, m.id])),
);

export type GridColumn = OfficerId | "date";

/** The columns of the governance grid: the officers by label and synonyms, and the meeting date. */
export const GRID_COLUMN_BY_HEADER = indexBy<GridColumn>([
  ...OFFICERS.flatMap((o) => [o.label, ...o.synonyms].map((t): [string, GridColumn] => [t, o.id])),
  ["Date", "date"],
  ["Date de l'instance", "date"],
  ["Date de la réunion", "date"],
]);

const SECTION_BY_TAB = new Map<string, SectionId>(
  SECTION_LIST.flatMap((s) =>
    s.tabAliases.map((a): [string, SectionId] => [normaliseTabName(a), s.id]),
  ),
);
const COMPUTED = COMPUTED_TABS.map(normaliseTabName);

export type SheetRole = SectionId | "computed" | null;

/** The section a tab holds by its name, "computed" for the Baromètre's own tabs, null for any other name. */
export function sheetRole(name: string): SheetRole {
  const normalised = normaliseTabName(name);
  if (COMPUTED.some((c) => normalised === c || normalised.startsWith(`${c} `))) return "computed";
  return SECTION_BY_TAB.get(normalised) ?? null;
}

/** Words that read like labels but are the Baromètre's own vocabulary: never reported as unknown. */
export const OWN_WORDS: ReadonlySet<string> = new Set(
  [
    ...INDICATORS.map((d) => d.name),
    ...COMPUTED_TABS,
    ...SECTION_LIST.flatMap((s) => s.tabAliases),
    ...MEETING_BY_LABEL.keys(),
    ...GRID_COLUMN_BY_HEADER.keys(),
  ].map(normaliseLabel),
);

/** Units that sometimes sit between a label and its value ("€", "ETP", "jours"): skipped when looking for the value. */
export const UNIT_WORDS: ReadonlySet<string> = new Set(
  ["€", "eur", "euros", "en €", "%", ...FIELDS.flatMap((f) => (f.unit ? [f.unit] : []))].map(fold),
);
