// The Union's consolidation-sheet alternative: the benchmark's statistics and mid-rank percentiles as spreadsheet
// formulas (COUNT, MIN, QUARTILE, MEDIAN, MAX, AVERAGE, COUNTIF), evaluated by HyperFormula, and compared with ours.
import {
  type Benchmark,
  columnLetter,
  type IndicatorKey,
  isSuppressed,
  type Member,
  memberValue,
  NUMERIC_INDICATOR_KEYS,
} from "@barometre/shared";
import { type CellValue, HyperFormula, type RawCellContent } from "hyperformula";

const NETWORK_SHEET = "Réseau";
const STATS_SHEET = "Statistiques";
const POSITIONS_SHEET = "Positions";
const KEYS = NUMERIC_INDICATOR_KEYS;
/** The columns of the statistics sheet, in the order of the formulas below. */
const STATISTICS = ["n", "min", "q1", "median", "q3", "max", "mean"] as const;
type Statistic = (typeof STATISTICS)[number];

export type FormulaSheets = Record<string, RawCellContent[][]>;

export interface FormulaBenchmark {
  /** Per group (NETWORK_SHEET, then each territory), per indicator: each statistic, or the engine's error text. */
  groups: Record<string, Record<IndicatorKey, Record<Statistic, CellValue>>>;
  /** Per sampled structure code, per indicator. */
  positions: Record<
    string,
    Record<IndicatorKey, { percentileRank: CellValue; quartile: CellValue }>
  >;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const cell = (sheet: string, row: number, col: number, fixed = false) =>
  `${quote(sheet)}!${fixed ? "$" : ""}${columnLetter(col)}${fixed ? "$" : ""}${row + 1}`;
const column = (sheet: string, k: number, rows: number) =>
  `${cell(sheet, 0, k, true)}:$${columnLetter(k)}$${Math.max(rows, 1)}`;

/** The network first, then each territory in French order: one sheet of values each, as the Union would filter them. */
function groupsOf(members: readonly Member[]): [string, Member[]][] {
  const byTerritory = new Map<string, Member[]>();
  for (const m of members) {
    if (m.territory === null) continue;
    const list = byTerritory.get(m.territory);
    if (list) list.push(m);
    else byTerritory.set(m.territory, [m]);
  }
  const territories = [...byTerritory.keys()].sort((a, b) => a.localeCompare(b, "fr"));
  return [
    [NETWORK_SHEET, [...members]],
    ...territories.map((t): [string, Member[]] => [t, byTerritory.get(t) as Member[]]),
  ];
}

const statisticFormulas = (range: string): string[] => [
  `=COUNT(${range})`,
  `=MIN(${range})`,
  `=QUARTILE(${range},1)`,
  `=MEDIAN(${range})`,
  `=QUARTILE(${range},3)`,
  `=MAX(${range})`,
  `=AVERAGE(${range})`,
];

/** Mid-rank percentile and quartile band of the network row `row`, against the network's statistics. */
function positionFormulas(row: number, k: number, rows: number): string[] {
  const v = cell(NETWORK_SHEET, row, k);
  const range = column(NETWORK_SHEET, k, rows);
  const stat = (s: Statistic) => cell(STATS_SHEET, k, STATISTICS.indexOf(s), true);
  return [
    `=IF(ISNUMBER(${v}),100*(COUNTIF(${range},"<"&${v})+COUNTIF(${range},${v})/2)/${stat("n")},"")`,
    `=IF(ISNUMBER(${v}),IF(${v}<=${stat("q1")},1,IF(${v}<=${stat("median")},2,IF(${v}<=${stat("q3")},3,4))),"")`,
  ];
}

/** The workbook: one sheet of values per group, a statistics sheet, and the positions of the sampled network rows. */
export function formulaSheets(
  members: readonly Member[],
  sampledRows: readonly number[],
): FormulaSheets {
  const sheets: FormulaSheets = {};
  const stats: RawCellContent[][] = [];
  for (const [name, group] of groupsOf(members)) {
    sheets[name] = group.map((m) => KEYS.map((key) => memberValue(m, key)));
    KEYS.forEach((_, k) => {
      stats.push(statisticFormulas(column(name, k, group.length)));
    });
  }
  sheets[STATS_SHEET] = stats;
  sheets[POSITIONS_SHEET] = sampledRows.map((row) =>
    KEYS.flatMap((_, k) => positionFormulas(row, k, members.length)),
  );
  return sheets;
}

/**
 * Builds the workbook, which makes HyperFormula evaluate every formula, and reads the results back. Numbers are
 * compared exactly (precisionEpsilon 0) and returned unrounded, as our statistics are.
 */
export function evaluateFormulas(
  sheets: FormulaSheets,
  members: readonly Member[],
  sampledRows: readonly number[],
): FormulaBenchmark {
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    smartRounding: false,
    precisionEpsilon: 0,
  });
  try {
    const values = (sheet: string) => hf.getSheetValues(hf.getSheetId(sheet) as number);
    const statsRows = values(STATS_SHEET);
    const groups: FormulaBenchmark["groups"] = {};
    groupsOf(members).forEach(([name], g) => {
      const byKey = {} as FormulaBenchmark["groups"][string];
      KEYS.forEach((key, k) => {
        const row = statsRows[g * KEYS.length + k] ?? [];
        byKey[key] = Object.fromEntries(STATISTICS.map((s, i) => [s, row[i] ?? null])) as Record<
          Statistic,
          CellValue
        >;
      });
      groups[name] = byKey;
    });
    const positionRows = values(POSITIONS_SHEET);
    const positions: FormulaBenchmark["positions"] = {};
    sampledRows.forEach((row, i) => {
      const cells = positionRows[i] ?? [];
      const byKey = {} as FormulaBenchmark["positions"][string];
      KEYS.forEach((key, k) => {
        byKey[key] = { percentileRank: cells[2 * k] ?? null, quartile: cells[2 * k + 1] ?? null };
      });
      positions[(members[row] as Member).structureCode] = byKey;
    });
    return { groups, positions };
  } finally {
    hf.destroy();
  }
}

/** A formula result as a message shows it: the error code for an error. */
const shown = (v: CellValue): string =>
  typeof v === "object" && v !== null ? String(v.value) : String(v);

/** Equal to 1e-9, relative beyond 1; an empty formula result ("") stands for our null. */
function agree(ours: number | null, theirs: CellValue): boolean {
  if (ours === null) return theirs === "" || theirs === null;
  return (
    typeof theirs === "number" && Math.abs(theirs - ours) <= 1e-9 * Math.max(1, Math.abs(ours))
  );
}

/** Every figure where the formulas and our benchmark differ, in French; empty when they agree. */
export function disagreements(ours: Benchmark, theirs: FormulaBenchmark): string[] {
  const found: string[] = [];
  for (const [name, byKey] of Object.entries(theirs.groups)) {
    const mine = name === NETWORK_SHEET ? ours.network : ours.groups[name];
    if (!mine) {
      found.push(`groupe ${name} absent de notre benchmark`);
      continue;
    }
    for (const key of KEYS) {
      const s = mine[key];
      const compared: Statistic[] = isSuppressed(s) ? ["n"] : [...STATISTICS];
      for (const stat of compared) {
        const value = (s as unknown as Record<Statistic, number>)[stat];
        if (!agree(value, byKey[key][stat]))
          found.push(`${name}, ${key}, ${stat} : ${value} contre ${shown(byKey[key][stat])}`);
      }
    }
  }
  for (const [code, byKey] of Object.entries(theirs.positions)) {
    for (const key of KEYS) {
      const p = ours.positions[code]?.[key];
      const f = byKey[key];
      if (!p || !agree(p.percentileRank, f.percentileRank) || !agree(p.quartile, f.quartile))
        found.push(
          `${code}, ${key} : rang ${p?.percentileRank} quartile ${p?.quartile} contre ${shown(f.percentileRank)} et ${shown(f.quartile)}`,
        );
    }
  }
  return found;
}
