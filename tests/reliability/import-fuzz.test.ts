// Fuzzing the importer, through the pure importWorkbook and through real .xlsx files read by the command line's
// adapter: random grids, label variants, French number text, junk tabs, merged and hidden rows, huge cells. Import
// never throws, does bounded work per cell, gives every finding a place and a French message, keeps the meaning of
// every variant docs/domain.md lists, and never modifies its input.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  LAYOUTS,
  type LegacyStyle,
  legacyWorkbook,
  type SheetSpec,
  type WorkbookSpec,
  writeWorkbook,
} from "@barometre/cli/demo";
import { readWorkbookFile } from "@barometre/cli/xlsx";
import {
  type Cell,
  FIELDS,
  type Field,
  findField,
  getValue,
  type ImportResult,
  importWorkbook,
  MEETINGS,
  type PimmsReturn,
  parseCellRef,
  type SheetGrid,
  type WorkbookGrid,
} from "@barometre/shared";
import { legacyStyleArbitrary } from "@barometre/testing/legacy-variations";
import { returnArbitrary } from "@barometre/testing/return-arbitrary";
import { toGrid } from "@barometre/testing/workbook-spec";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectFrenchSentence } from "./support/french.ts";
import { countCellReads } from "./support/read-counter.ts";
import {
  ADVERSARIAL_UNITS,
  adversarialText,
  anyCell,
  anySheet,
  anyWorkbook,
  frenchNumberText,
  LABEL_TEXTS,
  labelVariant,
  MAX_CELL_TEXT,
} from "./support/workbook-arbitraries.ts";

/** Findings about the workbook as a whole, which have neither a field nor a cell. */
const WORKBOOK_LEVEL =
  /^(?:Aucune donnée du Baromètre n'a été reconnue|[\d\s\u202f]+ autres libellés non reconnus|L'onglet validé « [^»]+ » est absent|Le classeur contient \d+ onglets validés)/;

/** The message with what it quotes of the workbook (cell texts, tab names, references) taken out. */
const ownWords = (message: string) =>
  message.replace(/«[^»]*»/g, "« »").replace(/'(?:[^']|'')*'![A-Z]+\d+/g, "A1");

function expectWellFormed(grid: WorkbookGrid, result: ImportResult): void {
  const names = new Set(grid.sheets.map((s) => s.name));
  for (const f of result.findings) {
    const where = JSON.stringify(f);
    expect(["error", "warning"], where).toContain(f.severity);
    if (f.field !== null) expect(findField(f.field), where).toBeDefined();
    if (f.cell !== null) {
      const ref = parseCellRef(f.cell);
      expect(ref, where).not.toBeNull();
      expect(names.has(ref?.sheet as string), where).toBe(true);
    }
    if (f.field === null && f.cell === null) expect(f.message, where).toMatch(WORKBOOK_LEVEL);
    expectFrenchSentence(ownWords(f.message));
  }
  for (const f of FIELDS) expect(getValue(result.ret, f), f.key).not.toBeUndefined();
}

/** The fields whose values differ, with both values: a short failure message where a whole return would be long. */
const differences = (got: PimmsReturn, want: PimmsReturn) =>
  FIELDS.filter((f) => !Object.is(getValue(got, f), getValue(want, f))).map(
    (f) => `${f.key}: ${JSON.stringify(getValue(got, f))} ≠ ${JSON.stringify(getValue(want, f))}`,
  );

/** Imports a grid, checking it is left as it was. */
function importUntouched(grid: WorkbookGrid): ImportResult {
  const before = structuredClone(grid);
  const result = importWorkbook(grid);
  expect(grid).toEqual(before);
  return result;
}

/** Found by this test: a merge ending left of where it starts sent a value to column -1 (cell "' '!2"). */
const INVERTED_MERGE: WorkbookGrid = {
  sheets: [
    {
      name: " ",
      rows: [[], [null, null, null, null, "0", null, "Code structure"]],
      merges: [{ top: 1, left: 6, bottom: 0, right: -2 }],
    },
  ],
};

describe("importWorkbook on random grids", () => {
  it("never throws, and gives every finding a place and a French message", () => {
    fc.assert(
      fc.property(anyWorkbook, (grid) => {
        expectWellFormed(grid, importUntouched(grid));
      }),
      { numRuns: 300, examples: [[INVERTED_MERGE]] },
    );
  });
});

/** The labels of a field or meeting row, any of which the importer must recognise. */
function spellingsOf(f: Field): string[] {
  if (f.section !== "governance") return [f.label, ...(f.synonyms ?? [])];
  const meeting = MEETINGS.find((m) => m.id === f.path[0]);
  return meeting ? [meeting.label, ...meeting.synonyms] : [];
}

/**
 * The legacy workbook of `ret` with, on every row the importer read a field from, the label rewritten in another
 * spelling of the same label, and every number typed as French text.
 */
function respelled(ret: PimmsReturn, style: LegacyStyle, g: fc.GeneratorValue): WorkbookGrid {
  const grid = toGrid(legacyWorkbook(ret, style));
  const { cells } = importWorkbook(grid);
  const relabelled = new Set<string>();
  for (const [key, ref] of Object.entries(cells)) {
    const f = findField(key) as Field;
    const at = parseCellRef(ref);
    const row = grid.sheets.find((s) => s.name === at?.sheet)?.rows[at?.row ?? -1];
    if (!at || !row) continue;
    const place = `${at.sheet}:${at.row}`;
    if (!relabelled.has(place) && typeof row[style.labelColumn] === "string") {
      relabelled.add(place);
      row[style.labelColumn] = g(() => fc.constantFrom(...spellingsOf(f)).chain(labelVariant));
    }
    const value = getValue(ret, f);
    if (["int", "dec", "eur"].includes(f.type) && typeof value === "number")
      row[at.col] = g(() => frenchNumberText(value));
  }
  return grid;
}

const junkName = fc.constantFrom(
  "Feuil2",
  "Notes",
  "Brouillon",
  "Graphique 1",
  "Annexe 2017",
  "Données KP",
);
/** Junk tabs of data without labels: text, numbers, dates, merges and hidden rows anywhere. */
const junkSheet = anySheet.map((s) => ({
  ...s,
  rows: s.rows.map((row) => row.map((c) => (typeof c === "string" ? `réf. ${c}` : c))),
}));
const unknownLabels = (r: ImportResult, junk: ReadonlySet<string>) =>
  r.findings.filter(
    (f) =>
      f.message.startsWith("Libellé non reconnu") &&
      !junk.has(parseCellRef(f.cell ?? "")?.sheet ?? ""),
  );

describe("the legacy variations of docs/domain.md, at random", () => {
  it("read every label spelling and French number the same, with no unknown label", () => {
    fc.assert(
      fc.property(returnArbitrary, legacyStyleArbitrary, fc.gen(), (ret, style, g) => {
        const grid = respelled(ret, style, g);
        const result = importUntouched(grid);
        expect(differences(result.ret, ret)).toEqual([]);
        expect(unknownLabels(result, new Set(["Données brutes"]))).toEqual([]);
        expectWellFormed(grid, result);
      }),
      { numRuns: 150 },
    );
  });

  it("ignore junk tabs, junk merges and hidden rows", () => {
    fc.assert(
      fc.property(
        returnArbitrary,
        legacyStyleArbitrary,
        fc.array(fc.tuple(junkName, junkSheet), { maxLength: 3 }),
        fc.array(fc.nat(80), { maxLength: 10 }),
        fc.nat(),
        (ret, style, junk, hidden, at) => {
          const grid = toGrid(legacyWorkbook(ret, style));
          for (const s of grid.sheets) s.hiddenRows = [...(s.hiddenRows ?? []), ...hidden];
          const tabs = junk.map(([name, sheet], i) => ({ ...sheet, name: `${name} (${i})` }));
          // Never first: the first tab may hold the identification block.
          grid.sheets.splice(1 + (at % grid.sheets.length), 0, ...tabs);
          const result = importUntouched(grid);
          expect(differences(result.ret, ret)).toEqual([]);
          expect(
            unknownLabels(result, new Set(["Données brutes", ...tabs.map((t) => t.name)])),
          ).toEqual([]);
          expectWellFormed(grid, result);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("bounded work", () => {
  it("reads each cell of a large random workbook a bounded number of times", () => {
    const grid = fc.sample(
      fc.record({
        sheets: fc.array(
          anySheet.chain((s) =>
            fc
              .array(fc.array(anyCell, { minLength: 10, maxLength: 30 }), {
                minLength: 1_500,
                maxLength: 2_000,
              })
              .map((rows) => ({ ...s, rows })),
          ),
          { minLength: 6, maxLength: 6 },
        ),
      }),
      { numRuns: 1, seed: 2018 },
    )[0] as WorkbookGrid;
    const cells = grid.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
    expect(cells).toBeGreaterThan(50_000);
    const { grid: counted, reads } = countCellReads(grid);
    expectWellFormed(grid, importWorkbook(counted));
    // A generous bound: a pass per field over every cell would read each about a hundred times.
    expect(reads() / cells).toBeLessThan(12);
  });

  it("imports cells of Excel's maximum length, built to make label matching go quadratic, beside and as labels", () => {
    // Quadratic matching costs seconds per such cell (it did: "• " repeated took 6 s); the test's timeout catches it.
    const rows: Cell[][] = ADVERSARIAL_UNITS.flatMap((unit) =>
      ["", "x"].flatMap((tail) => {
        const text = unit.repeat(MAX_CELL_TEXT).slice(0, MAX_CELL_TEXT - tail.length) + tail;
        return Array.from({ length: 4 }, (): Cell[][] => [
          ["Total des produits", text],
          ["Personnes accueillies", null, text],
          [text, 12],
        ]).flat();
      }),
    );
    const grid: WorkbookGrid = {
      sheets: [
        { name: "Finances", rows },
        { name: "Notes", rows },
      ],
    };
    expectWellFormed(grid, importUntouched(grid));
  });

  it("imports random huge cells beside labels and as labels, and still reads the return", () => {
    fc.assert(
      fc.property(
        returnArbitrary,
        fc.array(fc.tuple(fc.constantFrom(...LABEL_TEXTS), adversarialText), {
          minLength: 4,
          maxLength: 8,
        }),
        (ret, huge) => {
          const rows: Cell[][] = huge.flatMap(([label, text]) => [
            [label, text],
            [text, 12],
            [label, null, text],
          ]);
          const grid = toGrid(legacyWorkbook(ret, LAYOUTS.A));
          grid.sheets.push({ name: "Notes", rows });
          const result = importUntouched(grid);
          expect(differences(result.ret, ret)).toEqual([]);
          expectWellFormed(grid, result);
        },
      ),
      { numRuns: 10 },
    );
  });
});

const EXCEL_FIRST = Date.UTC(1900, 0, 1);
const EXCEL_LAST = Date.UTC(9999, 11, 31);

/** Cells exceljs stores as they are: no NaN or infinite numbers, dates Excel can hold, text without control characters. */
const storable = (c: Cell): Cell => {
  if (typeof c === "number" && !Number.isFinite(c)) return null;
  // Excel's calendar runs from 1900 to 9999: a date outside it has no serial number a file can hold.
  if (c instanceof Date && !(c.getTime() >= EXCEL_FIRST && c.getTime() <= EXCEL_LAST)) return null;
  if (typeof c === "string")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters an .xlsx cannot hold is the point.
    return c.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  return c ?? null;
};

/**
 * exceljs's rules for sheets: unique names of at most 31 characters without []:*?/\, merges that do not overlap,
 * and a merged area holding only its top-left cell's value (a file keeps no other: the grid must not either).
 */
function writable(sheets: readonly SheetGrid[]): SheetSpec[] {
  const seen = new Set<string>();
  return sheets.flatMap((s, i) => {
    const name =
      s.name
        // biome-ignore lint/suspicious/noControlCharactersInRegex: a sheet name cannot hold control characters; they go.
        .replace(/[[\]:*?/\\'\u0000-\u001f]/g, "")
        .trim()
        .slice(0, 28) || `Feuille ${i}`;
    const unique = seen.has(name.toLowerCase()) ? `${name.slice(0, 24)} ${i}` : name;
    seen.add(unique.toLowerCase());
    const taken = new Set<string>();
    const merges = (s.merges ?? []).filter((m) => {
      if (m.top < 0 || m.left < 0 || m.bottom < m.top || m.right < m.left) return false;
      const area = [];
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) area.push(`${r}:${c}`);
      if (area.length < 2 || area.some((k) => taken.has(k))) return false;
      for (const k of area) taken.add(k);
      return true;
    });
    const masters = new Set(merges.map((m) => `${m.top}:${m.left}`));
    const covered = (r: number, c: number) => taken.has(`${r}:${c}`) && !masters.has(`${r}:${c}`);
    return [
      {
        name: unique,
        rows: s.rows.map((row, r) =>
          Array.from(row, (cell, c) => (covered(r, c) ? null : storable(cell))),
        ),
        merges,
        hiddenRows: (s.hiddenRows ?? []).filter((r) => r >= 0),
        hidden: s.hidden ?? false,
      },
    ];
  });
}

describe("real .xlsx files through the command line's adapter", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "barometre-fuzz-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("import like their grids, with junk tabs, merges and hidden rows, and are never modified", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        returnArbitrary,
        legacyStyleArbitrary,
        fc.gen(),
        fc.array(anySheet, { maxLength: 3 }),
        async (ret, style, g, junk) => {
          const grid = respelled(ret, style, g);
          const spec: WorkbookSpec = { sheets: writable([...grid.sheets, ...junk]) };
          const path = join(dir, `fuzz-${++n}.xlsx`);
          await writeWorkbook(spec, path);
          const hash = createHash("sha256")
            .update(await readFile(path))
            .digest("hex");
          const read = await readWorkbookFile(path);
          const result = importWorkbook(read);
          expect(
            createHash("sha256")
              .update(await readFile(path))
              .digest("hex"),
          ).toBe(hash);
          expectWellFormed(read, result);
          expect(differences(result.ret, importWorkbook(toGrid(spec)).ret)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
    // Real files: usually a second or two, but a rare random workbook takes exceljs seconds to write, and CI
    // runs this beside other files on 2 cores.
  }, 300_000);
});
