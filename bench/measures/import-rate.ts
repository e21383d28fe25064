// import.workbooksPerSecond: legacy .xlsx workbooks read and imported (exceljs adapter, then the shared importer) per second.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { LAYOUTS, type LegacyStyle, legacyWorkbook, writeWorkbook } from "@barometre/cli/demo";
import { importWorkbookFile } from "@barometre/cli/xlsx";
import { computeIndicators, generateNetwork, type PimmsReturn } from "@barometre/shared";
import { LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import { legacyStyleArbitrary } from "@barometre/testing/legacy-variations";
import fc from "fast-check";
import type { Measured } from "../figure.ts";
import { median, round } from "../support/sample-stats.ts";

const OUT = join(import.meta.dirname, "../out/import");
const GENERATED = 30;
const PASSES = 5;

interface Workbook {
  path: string;
  ret: PimmsReturn;
}

/** The six legacy samples, then generated returns written in the three known layouts and random mixes of the variations. */
async function workbooks(): Promise<Workbook[]> {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const styles: LegacyStyle[] = [
    ...Object.values(LAYOUTS),
    ...fc.sample(legacyStyleArbitrary, { seed: 2018, numRuns: GENERATED - 3 }),
  ];
  const { structures } = generateNetwork({ size: GENERATED, seed: 8 });
  const generated = await Promise.all(
    structures.map(async (s, i) => {
      const path = join(OUT, `${String(i + 1).padStart(2, "0")}-${s.code}.xlsx`);
      await writeWorkbook(
        legacyWorkbook(s.current, styles[i % styles.length] as LegacyStyle),
        path,
      );
      return { path, ret: s.current };
    }),
  );
  return [...LEGACY_FIXTURES.map((f) => ({ path: f.xlsx, ret: f.ret })), ...generated];
}

/** Imports every workbook as `barometre import` does; throws if one does not give back its return. */
async function importAll(books: readonly Workbook[]): Promise<void> {
  for (const book of books) {
    const result = await importWorkbookFile(book.path);
    computeIndicators(result.ret);
    if (!isDeepStrictEqual(result.ret, book.ret))
      throw new Error(`l'import de ${book.path} ne redonne pas le retour attendu`);
  }
}

export async function run(): Promise<Measured[]> {
  const books = await workbooks();
  await importAll(books.slice(0, 3));
  const rates: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    await importAll(books);
    rates.push(books.length / ((performance.now() - start) / 1000));
  }
  return [
    {
      key: "import.workbooksPerSecond",
      value: round(median(rates), 1),
      inputs: {
        workbooks: books.length,
        legacySamples: LEGACY_FIXTURES.length,
        generated: books.length - LEGACY_FIXTURES.length,
        passes: PASSES,
        ratesPerPass: rates.map((r) => round(r, 1)),
        checked: "chaque import redonne exactement le retour dont le classeur est tiré",
      },
    },
  ];
}
