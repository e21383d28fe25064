// barometre import on broken or hostile files: one French sentence naming the file and the cell, exit 2.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PimmsReturn } from "@barometre/shared";
import { setFieldCell } from "@barometre/testing/legacy-variations";
import { runCli } from "@barometre/testing/run-cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAYOUTS, legacyWorkbook } from "../src/demo/legacy-workbook.ts";
import { type WorkbookSpec, writeWorkbook } from "../src/demo/workbook-spec.ts";
import { deflatedEntry, zipArchive } from "./support/zip-writer.ts";

const TRUTH = join(
  import.meta.dirname,
  "../../testing/fixtures/legacy-2018/01-pimms-lyon-metropole-A.truth.json",
);
const base = async (): Promise<PimmsReturn> => JSON.parse(await readFile(TRUTH, "utf8")).return;
const A = LAYOUTS.A;

type Case = {
  name: string;
  make: () => Promise<Buffer | WorkbookSpec>;
  code: 0 | 1 | 2;
  /** For a readable workbook: the field and cell of the expected French error (null cell: not found). */
  finding?: { field: string | null; cell: string | null; words: string };
  /** For an unreadable file: words of the French sentence on stderr. */
  stderr?: string;
};

const withReturn =
  (change: (ret: PimmsReturn) => void, style = A) =>
  async () => {
    const ret = await base();
    change(ret);
    return legacyWorkbook(ret, style);
  };

const withCell = (key: string, value: Parameters<typeof setFieldCell>[3]) => async () => {
  const spec = legacyWorkbook(await base(), A);
  setFieldCell(spec, A, key, value);
  return spec;
};

async function validXlsx(): Promise<Buffer> {
  const path = join(tmpdir(), `barometre-valid-${process.pid}.xlsx`);
  await writeWorkbook(legacyWorkbook(await base(), A), path);
  const bytes = await readFile(path);
  await rm(path);
  return bytes;
}

const CASES: Case[] = [
  { name: "empty file", make: async () => Buffer.alloc(0), code: 2, stderr: "est vide" },
  {
    name: "not a zip",
    make: async () => Buffer.from("Bonjour, ceci n'est pas un classeur.\n"),
    code: 2,
    stderr: "n'est pas un classeur Excel",
  },
  {
    name: "old .xls format",
    make: async () =>
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]),
    code: 2,
    stderr: "Excel 97-2003",
  },
  {
    name: "truncated zip",
    make: async () => (await validXlsx()).subarray(0, 4000),
    code: 2,
    stderr: "tronquée",
  },
  {
    name: "zip that is not a workbook",
    make: async () => zipArchive([deflatedEntry("notes.txt", Buffer.from("Compte rendu de l'AG"))]),
    code: 2,
    stderr: "pas un classeur Excel",
  },
  {
    name: "workbook with corrupt XML",
    make: async () =>
      zipArchive([
        deflatedEntry("[Content_Types].xml", Buffer.from("<Types/>")),
        deflatedEntry("xl/workbook.xml", Buffer.from("<<< pas du XML")),
      ]),
    code: 2,
    stderr: "endommagé",
  },
  {
    name: "workbook of unrelated data",
    make: async () => ({
      sheets: [
        {
          name: "Ventes",
          rows: [
            ["Client", "Montant"],
            ["Dupont", 12],
            ["Durand", 30],
          ],
        },
      ],
    }),
    code: 1,
    finding: { field: null, cell: null, words: "Aucune donnée du Baromètre" },
  },
  {
    name: "text in a number",
    make: withCell("activity.visitors", "beaucoup"),
    code: 1,
    finding: { field: "activity.visitors", cell: "'Activité'!B1", words: "beaucoup" },
  },
  {
    name: "negative charges",
    make: withReturn((r) => {
      r.finance.chargesTotal = -627047.63;
    }),
    code: 1,
    finding: {
      field: "finance.chargesTotal",
      cell: "'Données financières'!B5",
      words: "supérieur à 0",
    },
  },
  {
    name: "zero FTE",
    make: withReturn((r) => {
      r.social.fteFrontDesk = 0;
    }),
    code: 1,
    finding: {
      field: "social.fteFrontDesk",
      cell: "'Données sociales'!B6",
      words: "ETP médiation postée",
    },
  },
  {
    name: "parts above totals",
    make: withReturn((r) => {
      r.finance.revenuePartners = 900000;
    }),
    code: 1,
    finding: { field: "finance.revenueTotal", cell: "'Données financières'!B1", words: "dépasse" },
  },
  {
    name: "presence without a meeting date",
    make: withReturn((r) => {
      r.governance.caOrientation.date = null;
    }),
    code: 1,
    finding: {
      field: "governance.caOrientation.president",
      cell: "'Gouvernance'!C4",
      words: "est vide",
    },
  },
  {
    name: "bad email",
    make: withReturn((r) => {
      r.identification.directorEmail = "direction-pimms.example";
    }),
    code: 1,
    finding: {
      field: "identification.directorEmail",
      cell: "'Identification'!B8",
      words: "adresse électronique",
    },
  },
  {
    name: "unknown territory",
    make: withReturn((r) => {
      r.identification.territory = "Banlieue" as PimmsReturn["identification"]["territory"];
    }),
    code: 1,
    finding: { field: "identification.territory", cell: "'Identification'!B6", words: "Banlieue" },
  },
  {
    name: "missing year",
    make: withReturn(
      (r) => {
        r.identification.year = null;
      },
      { ...A, empty: "omit" },
    ),
    code: 1,
    finding: { field: "identification.year", cell: null, words: "introuvable" },
  },
  {
    name: "a formula cached as #REF!",
    make: withCell("social.fteTotal", { formula: "B5/#REF!", result: { error: "#REF!" } }),
    code: 1,
    finding: { field: "social.fteTotal", cell: "'Données sociales'!B4", words: "#REF!" },
  },
  {
    name: "a 60,000-row extra tab",
    make: withReturn(() => {}, { ...A, junkRows: 60_000 }),
    code: 0,
  },
];

let dir: string;
const files = new Map<string, string>();
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "barometre-bad-"));
  await mkdir(join(dir, "corpus"));
  for (const [i, c] of CASES.entries()) {
    const path = join(
      dir,
      "corpus",
      `${String(i).padStart(2, "0")}-${c.name.replace(/\W+/g, "-")}.xlsx`,
    );
    const made = await c.make();
    if (Buffer.isBuffer(made)) await writeFile(path, made);
    else await writeWorkbook(made, path);
    files.set(c.name, path);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("barometre import on the bad-input corpus (real command)", () => {
  it.each(CASES)("$name → exit $code", async (c) => {
    const path = files.get(c.name) as string;
    const before = sha256(await readFile(path));
    const run = await runCli(["import", path, "--json"]);
    expect(run.code).toBe(c.code);
    expect(sha256(await readFile(path))).toBe(before);
    if (c.code === 2) {
      // One French sentence, no stack trace, nothing on stdout.
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^[^\n]+\.\n$/);
      expect(run.stderr).toContain(c.stderr as string);
      expect(run.stderr).not.toMatch(/\bat |Error|node:/);
      return;
    }
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as {
      return: PimmsReturn;
      findings: { severity: string; field: string | null; cell: string | null; message: string }[];
    };
    if (c.code === 0) {
      expect(out.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(out.findings.length).toBeLessThan(60);
      expect(out.return).toEqual(await base());
      return;
    }
    const want = c.finding as NonNullable<Case["finding"]>;
    expect(out.findings).toContainEqual(
      expect.objectContaining({
        severity: "error",
        field: want.field,
        cell: want.cell,
        message: expect.stringContaining(want.words),
      }),
    );
  });

  it("imports the whole corpus as a folder: one entry per file, and the worst exit code", async () => {
    const run = await runCli(["import", join(dir, "corpus"), "--json"]);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as (
      | { file: string; error: string }
      | { file: string; findings: unknown[] }
    )[];
    expect(out).toHaveLength(CASES.length);
    CASES.forEach((c, i) => {
      const entry = out[i] as Record<string, unknown>;
      expect(entry.file).toMatch(new RegExp(`^${String(i).padStart(2, "0")}-`));
      expect("error" in entry).toBe(c.code === 2);
    });
  });
});
