// Compressed files that would expand beyond reason are refused before they are inflated.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyReturn } from "@barometre/shared";
import { runCli } from "@barometre/testing/run-cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAYOUTS, legacyWorkbook } from "../src/demo/legacy-workbook.ts";
import { writeWorkbook } from "../src/demo/workbook-spec.ts";
import { UserError } from "../src/errors.ts";
import { readWorkbookFile } from "../src/xlsx/read.ts";
import { entriesOf, spacesStream, zipArchive } from "./support/zip-writer.ts";

const GIB_2 = 2048;
let dir: string;
let honest: string;
let lying: string;

/** A real workbook whose first sheet is replaced by 2 GiB of spaces, declared as `declared` bytes. */
async function bomb(declared: number): Promise<Buffer> {
  const source = join(dir, "source.xlsx");
  await writeWorkbook(legacyWorkbook(emptyReturn(), LAYOUTS.A), source);
  const entries = entriesOf(await readFile(source)).map((e) =>
    e.name === "xl/worksheets/sheet1.xml"
      ? { ...e, stored: spacesStream(GIB_2), size: declared, crc: 0 }
      : e,
  );
  return zipArchive(entries);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "barometre-bomb-"));
  honest = join(dir, "honest-bomb.xlsx");
  lying = join(dir, "lying-bomb.xlsx");
  await writeFile(honest, await bomb(GIB_2 * 1024 * 1024));
  await writeFile(lying, await bomb(200_000));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("zip bombs", () => {
  it("are small files that expand to gigabytes", async () => {
    expect((await readFile(honest)).length).toBeLessThan(3 * 1024 * 1024);
  });

  it.each([
    ["whose directory declares the gigabytes", () => honest, "dépasserait 100 Mo"],
    [
      "whose directory lies about the size",
      () => lying,
      "se décompresse au-delà de la taille annoncée",
    ],
  ])("%s are refused in French before memory grows", async (_, path, words) => {
    const before = process.memoryUsage();
    const error = await readWorkbookFile(path()).catch((e: unknown) => e);
    const after = process.memoryUsage();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(words);
    // Only the capped inflate of the declared size may have been allocated, never the gigabytes.
    expect(after.rss - before.rss).toBeLessThan(150 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(50 * 1024 * 1024);
  });

  it("make the real command exit 2 with one French sentence", async () => {
    const run = await runCli(["import", honest]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^Le fichier « honest-bomb\.xlsx » ne peut pas être importé : .+\.\n$/,
    );
  });
});
