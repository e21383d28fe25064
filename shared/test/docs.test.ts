// The documentation generated from the schema is up to date, and its JSON Schema agrees with coerceReturn and the field rules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatWithBiome } from "../scripts/schema-doc/biome.ts";
import { returnJsonSchema } from "../scripts/schema-doc/json-schema.ts";
import { DOC_OUTPUTS } from "../scripts/schema-doc/outputs.ts";
import { RETENTION_HEADER } from "../scripts/schema-doc/retention-table.ts";
import {
  coerceReturn,
  DEFAULT_RETENTION,
  FIELDS,
  formatRetention,
  getValue,
  noCells,
  type PimmsReturn,
  RETENTION,
  RETENTION_KINDS,
} from "../src/index.ts";
import { checkFields } from "../src/validation/field-rules.ts";
import { brokenJson, nearlyValidReturn, typedReturn } from "./support/arbitraries.ts";
import { sampleReturn } from "./support/sample-return.ts";

const root = join(import.meta.dirname, "../..");
const onDisk = (path: string) => readFileSync(join(root, path), "utf8");

/** The trimmed cells of every table row of a Markdown text. */
const tableRows = (md: string) =>
  md
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim()),
    );

describe("generated documentation", () => {
  it.each(DOC_OUTPUTS.map((o) => [o.path, o]))(
    "%s is up to date (npm run docs)",
    (path, output) => {
      expect(onDisk(path), "lancez npm run docs").toBe(formatWithBiome(path, output.render()));
    },
  );

  it("documents every field with its label, type, defined name and help, and every indicator formula", () => {
    const md = onDisk("docs/schema.md");
    const rows = tableRows(md);
    for (const f of FIELDS) {
      const found = rows.find((r) => r[0] === `\`${f.path.join(".")}\`` && r[1] === f.label);
      expect(found, f.key).toBeDefined();
      expect(found?.[6]).toBe(`\`${f.name}\``);
      expect(found?.[8]).toBe(f.help);
      expect(found?.[5]).toBe(f.required ? "oui" : "");
    }
    expect(md).toContain("`ind_trainingRate`");
    expect(md).toContain(
      '=IFERROR(IF(NOT(ISNUMBER(fld_finance_trainingCosts)),"non calculable : Frais de formation',
    );
    expect(md).toContain("vert > 1,00 ; orange > 0,50 ; rouge en dessous");
  });
});

describe("docs/rgpd.md", () => {
  it("states each kind's default retention, as the policy sets it", () => {
    const md = onDisk("docs/rgpd.md");
    const rows = tableRows(md).filter((r) => r.length === RETENTION_HEADER.length);
    expect(rows[0]).toEqual(RETENTION_HEADER);
    const kinds = rows.slice(2);
    expect(kinds.map((r) => r[0])).toEqual(RETENTION_KINDS.map((k) => `\`${k}\``));
    for (const [i, kind] of RETENTION_KINDS.entries()) {
      expect(kinds[i]?.[3], kind).toBe(formatRetention(DEFAULT_RETENTION[kind]));
      expect(kinds[i]?.[5], kind).toBe(
        RETENTION[kind].minimumDays ? formatRetention(RETENTION[kind].minimumDays) : "aucun",
      );
    }
  });

  it("gives the privacy text the defaults of returns and mails, and the region the functions run in", () => {
    const privacy = onDisk("docs/rgpd.md").split("## Texte de confidentialité")[1] ?? "";
    const text = privacy.replace(/\n> /g, " ");
    expect(text).toContain(`gardés ${formatRetention(DEFAULT_RETENTION.returns)} après la clôture`);
    expect(text).toContain(
      `courriels ${formatRetention(DEFAULT_RETENTION.mails)} après leur remise`,
    );
    const firebase = JSON.parse(onDisk("firebase.json")) as { firestore: { location: string } };
    expect(onDisk("docs/rgpd.md")).toContain(`\`${firebase.firestore.location}\` (Paris)`);
  });
});

describe("return.schema.json", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const valid = ajv.compile(returnJsonSchema());
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const blankText = (ret: PimmsReturn) =>
    FIELDS.some((f) => {
      const v = getValue(ret, f);
      return typeof v === "string" && v.trim() === "";
    });

  it("accepts the legacy-2018 network and the sample return", () => {
    const network = JSON.parse(onDisk("testing/fixtures/legacy-2018/network.json")) as unknown[];
    for (const ret of [...network, sampleReturn()])
      expect(valid(ret), ajv.errorsText(valid.errors)).toBe(true);
  });

  it("wants every field present, nothing more, in canonical form", () => {
    const missing = clone(sampleReturn()) as unknown as { finance: Record<string, unknown> };
    delete missing.finance.netResult;
    expect(valid(missing)).toBe(false);
    expect(valid({ ...clone(sampleReturn()), extra: 1 })).toBe(false);
    expect(valid(sampleReturn({ "identification.structureCode": "pimms-test" }))).toBe(false);
    expect(valid(sampleReturn({ "governance.caValidation.president": null }))).toBe(false);
    expect(valid(sampleReturn({ "governance.caValidation.date": "2019-02-29" }))).toBe(false);
  });

  it("accepts a coerced return exactly when no field rule complains (blank texts aside, which are not canonical)", () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValidReturn, typedReturn, brokenJson), (input) => {
        const { ret } = coerceReturn(input);
        fc.pre(!blankText(ret));
        expect(valid(ret)).toBe(checkFields(ret, noCells).length === 0);
      }),
      { numRuns: 400 },
    );
  });

  it("only accepts JSON that coerceReturn takes as it is", () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValidReturn, brokenJson), (input) => {
        if (!valid(input)) return;
        const { ret, findings } = coerceReturn(input);
        expect(findings).toEqual([]);
        expect(ret).toEqual(input);
      }),
      { numRuns: 400 },
    );
  });
});
