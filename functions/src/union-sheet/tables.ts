// The tabs of the Union's consolidated sheet for a campaign, as rows of cells: structures, network statistics,
// and the fragile structures of each indicator.
import {
  bandsFor,
  formatIndicatorValue,
  formatUnitValue,
  type GroupIndex,
  INDICATORS,
  type IndicatorDef,
  isSuppressed,
  REVIEW_STATE_CELLS,
  STATUS_LABELS,
  suppressionSentence,
  UNIT_FORMATS,
} from "@barometre/shared";
import { attestationWords, explanationWords } from "../export/rows.ts";
import type { StoredRevision } from "../storage/revisions.ts";
import { parisTime } from "../util/paris-time.ts";
import { type CampaignGroups, extraGroupRows } from "./peer-groups.ts";

export type Cell = string | number;

export interface SheetTab {
  /** Also the key of the tab's extent in the sync state. */
  kind: "structures" | "network" | "fragile" | "peers" | "status" | "followups";
  title: string;
  /** The number format of each column (undefined: as written), applied when the tab is created. */
  formats: (string | undefined)[];
  /** The header row first. */
  rows: Cell[][];
}

/** Indicators with bands get a band column beside their value. */
const BANDED = INDICATORS.filter((d) => bandsFor(d.key) !== null);

function indicatorCells(def: IndicatorDef, r: StoredRevision): Cell[] {
  const { value, status } = r.indicators[def.key];
  const cell: Cell =
    value === null
      ? "non calculable"
      : typeof value === "boolean"
        ? value
          ? "Oui"
          : "Non"
        : value;
  return BANDED.includes(def) ? [cell, status ? STATUS_LABELS[status] : ""] : [cell];
}

/** The directory's name of the structure, else its return's. */
export const nameOf = (r: StoredRevision, names: ReadonlyMap<string, string>): string =>
  names.get(r.structureCode) ?? r.payload.identification.structureName ?? "";

/** A structure's row of the Structures tab (also what its data export shows of the sheet). */
export function structureRow(r: StoredRevision, directoryName: string | undefined): Cell[] {
  return [
    r.structureCode,
    directoryName ?? r.payload.identification.structureName ?? "",
    r.territory ?? "",
    r.number,
    parisTime.format(r.submittedAt.toDate()),
    r.submittedBy,
    REVIEW_STATE_CELLS[r.review.state],
    INDICATORS.filter((d) => r.indicators[d.key].status === "red").length,
    ...INDICATORS.flatMap((def) => indicatorCells(def, r)),
    attestationWords(r),
    explanationWords(r),
  ];
}

function structuresTab(
  year: number,
  latest: readonly StoredRevision[],
  names: ReadonlyMap<string, string>,
): SheetTab {
  const head = [
    "Code",
    "Structure",
    "Type de territoire",
    "Révision",
    "Transmise le",
    "Transmise par",
    "Revue de l'Union",
    "Indicateurs en bande rouge",
  ];
  const formats: (string | undefined)[] = head.map(() => undefined);
  for (const def of INDICATORS) {
    head.push(`${def.number}. ${def.name}`);
    formats.push(UNIT_FORMATS[def.unit]);
    if (BANDED.includes(def)) {
      head.push(`Bande ${def.number}. ${def.name}`);
      formats.push(undefined);
    }
  }
  head.push("Attestée par", "Explications de la structure");
  formats.push(undefined, undefined);
  const rows = latest.map((r) => structureRow(r, names.get(r.structureCode)));
  return { kind: "structures", title: `Structures ${year}`, formats, rows: [head, ...rows] };
}

/** One group's line for an indicator: its statistics, its share of Oui, or why they are not shown. */
function statsRow(def: IndicatorDef, label: string, group: GroupIndex, min: number): Cell[] {
  const line = (n: number, stats: Cell[], share: Cell, note: Cell): Cell[] => [
    `${def.number}. ${def.name}`,
    label,
    group.size,
    n,
    ...(stats.length ? stats : ["", "", "", "", "", ""]),
    share,
    note,
  ];
  if (def.unit === "bool") {
    const share = group.yesShare[def.key] ?? null;
    const answered = group.answered[def.key] ?? 0;
    return share === null
      ? line(answered, [], "", suppressionSentence(answered, min))
      : line(answered, [], formatUnitValue("percent", share), "");
  }
  const s = group.stats[def.key];
  if (isSuppressed(s)) return line(s.n, [], "", suppressionSentence(s.n, min));
  const shown = [s.min, s.q1, s.median, s.q3, s.max, s.mean].map((v) =>
    formatUnitValue(def.unit, v),
  );
  return line(s.n, shown, "", "");
}

/** The network, its territories, size groups and custom sets, with their extremes: the Union sees every value. */
function networkTab(year: number, campaign: CampaignGroups, minGroupSize: number): SheetTab {
  const { index } = campaign;
  const groups: [string, GroupIndex][] = [
    ["Réseau", index.network],
    ...index.groups,
    ...extraGroupRows(campaign),
  ];
  const head = [
    "Indicateur",
    "Groupe",
    "Structures",
    "Valeurs",
    "Minimum",
    "Q1",
    "Médiane",
    "Q3",
    "Maximum",
    "Moyenne",
    "Part de Oui",
    "Remarque",
  ];
  const rows = INDICATORS.flatMap((def) =>
    groups.map(([label, g]) => statsRow(def, label, g, minGroupSize)),
  );
  return {
    kind: "network",
    title: `Réseau ${year}`,
    formats: head.map(() => undefined),
    rows: [head, ...rows],
  };
}

function fragileTab(
  year: number,
  latest: readonly StoredRevision[],
  names: ReadonlyMap<string, string>,
): SheetTab {
  const head = ["Indicateur", "Code", "Structure", "Type de territoire", "Valeur", "Révision"];
  const byName = [...latest].sort((a, b) =>
    (names.get(a.structureCode) ?? a.structureCode).localeCompare(
      names.get(b.structureCode) ?? b.structureCode,
      "fr",
    ),
  );
  const rows = INDICATORS.flatMap((def) =>
    byName
      .filter((r) => r.indicators[def.key].status === "red")
      .map((r): Cell[] => [
        `${def.number}. ${def.name}`,
        r.structureCode,
        names.get(r.structureCode) ?? r.structureCode,
        r.territory ?? "",
        formatIndicatorValue(def.key, r.indicators[def.key].value),
        r.number,
      ]),
  );
  return {
    kind: "fragile",
    title: `Fragilités ${year}`,
    formats: head.map(() => undefined),
    rows: [head, ...rows],
  };
}

/**
 * `latest` in structure-code order, `groups` computed from it; `names` the directory's names (the return's name is
 * used otherwise).
 */
export function unionSheetTabs(
  year: number,
  latest: readonly StoredRevision[],
  groups: CampaignGroups,
  names: ReadonlyMap<string, string>,
  minGroupSize: number,
): SheetTab[] {
  return [
    structuresTab(year, latest, names),
    networkTab(year, groups, minGroupSize),
    fragileTab(year, latest, names),
  ];
}
