// npm start, end to end: the whole main job in a subprocess, then everything it leaves checked against the
// deterministic demo network it was built from.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { escapeXml } from "@barometre/functions/admin";
import {
  bandsFor,
  computeIndicators,
  FIELDS,
  generateNetwork,
  getValue,
  INDICATOR_KEYS,
  indicator,
  STATUS_LABELS,
} from "@barometre/shared";
import { compact } from "@barometre/testing/report-mail";
import { pdfText } from "@barometre/testing/report-pdf-text";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellValue, readCampaignCsv } from "./support/campaign-csv.ts";
import { type MailFile, pdfOf, readMailFiles } from "./support/mail-files.ts";
import { type Ended, npmStart, ROOT } from "./support/processes.ts";

const network = generateNetwork();
const { year, structures } = network;
const UNION = "union@pimms.example";
// Returns of the two earlier campaigns (2016, 2017), each with its notice to the Union.
const withHistory =
  structures.filter((s) => s.previous).length + structures.filter((s) => s.earlier).length;

let out: string;
let run: Ended;
let mails: MailFile[];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "barometre-start-"));
  // A previous run's report, which must go, and a file of the user's, which must stay.
  await mkdir(join(out, "reports"));
  await writeFile(join(out, "reports", "PIMMS-ANCIEN.html"), "rapport d'une exécution précédente");
  await writeFile(join(out, "notes.txt"), "à garder");
  run = await npmStart(["--out", out], 240_000);
  mails = await readMailFiles(join(out, "mail"));
}, 300_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const names = (dir: string) => readdir(join(out, dir)).then((n) => n.sort());
/** The structures whose directors sent a second revision explaining warnings (the review dialogue's step). */
const explained = () =>
  mails
    .filter((m) => m.to.includes(UNION) && m.mail.subject?.includes("la révision 2 de son retour"))
    .map((m) => m.mail.subject ?? "");

describe("npm start", () => {
  it("ends by itself with code 0, having closed every server, the emulator and the pool", () => {
    // A server, socket, timer or gRPC channel left open would keep the process alive past the time limit.
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/Incident|Erreur/);
  });

  it("says each step on a non-terminal and ends with a French summary", () => {
    expect(run.stderr).toMatch(/^\[1\/10\] Démarrage de la pile locale/m);
    expect(run.stderr).toMatch(/^\[8\/10\] Examen des retours par l'Union/m);
    expect(run.stderr).toMatch(/^\[10\/10\] Export de la campagne 2018/m);
    expect(run.stderr).not.toContain("\r");
    expect(run.stdout).toContain("35 retours importés de l'ancien outil et envoyés");
    for (const s of structures) expect(run.stdout).toContain(s.code);
    expect(run.stdout).toMatch(/Équilibre financier +1 +PIMMS-ANTONY/);
    expect(run.stdout).toContain(
      `${134 + explained().length} courriels (.eml) : 35 rapports aux directions (rapport et synthèse d'une page en PDF joints), 1 demande de l'Union à une direction, pour l'Union 1 synthèse du réseau et ${97 + explained().length} avis de retour reçu (exercices 2016, 2017 et 2018)`,
    );
    expect(run.stdout).toMatch(
      /- 32 retours acceptés et verrouillés par l'Union, 3 retours en attente d'examen ;\n- PIMMS-[A-Z-]+ : l'Union a demandé une correction .*\n- \d+ explications de directions sur des avertissements.*\n- \d+ fiches d'accompagnement ouvertes à la clôture/,
    );
  });

  it("leaves a workbook, an HTML and a PDF report per structure, the CSV and the Union's summary", async () => {
    const codes = structures.map((s) => s.code).sort();
    expect(await names("workbooks")).toEqual(codes.map((c) => `${c}.xlsx`));
    expect(await names("reports")).toEqual(
      codes.flatMap((c) => [`${c}.html`, `${c}.pdf`, `${c}-synthese.pdf`]).sort(),
    );
    expect(await names("union")).toEqual([
      "barometre-2018-synthese-reseau.html",
      "barometre-2018-synthese-reseau.pdf",
      "campaign-2018.csv",
    ]);
    expect(await readFile(join(out, "notes.txt"), "utf8")).toBe("à garder");
  });

  it("gives each report its own structure's name and code, and no other's", async () => {
    for (const s of structures) {
      const html = await readFile(join(out, "reports", `${s.code}.html`), "utf8");
      const pdf = compact(pdfText(await readFile(join(out, "reports", `${s.code}.pdf`))));
      expect(html).toContain(escapeXml(s.name));
      expect(html).toContain(s.code);
      expect(html).not.toContain("cid:");
      expect(pdf).toContain(compact(s.name));
      for (const other of structures.filter((o) => o !== s)) {
        expect(html).not.toContain(escapeXml(other.name));
        expect(html).not.toContain(other.code);
        expect(pdf).not.toContain(compact(other.name));
      }
    }
  });

  it("compares the one structure whose director chose a custom peer set with it, in its report only", async () => {
    const withPeers: string[] = [];
    for (const s of structures) {
      const html = await readFile(join(out, "reports", `${s.code}.html`), "utf8");
      if (html.includes("groupe de pairs choisis (charges ")) withPeers.push(s.code);
    }
    expect(withPeers).toHaveLength(1);
  });

  it("mails each director their report, the very PDF left in reports/", async () => {
    const reports = mails.filter((m) => !m.to.includes(UNION) && pdfOf(m.mail));
    expect(reports).toHaveLength(structures.length);
    for (const s of structures) {
      const director = s.current.identification.directorEmail as string;
      const own = reports.filter((m) => m.to.includes(director));
      expect(own.map((m) => m.to)).toEqual([[director]]);
      const pdf = pdfOf((own[0] as MailFile).mail);
      expect(pdf?.filename).toBe(`barometre-${year}-${s.code}.pdf`);
      expect(pdf?.content.equals(await readFile(join(out, "reports", `${s.code}.pdf`)))).toBe(true);
      const board = (own[0] as MailFile).mail.attachments.find((a) =>
        a.filename?.endsWith("-synthese.pdf"),
      );
      expect(
        board?.content.equals(await readFile(join(out, "reports", `${s.code}-synthese.pdf`))),
      ).toBe(true);
    }
  });

  it("mails the Union its network summary and a notice of every return received", async () => {
    const union = mails.filter((m) => m.to.includes(UNION));
    const summaries = union.filter((m) => pdfOf(m.mail));
    expect(summaries).toHaveLength(1);
    const summaryPdf = await readFile(join(out, "union", "barometre-2018-synthese-reseau.pdf"));
    expect(pdfOf((summaries[0] as MailFile).mail)?.content.equals(summaryPdf)).toBe(true);
    const notices = union.filter((m) => !pdfOf(m.mail));
    expect(explained().length).toBeGreaterThan(0);
    expect(notices).toHaveLength(withHistory + structures.length + explained().length);
    const answer = notices.find((m) => m.mail.subject?.includes("en réponse à votre demande"));
    expect(answer?.mail.text).toContain("Cette révision répond à votre demande");
    expect(answer?.mail.text).toContain("Explications de la structure");
    for (const s of structures)
      expect(
        notices.some((m) => m.mail.subject?.includes(`Baromètre ${year} : ${s.name} a envoyé`)),
      ).toBe(true);
    expect(mails).toHaveLength(
      structures.length + 1 + withHistory + structures.length + explained().length + 1,
    );
  });

  it("mails one director the Union's request, to the directory's address", () => {
    const requests = mails.filter((m) => m.mail.subject?.includes("vous demande de corriger"));
    expect(requests).toHaveLength(1);
    const text = requests[0]?.mail.text ?? "";
    expect(text).toContain("Commentaire de l'Union");
    expect(text).toContain("Champs concernés");
    const director = structures.find((s) => text.includes(`(${s.code})`))?.current.identification
      .directorEmail;
    expect(requests[0]?.to).toEqual([director]);
  });

  it("exports a CSV whose every field and indicator is the generated return's", async () => {
    const { bom, table } = await readCampaignCsv(join(out, "union", `campaign-${year}.csv`));
    expect(bom).toBe(true);
    const first = 4;
    expect(table.header.slice(0, first)).toEqual([
      "Révision",
      "Soumis le",
      "Soumis par",
      "Revue de l'Union",
    ]);
    expect(table.header.slice(first, first + FIELDS.length)).toEqual(FIELDS.map((f) => f.label));
    const codeColumn = first + FIELDS.findIndex((f) => f.key === "identification.structureCode");
    expect(table.rows.map((r) => r[codeColumn]).sort()).toEqual(
      structures.map((s) => s.code).sort(),
    );
    for (const s of structures) {
      const row = table.rows.find((r) => r[codeColumn] === s.code) as string[];
      const revised = explained().some((subject) => subject.includes(`: ${s.name} a envoyé`));
      expect(row[0]).toBe(revised ? "2" : "1");
      expect(row[2]).toBe(s.current.identification.directorEmail);
      FIELDS.forEach((f, i) => {
        expect([s.code, f.key, cellValue(f, row[first + i] as string)]).toEqual([
          s.code,
          f.key,
          getValue(s.current, f),
        ]);
      });
      const indicators = computeIndicators(s.current);
      let column = first + FIELDS.length;
      for (const key of INDICATOR_KEYS) {
        const def = indicator(key);
        expect(table.header[column]).toBe(`Indicateur : ${def.name}`);
        const unit = def.unit === "bool" ? { type: "bool" as const } : { type: "dec" as const };
        expect([s.code, key, cellValue(unit, row[column++] as string)]).toEqual([
          s.code,
          key,
          indicators[key].value,
        ]);
        if (bandsFor(key) === null) continue;
        const status = indicators[key].status;
        expect([s.code, key, row[column++]]).toEqual([
          s.code,
          key,
          status ? STATUS_LABELS[status] : "",
        ]);
      }
      expect(table.header.slice(column)).toEqual(["Attestée par", "Explications de la structure"]);
      expect(row[column]).toBe(`Direction de ${s.name} (direction)`);
      expect(row[column + 1] !== "").toBe(revised);
    }
  });
});

describe("the command's sources", () => {
  it("never end the process with process.exit, which would hide a handle left open", async () => {
    const files = [
      "cli/bin/barometre.js",
      ...(await readdir(join(ROOT, "cli/src"), { recursive: true }))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `cli/src/${f}`),
    ];
    for (const file of files)
      expect([file, await readFile(join(ROOT, file), "utf8")]).not.toEqual([
        file,
        expect.stringMatching(/process\.exit\(/),
      ]);
  });
});
