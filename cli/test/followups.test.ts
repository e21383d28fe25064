// The follow-up of fragile structures against the emulator: records opened at close for every structure with a red
// band (values over the years held, never overwritten by a second close), next year's close saying which indicators
// left the red band, barometre followup list|show|update with French refusals, the Accompagnement tab on the local
// Sheets server, and structure export/erase.
import {
  eraseStructure,
  exportStructure,
  getFollowup,
  listFollowups,
  openCampaign,
  openFollowups,
  readAudit,
  type SheetDeps,
  saveStructure,
  sheetsClient,
  syncUnionSheet,
} from "@barometre/functions/admin";
import { fragileKeys, generateNetwork, indicator } from "@barometre/shared";
import { useEmulator } from "@barometre/testing/emulator";
import { seedLatest, storedRevision } from "@barometre/testing/network";
import { barometre } from "@barometre/testing/run-barometre";
import { type SheetsServer, startSheetsServer } from "@barometre/testing/sheets-server";
import { ADMIN } from "@barometre/testing/stack";
import type { Firestore } from "firebase-admin/firestore";
import { OAuth2Client } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const network = generateNetwork({ size: 30, seed: 5 });
const YEAR = network.year;
const SHEET = "1AcCoMpAgNeMeNt";
const TOKEN = "ya29.followups";
const firestore = useEmulator("followups");
let db: Firestore;
let api: SheetsServer;

const fragile = network.structures.filter(
  (s) => fragileKeys(storedRevision(s.current).indicators).length > 0,
);
const healthy = network.structures.filter((s) => !fragile.includes(s));
const [first] = fragile;
const CODE = first?.code as string;

beforeAll(async () => {
  db = firestore().db;
  api = await startSheetsServer(SHEET, TOKEN);
  for (const s of network.structures)
    await saveStructure(
      db,
      { code: s.code, name: s.name, territory: s.territory, emails: ["d@pimms.example"] },
      new Date(),
    );
  await openCampaign(db, YEAR - 1, {}, ADMIN, new Date());
  await openCampaign(db, YEAR, {}, ADMIN, new Date());
  await seedLatest(
    db,
    network.structures.flatMap((s) => (s.previous ? [storedRevision(s.previous)] : [])),
  );
  await seedLatest(
    db,
    network.structures.map((s) => storedRevision(s.current)),
  );
});
afterAll(async () => {
  await api?.close();
});

describe("opening follow-ups at close", () => {
  it("opens one record per structure with a red band, with its values over the years held", async () => {
    expect(fragile.length).toBeGreaterThan(2);
    expect(healthy.length).toBeGreaterThan(0);
    const done = await openFollowups(db, YEAR, ADMIN, new Date());
    expect(done.opened).toBe(fragile.length);
    const records = await listFollowups(db, YEAR);
    expect(records.map((r) => r.structureCode)).toEqual(fragile.map((s) => s.code).sort());
    const record = await getFollowup(db, YEAR, CODE);
    const red = fragileKeys(storedRevision(first?.current as never).indicators);
    expect(record).toMatchObject({
      state: "à contacter",
      notes: [],
      nextStep: null,
      outcome: null,
    });
    expect(record?.red.map((i) => i.key)).toEqual(red);
    const years = record?.red[0]?.history.map((h) => h.year);
    expect(years?.at(-1)).toBe(YEAR);
    if (first?.previous) expect(years).toEqual([YEAR - 1, YEAR]);
    expect(record?.red[0]?.history.at(-1)?.band).toBe("Rouge");
  });

  it("never overwrites a record when the close runs again", async () => {
    const updated = await barometre(
      "followup",
      "update",
      CODE,
      String(YEAR),
      "--state",
      "plan d'action en cours",
      "--note",
      "Appel à la direction : plan de formation prévu en septembre.",
      "--next-step",
      "2019-09-15",
    );
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain("plan d'action en cours");
    expect(updated.stdout).toContain("Prochaine étape : 15/09/2019.");
    expect(updated.stdout).toContain(
      "Appel à la direction : plan de formation prévu en septembre.",
    );
    const again = await openFollowups(db, YEAR, ADMIN, new Date());
    expect(again.opened).toBe(0);
    const record = await getFollowup(db, YEAR, CODE);
    expect(record?.state).toBe("plan d'action en cours");
    expect(record?.notes).toHaveLength(1);
    expect(record?.notes[0]?.by).toMatch(/^ligne de commande/);
    // The Union's update is in its audit log, naming what changed without quoting the note.
    const logged = await readAudit(db);
    expect(logged.map((e) => [e.action, e.structureCode, e.detail])).toContainEqual([
      "followup.note",
      CODE,
      "état, note, prochaine étape",
    ]);
    expect(JSON.stringify(logged)).not.toContain("plan de formation");
  });

  it("takes --next-step as jj/mm/aaaa like every other date, and shows dates as ISO strings in JSON", async () => {
    const moved = await barometre(
      "followup",
      "update",
      CODE,
      String(YEAR),
      "--next-step",
      "15/01/2027",
    );
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain("Prochaine étape : 15/01/2027.");
    expect((await getFollowup(db, YEAR, CODE))?.nextStep).toBe("2027-01-15");
    // Back to the day set above with AAAA-MM-JJ, still accepted.
    const back = await barometre(
      "followup",
      "update",
      CODE,
      String(YEAR),
      "--next-step",
      "2019-09-15",
    );
    expect(back.code, back.stderr).toBe(0);
    const shown = await barometre("followup", "show", CODE, String(YEAR), "--json");
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).not.toContain("_seconds");
    const record = JSON.parse(shown.stdout);
    expect(record.nextStep).toBe("2019-09-15");
    expect(record.notes[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(record.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const listed = await barometre("followup", "list", String(YEAR), "--json");
    expect(listed.stdout).not.toContain("_seconds");
    expect(JSON.parse(listed.stdout)[0].updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("says at next year's close, for each record, whether each indicator left the red band", async () => {
    await openCampaign(db, YEAR + 1, {}, ADMIN, new Date());
    // Next year: the first fragile structure sends the return of a healthy one, another sends nothing.
    const better = structuredClone(healthy[0]?.current);
    if (!better) throw new Error("no healthy structure");
    better.identification.structureCode = CODE;
    better.identification.year = YEAR + 1;
    await seedLatest(db, [storedRevision(better)]);
    const done = await openFollowups(db, YEAR + 1, ADMIN, new Date());
    const mine = done.reviewed.find((r) => r.structureCode === CODE);
    expect(mine?.outcome.indicators.every((i) => i.leftRed === true)).toBe(true);
    const silent = done.reviewed.find((r) => r.structureCode === fragile[1]?.code);
    expect(silent?.outcome.indicators.every((i) => i.leftRed === null)).toBe(true);
    const list = await barometre("followup", "list", String(YEAR));
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(`${fragile.length} fiche(s)`);
    const name = indicator(mine?.outcome.indicators[0]?.key ?? "trainingRate").name;
    expect(list.stdout).toContain(`${name} : sorti de la bande rouge`);
    expect(list.stdout).toContain("pas de retour");
  });
});

describe("barometre followup refusals", () => {
  it("refuses bad input in French with exit 2, storing nothing", async () => {
    const before = await getFollowup(db, YEAR, CODE);
    const cases: [string[], RegExp][] = [
      [["update", CODE, String(YEAR), "--state", "oublié"], /à contacter, plan d'action en cours/],
      [
        ["update", CODE, String(YEAR), "--next-step", "31/02/2027"],
        /^--next-step attend une date jj\/mm\/aaaa, pas « 31\/02\/2027 »\.$/m,
      ],
      [["update", CODE, String(YEAR), "--note", " "], /^--note est vide\.$/m],
      [["list", "2030"], /^La campagne 2030 n'existe pas\.$/m],
      [["show", CODE, "2030"], /^La campagne 2030 n'existe pas\.$/m],
      [["update", CODE, String(YEAR)], /Indiquez un état, une note ou une prochaine étape/],
      [["update", healthy[0]?.code ?? "", String(YEAR), "--note", "x"], /n'a pas de suivi/],
      [["show", "pas un code", String(YEAR)], /code structure valide/],
      [["list"], /exercice/],
      [["archive", String(YEAR)], /Usage/],
    ];
    for (const [args, why] of cases) {
      const run = await barometre("followup", ...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(why);
    }
    expect(await getFollowup(db, YEAR, CODE)).toEqual(before);
    expect(await getFollowup(db, YEAR, healthy[0]?.code ?? "")).toBeNull();
  });
});

describe("the Union's sheet and data protection", () => {
  it("lists the records in an Accompagnement tab", async () => {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
    const deps: SheetDeps = {
      db,
      clock: () => new Date(),
      sheets: await sheetsClient({ rootUrl: api.url, auth }),
      spreadsheetId: SHEET,
    };
    expect(await syncUnionSheet(deps, YEAR)).toBe("written");
    const tab = api.tabs.get(`Accompagnement ${YEAR}`)?.values ?? [];
    expect(tab[0]?.slice(0, 3)).toEqual(["Code", "Structure", "État du suivi"]);
    expect(tab.slice(1).map((r) => r[0])).toEqual(fragile.map((s) => s.code).sort());
    const row = tab.find((r) => r[0] === CODE) ?? [];
    expect(row[2]).toBe("plan d'action en cours");
    expect(row[4]).toBe("15/09/2019");
    expect(String(row[5])).toContain("Appel à la direction");
    expect(String(row[7])).toContain("sorti de la bande rouge");
  });

  it("includes the records in structure export and removes them with structure erase", async () => {
    const exported = await exportStructure(db, CODE);
    expect((exported.followups as unknown[]).length).toBe(1);
    const erased = await eraseStructure(db, CODE);
    expect(erased.followups).toBe(1);
    expect(await getFollowup(db, YEAR, CODE)).toBeNull();
  });
});
