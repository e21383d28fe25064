// The audit log on the local stack: every action of a Union admin (over HTTP) and of a Union command is recorded with
// who, when, what, structure, year and outcome; admin reads of a structure's return too, a director's own reads not;
// an erasure leaves only that it happened and by whom; `barometre audit` reads it in Paris time; nothing but the
// audit module writes it, only by creating entries, and no endpoint lets a director read or write it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type AuditLine, parisTime, readAudit } from "@barometre/functions/admin";
import { FUNCTION_NAMES, type FunctionName } from "@barometre/shared";
import { barometre } from "@barometre/testing/run-barometre";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { storedData } from "@barometre/testing/stored-documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const [KEPT, ERASED] = ["PIMMS-GARDE", "PIMMS-EFFACE"];
const ERASED_NAME = "PIMMS Effacé du réseau";
const NEW_ADMIN = "nouvelle.admin@pimms.example";
const dir = mkdtempSync(join(tmpdir(), "barometre-audit-"));
let stack: TestStack;

type Init = { body?: unknown; query?: Record<string, string> };

const call = async (name: FunctionName, email: string, init: Init) => {
  const res = await stack.call(name, { token: await stack.token(email), ...init });
  return { status: res.status, text: await res.text() };
};

const ok = async (name: FunctionName, email: string, init: Init) => {
  const res = await call(name, email, init);
  expect(res.status, res.text).toBe(200);
  return res.text;
};

const cli = async (...args: string[]) => {
  const run = await barometre(...args);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

/** The entries as [action, channel, actor, structure, year, outcome], oldest first. */
const summary = (lines: AuditLine[]) =>
  lines.map((l) => [l.action, l.via, l.actor, l.structureCode, l.year, l.outcome]);

let entries: AuditLine[];
const CLI = expect.stringMatching(/^ligne de commande \(/);

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, [KEPT]);
  const csv = join(dir, "annuaire.csv");
  writeFileSync(
    csv,
    `code;nom;territoire;courriels\n${ERASED};${ERASED_NAME};Rural;${directorOf(ERASED)}\n`,
  );
  // The Union's commands and its admin's requests, in order.
  await cli("structures", "import", csv);
  await cli("admins", "add", NEW_ADMIN);
  await ok("manageCampaign", ADMIN, { body: { action: "open", year: 2018, minGroupSize: 3 } });
  await ok("manageCampaign", ADMIN, {
    body: { action: "configure", year: 2018, mode: "transparent" },
  });
  for (const code of [KEPT, ERASED])
    await ok("submitReturn", directorOf(code), {
      body: {
        return: sampleReturn(code),
        idempotencyKey: `${code}-audit-1`,
        attestation: ATTESTATION,
      },
    });
  const review = { year: 2018, revision: 1, state: "hasIssues", comment: "Charges à vérifier." };
  await ok("reviewReturn", ADMIN, { body: { ...review, structureCode: ERASED } });
  const missing = await call("reviewReturn", ADMIN, {
    body: { ...review, structureCode: KEPT, revision: 9 },
  });
  expect(missing.status).toBe(404);
  await cli("review", KEPT, "2018", "1", "accepted");
  await cli("review", KEPT, "2018", "1", "reopened", "--comment", "Chiffres à revoir.");
  const query = (structureCode: string) => ({ structureCode, year: "2018" });
  await ok("previousReturn", ADMIN, { query: query(ERASED) });
  await ok("previousReturn", directorOf(KEPT), { query: query(KEPT) });
  await ok("campaignExport", ADMIN, { query: { year: "2018", format: "csv" } });
  await ok("campaignExport", ADMIN, { query: { year: "2018", view: "status" } });
  await ok("manageCampaign", ADMIN, { body: { action: "close", year: 2018 } });
  await stack.server.queues.idle();
  await ok("manageCampaign", NEW_ADMIN, { body: { action: "open", year: 2018 } });
  await cli("campaign", "configure", "2018", "--min-group", "4");
  await cli("campaign", "status", "2018", "--json");
  await cli("export", "2018");
  await cli("structure", "export", ERASED);
  await cli("retention", "set", "mails", "60j");
  await cli("structure", "erase", ERASED, "--yes");
  entries = await readAudit(stack.db);
}, 120_000);
afterAll(() => stack.close());

describe("the audit log", () => {
  it("records every action of the Union, by HTTP and by command, with who, structure, year and outcome", () => {
    expect(summary(entries)).toEqual([
      ["directory.import", "cli", CLI, null, null, "ok"],
      ["admin.add", "cli", CLI, null, null, "ok"],
      ["campaign.open", "api", ADMIN, null, 2018, "ok"],
      ["campaign.configure", "api", ADMIN, null, 2018, "ok"],
      // The erased structure's entries stay, no longer linked to it.
      ["return.review", "api", ADMIN, null, 2018, "ok"],
      ["return.review", "api", ADMIN, KEPT, 2018, "failed"],
      ["return.review", "cli", CLI, KEPT, 2018, "ok"],
      ["return.reopen", "cli", CLI, KEPT, 2018, "ok"],
      ["return.read", "api", ADMIN, null, 2018, "ok"],
      ["campaign.export", "api", ADMIN, null, 2018, "ok"],
      ["campaign.status", "api", ADMIN, null, 2018, "ok"],
      ["campaign.close", "api", ADMIN, null, 2018, "ok"],
      ["campaign.reopen", "api", NEW_ADMIN, null, 2018, "ok"],
      ["campaign.configure", "cli", CLI, null, 2018, "ok"],
      ["campaign.status", "cli", CLI, null, 2018, "ok"],
      ["campaign.export", "cli", CLI, null, 2018, "ok"],
      ["structure.export", "cli", CLI, null, null, "ok"],
      ["retention.set", "cli", CLI, null, null, "ok"],
      ["structure.erase", "cli", CLI, null, null, "ok"],
    ]);
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    expect(byAction("directory.import")[0]?.detail).toBe("1 structures");
    expect(byAction("admin.add")[0]?.detail).toBe(NEW_ADMIN);
    expect(byAction("campaign.open")[0]?.detail).toBe("groupe minimal");
    expect(byAction("return.review").map((e) => e.detail)).toEqual([
      "révision 1 : à corriger",
      "La révision 9 du retour 2018 de « la structure » n'existe pas.",
      "révision 1 : accepté",
    ]);
    expect(byAction("return.reopen")[0]?.detail).toBe("révision 1 : rouvert");
    expect(byAction("campaign.export").map((e) => e.detail)).toEqual(["csv", "json"]);
    expect(byAction("retention.set")[0]?.detail).toBe("mails : 60 jours");
  });

  it("keeps of an erasure only that it happened and who made it, and nothing of the erased structure", () => {
    const erasure = entries.find((e) => e.action === "structure.erase");
    expect(erasure).toMatchObject({ subject: null, year: null, detail: null, outcome: "ok" });
    const linked = entries.filter((e) => e.subject !== null && e.structureCode === null);
    expect(linked.map((e) => e.action)).toEqual([
      "return.review",
      "return.read",
      "structure.export",
    ]);
    const log = [...storedData(stack.emulator)]
      .filter(([path]) => path.startsWith("audit"))
      .map(([path, data]) => `${path} ${JSON.stringify(data)}`)
      .join("\n");
    for (const trace of [ERASED, ERASED_NAME, directorOf(ERASED), "Charges à vérifier"])
      expect(log).not.toContain(trace);
    expect(log).toContain(KEPT);
  });

  it("is read by barometre audit in Paris time, by structure, since a day, or as CSV", async () => {
    const all = await cli("audit");
    const first = entries[0] as AuditLine;
    expect(all).toContain(parisTime.format(first.at.toDate()));
    expect(all).toContain("import de l'annuaire");
    expect(all).toContain("(structure effacée)");
    expect(all).toContain(`${entries.length} entrées.`);
    const kept = await cli("audit", "--structure", KEPT.toLowerCase());
    expect(kept).toContain("examen d'une révision");
    expect(kept).toContain("échec");
    expect(kept).toContain("réouverture d'un retour");
    expect(kept).toContain("3 entrées.");
    const csv = await cli("audit", "--csv", "--since", "01/01/2020");
    expect(
      csv.startsWith(
        "\uFEFFDate (Paris);Auteur;Canal;Action;Structure;Exercice;Résultat;Détail\r\n",
      ),
    ).toBe(true);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(entries.length + 1);
    expect(await cli("audit", "--since", "01/01/2100")).toBe(
      "Aucune entrée dans le journal pour ces critères.\n",
    );
    for (const args of [["--since", "2020-01-01"], ["--structure", "pas un code"], ["en-trop"]]) {
      const bad = await barometre("audit", ...args);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toMatch(/--since attend une date|n'est pas un code structure|Usage/);
    }
  });
});

describe("nobody but the Union reads or changes the log", () => {
  it("no endpoint gives a director an entry, nor lets one write or remove one", async () => {
    const before = storedData(stack.emulator);
    const ids = entries.map((e) => e.id);
    for (const name of FUNCTION_NAMES)
      for (const init of [
        { query: { collection: "audit", year: "2018", structureCode: KEPT, view: "audit" } },
        { body: { action: "delete", path: `audit/${ids[0]}`, year: 2018, structureCode: KEPT } },
      ]) {
        const res = await call(name, directorOf(KEPT), init);
        for (const id of ids) expect(res.text, name).not.toContain(id);
        expect(res.text, name).not.toContain("retention.set");
      }
    const after = storedData(stack.emulator);
    const audit = (m: typeof before) =>
      [...m].filter(([p]) => p.startsWith("audit")).map(([p, d]) => [p, JSON.stringify(d)]);
    expect(audit(after)).toEqual(audit(before));
  });

  it("firestore.rules deny every client the log", () => {
    const rules = readFileSync(join(import.meta.dirname, "../../firestore.rules"), "utf8");
    expect(rules).toMatch(/match \/audit\/\{id\} \{\s*allow read, write: if false;\s*\}/);
    expect(rules.match(/\ballow\b[^;]*;/g)?.every((a) => a.endsWith("if false;"))).toBe(true);
  });

  it("no code but the audit module touches the log, which only creates entries", () => {
    const root = join(import.meta.dirname, "../..");
    const sources = ["functions/src", "stack/src", "cli/src"].flatMap((d) =>
      (readdirSync(join(root, d), { recursive: true }) as string[])
        .filter((f) => f.endsWith(".ts"))
        .map((f) => join(root, d, f)),
    );
    const users = sources
      .filter((f) =>
        /\baudit(Col|SubjectDoc|SubjectsCol)\(|collection\("audit/.test(readFileSync(f, "utf8")),
      )
      .map((f) => relative(root, f))
      .sort();
    expect(users).toEqual([
      "functions/src/audit/read.ts",
      "functions/src/audit/record.ts",
      "functions/src/audit/structure-trail.ts",
      "functions/src/audit/subjects.ts",
      "functions/src/storage/paths.ts",
    ]);
    const record = readFileSync(join(root, "functions/src/audit/record.ts"), "utf8");
    expect(record.match(/auditCol\(db\)[^;]*/g)).toEqual(["auditCol(db).doc().create(entry)"]);
    for (const f of ["read.ts", "structure-trail.ts", "subjects.ts"]) {
      const text = readFileSync(join(root, "functions/src/audit", f), "utf8");
      expect(text, f).not.toMatch(/auditCol\([^)]*\)[\s\S]{0,80}\.(set|update|delete)\(/);
    }
  });
});
