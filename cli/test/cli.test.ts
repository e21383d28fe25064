// The Union's command line against the emulator, run in-process through main(): directory, admins, campaigns, export, data protection.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportStructure, readAudit } from "@barometre/functions/admin";
import { barometre } from "@barometre/testing/run-barometre";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  startTestStack,
  storedCount,
  type TestStack,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let stack: TestStack;
const dir = mkdtempSync(join(tmpdir(), "barometre-cli-"));

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD_CSV = [
  "\uFEFFcode;nom;territoire;courriels",
  `PIMMS-RENNES;PIMMS Rennes;urbain qpv;${directorOf("PIMMS-RENNES")} tresorier@rennes.example`,
  `pimms-cenon;"PIMMS Cenon; rive droite";Urbain hors QPV;${directorOf("PIMMS-CENON")}`,
  `PIMMS-NIMES;PIMMS Nîmes;Rural;${directorOf("PIMMS-NIMES")}`,
  "",
].join("\r\n");

describe("barometre structures", () => {
  it("imports a CSV into the directory, normalising codes, territories and emails", async () => {
    const run = await barometre("structures", "import", file("ok.csv", GOOD_CSV));
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain("3 structures enregistrées");
    const cenon = (await stack.db.doc("structures/PIMMS-CENON").get()).data();
    expect(cenon).toMatchObject({
      code: "PIMMS-CENON",
      name: "PIMMS Cenon; rive droite",
      territory: "Urbain hors QPV",
      emails: [directorOf("PIMMS-CENON")],
    });
    const rennes = (await stack.db.doc("structures/PIMMS-RENNES").get()).data();
    expect(rennes?.territory).toBe("Urbain QPV");
    expect(rennes?.emails).toEqual([directorOf("PIMMS-RENNES"), "tresorier@rennes.example"]);
    const listed = await barometre("structures", "list");
    expect(listed.stdout).toContain("PIMMS-NIMES\tPIMMS Nîmes\tRural");
  });

  it("refuses a file with a bad line, naming every line, and stores none of it", async () => {
    const bad = [
      "code,name,territory,emails",
      "PIMMS-NEW,PIMMS Nouveau,Rural,direction@new.example",
      "X,PIMMS Court,Rural,direction@court.example",
      "PIMMS-BAD,,Montagne,pas-une-adresse",
      "PIMMS-NEW,Doublon,Rural,d@new.example",
    ].join("\n");
    const run = await barometre("structures", "import", file("bad.csv", bad));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("rien n'a été enregistré");
    expect(run.stderr).toMatch(/Ligne 3 : « code » n'est pas un code valide/);
    expect(run.stderr).toMatch(/Ligne 4 : « name » est vide/);
    expect(run.stderr).toMatch(/Ligne 4 : « territory » doit être l'un des types de territoire/);
    expect(run.stderr).toMatch(/Ligne 4 : « emails.0 » n'est pas une adresse électronique valide/);
    expect(run.stderr).toMatch(/Ligne 5 : le code « PIMMS-NEW » figure déjà à la ligne 2/);
    expect((await stack.db.doc("structures/PIMMS-NEW").get()).exists).toBe(false);
  });

  it("refuses a file without the expected columns, or that cannot be read", async () => {
    const run = await barometre("structures", "import", file("cols.csv", "code;nom\nA;B\n"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("la colonne « territory » manque");
    const missing = await barometre("structures", "import", join(dir, "absent.csv"));
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Impossible de lire"),
    });
  });
});

describe("barometre admins and campaign", () => {
  it("adds a Union admin, who may then export", async () => {
    const run = await barometre("admins", "add", " Union@PIMMS.example ");
    expect(run.code, run.stderr).toBe(0);
    expect((await stack.db.doc(`admins/${ADMIN}`).get()).exists).toBe(true);
    expect((await barometre("admins", "list")).stdout).toBe(`${ADMIN}\n`);
    expect((await barometre("admins", "add", "pas une adresse")).code).toBe(2);
  });

  it("refuses, by the one address rule, a look-alike or a slash in an admin or a directory address", async () => {
    for (const address of ["\u212Aelvin@pimms.example", "evil/x@pimms.example"]) {
      const run = await barometre("admins", "add", address);
      expect(run, run.stderr).toMatchObject({ code: 2 });
      expect(run.stderr).toContain("n'est pas une adresse électronique valide");
    }
    const csv =
      "code,name,territory,emails\nPIMMS-LOOK,PIMMS Look,Rural,\u212Aelvin@pimms.example\n";
    const run = await barometre("structures", "import", file("look.csv", csv));
    expect(run.stderr).toMatch(/Ligne 2 : « emails.0 » n'est pas une adresse électronique valide/);
    expect((await barometre("admins", "list")).stdout).toBe(`${ADMIN}\n`);
    expect((await stack.db.doc("structures/PIMMS-LOOK").get()).exists).toBe(false);
  });

  it("opens a campaign with a deadline, shows it, closes it", async () => {
    const open = await barometre(
      "campaign",
      "open",
      "2018",
      "--deadline",
      "30/06/2099",
      "--min-group",
      "3",
    );
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toContain("Campagne 2018 : ouverte");
    expect(open.stdout).toContain("date limite : 30/06/2099");
    const doc = (await stack.db.doc("campaigns/2018").get()).data();
    expect(doc).toMatchObject({
      state: "open",
      deadline: "2099-06-30",
      minGroupSize: 3,
      mode: "anonymous",
    });
    expect((await barometre("campaign", "close", "2017")).stderr).toContain("n'existe pas");
    expect((await barometre("campaign", "open", "2018", "--deadline", "2099-06-30")).code).toBe(2);
    expect((await barometre("campaign", "open", "18")).code).toBe(2);
  });
});

describe("barometre export and structure", () => {
  beforeAll(async () => {
    for (const code of ["PIMMS-RENNES", "PIMMS-CENON"]) {
      const res = await stack.call("submitReturn", {
        token: await stack.token(directorOf(code)),
        body: {
          return: sampleReturn(code),
          idempotencyKey: `${code}-cli`,
          attestation: ATTESTATION,
        },
      });
      expect(res.status).toBe(200);
    }
  });

  it("exports a campaign as CSV for French Excel and as JSON", async () => {
    const csv = await barometre("export", "2018", "--csv");
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith("\uFEFFRévision;Soumis le;")).toBe(true);
    expect(csv.stdout.trimEnd().split("\r\n")).toHaveLength(3);
    const json = JSON.parse((await barometre("export", "2018")).stdout);
    expect(json.returns.map((r: { structureCode: string }) => r.structureCode)).toEqual([
      "PIMMS-CENON",
      "PIMMS-RENNES",
    ]);
    expect((await barometre("export", "2031")).stderr).toContain("n'existe pas");
  });

  it("exports everything stored about a structure", async () => {
    const run = await barometre("structure", "export", "pimms-rennes");
    expect(run.code, run.stderr).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.structureCode).toBe("PIMMS-RENNES");
    expect(data.directory[0].data.emails).toContain(directorOf("PIMMS-RENNES"));
    expect(data.revisions).toHaveLength(1);
    expect(data.revisions[0].data.payload.identification.structureCode).toBe("PIMMS-RENNES");
    expect(data.revisions[0].data.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(data.idempotencyRecords).toHaveLength(1);
    expect(data.latest).toHaveLength(1);
  });

  it("erases nothing without confirmation when not on a terminal", async () => {
    const run = await barometre("structure", "erase", "PIMMS-RENNES");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--yes");
    expect(await storedCount(stack.db, 2018, "PIMMS-RENNES")).toBe(3);
  });

  it("erases every trace of a structure with --yes, leaving the others untouched", async () => {
    const run = await barometre("structure", "erase", "PIMMS-RENNES", "--yes");
    expect(run.code, run.stderr).toBe(0);
    // With its link to the audit log, made when it was exported above.
    expect(run.stdout).toContain("PIMMS-RENNES : 6 éléments effacés");
    expect(await storedCount(stack.db, 2018, "PIMMS-RENNES")).toBe(0);
    expect((await stack.db.doc("structures/PIMMS-RENNES").get()).exists).toBe(false);
    // Nothing is left: the code is now refused as unknown, and the store holds nothing of it.
    const again = await barometre("structure", "export", "PIMMS-RENNES");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("rien n'est conservé à son sujet");
    expect(await exportStructure(stack.db, "PIMMS-RENNES")).toEqual({
      structureCode: "PIMMS-RENNES",
      directory: [],
      revisions: [],
      reviews: [],
      idempotencyRecords: [],
      progress: [],
      namedInPeerSets: [],
      followups: [],
      peers: [],
      unionSheetRows: [],
      latest: [],
      mails: [],
      unionMails: [],
      finalBenchmark: [],
      auditTrail: [],
    });
    expect(await storedCount(stack.db, 2018, "PIMMS-CENON")).toBe(3);
    // The erased director can no longer submit.
    const res = await stack.call("submitReturn", {
      token: await stack.token(directorOf("PIMMS-RENNES")),
      body: {
        return: sampleReturn(),
        idempotencyKey: "rennes-after-erase",
        attestation: ATTESTATION,
      },
    });
    expect(res.status).toBe(403);
  });

  it("says in French when Firestore has no project to work on", async () => {
    const saved = { ...process.env };
    delete process.env.FIRESTORE_EMULATOR_HOST;
    delete process.env.GOOGLE_CLOUD_PROJECT;
    delete process.env.GCLOUD_PROJECT;
    try {
      const run = await barometre("admins", "list");
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--project");
    } finally {
      Object.assign(process.env, saved);
    }
  });
});

describe("refusals of the Union's commands", () => {
  const failedEntries = async () =>
    (await readAudit(stack.db))
      .filter((l) => l.outcome === "failed")
      .map((l) => [l.action, l.year, l.detail]);

  it("says in French why a file cannot be written, with exit 2, and logs the export as failed", async () => {
    const absent = join(dir, "absent");
    const plain = file("pas-un-dossier.txt", "x");
    for (const [args, path, reason] of [
      [["export", "2018", "--csv"], join(absent, "x.csv"), `le dossier « ${absent} » n'existe pas`],
      [["export", "2018"], dir, "c'est un dossier : indiquez un nom de fichier"],
      [
        ["campaign", "status", "2018", "--csv"],
        dir,
        "c'est un dossier : indiquez un nom de fichier",
      ],
      [
        ["structure", "export", "PIMMS-CENON"],
        join(absent, "c.json"),
        `le dossier « ${absent} » n'existe pas`,
      ],
      [["audit", "--csv"], dir, "c'est un dossier : indiquez un nom de fichier"],
      [
        ["campaign", "status", "2018"],
        join(plain, "s.txt"),
        `un élément du chemin « ${plain} » n'est pas un dossier`,
      ],
    ] as [string[], string, string][]) {
      const run = await barometre(...args, "-o", path);
      expect(run, args.join(" ")).toEqual({
        code: 2,
        stdout: "",
        stderr: `Impossible d'écrire « ${path} » : ${reason}.\n`,
      });
    }
    // A failed write handed no data to anyone: the log says « échec », with the reason.
    expect(await failedEntries()).toEqual(
      expect.arrayContaining([
        [
          "campaign.export",
          2018,
          `Impossible d'écrire « ${join(absent, "x.csv")} » : le dossier « ${absent} » n'existe pas.`,
        ],
        [
          "campaign.export",
          2018,
          `Impossible d'écrire « ${dir} » : c'est un dossier : indiquez un nom de fichier.`,
        ],
        [
          "campaign.status",
          2018,
          `Impossible d'écrire « ${dir} » : c'est un dossier : indiquez un nom de fichier.`,
        ],
      ]),
    );
    const written = join(dir, "export.csv");
    const ok = await barometre("export", "2018", "--csv", "-o", written);
    expect(ok, ok.stderr).toMatchObject({ code: 0, stderr: `Export écrit dans « ${written} ».\n` });
    expect(readFileSync(written, "utf8").startsWith("\uFEFFRévision;")).toBe(true);
  });

  it("logs a read of a campaign that does not exist as failed, not as done", async () => {
    const run = await barometre("campaign", "status", "2019");
    expect(run).toMatchObject({ code: 2, stderr: "La campagne 2019 n'existe pas.\n" });
    const exported = await barometre("export", "2019");
    expect(exported).toMatchObject({ code: 2, stderr: "La campagne 2019 n'existe pas.\n" });
    const logged = (await readAudit(stack.db)).filter((l) => l.year === 2019);
    expect(logged.map((l) => [l.action, l.outcome, l.detail])).toEqual([
      ["campaign.status", "failed", "La campagne 2019 n'existe pas."],
      ["campaign.export", "failed", "La campagne 2019 n'existe pas."],
    ]);
  });

  it("refuses a structure code neither in the directory nor in any stored data, and leaves no trace of it", async () => {
    const before = (await readAudit(stack.db)).length;
    for (const [args, verb] of [
      [["structure", "export", "PIMMS-NOPE"], "exporter"],
      [["structure", "erase", "pimms-nope", "--yes"], "effacer"],
      // Refused before any confirmation is asked for.
      [["structure", "erase", "PIMMS-NOPE"], "effacer"],
    ] as [string[], string][]) {
      const run = await barometre(...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(
        new RegExp(
          `^La structure « PIMMS-NOPE » n'est pas inscrite dans l'annuaire de l'Union, et rien n'est conservé à son sujet \\(vérifié : annuaire, révisions, .*lien avec le journal des actions de l'Union\\) : rien à ${verb}\\.\n$`,
        ),
      );
    }
    expect(await readAudit(stack.db)).toHaveLength(before);
  });

  it("still exports and erases a structure gone from the directory whose data is kept", async () => {
    await stack.db.doc("structures/PIMMS-CENON").delete();
    const run = await barometre("structure", "export", "PIMMS-CENON");
    expect(run.code, run.stderr).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.directory).toEqual([]);
    expect(data.revisions).toHaveLength(1);
    const erased = await barometre("structure", "erase", "PIMMS-CENON", "--yes");
    expect(erased.code, erased.stderr).toBe(0);
    expect(await storedCount(stack.db, 2018, "PIMMS-CENON")).toBe(0);
  });
});
