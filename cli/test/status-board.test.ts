// The campaign's status board in its three places, against the emulator: campaignExport (JSON status array,
// view=status in JSON and CSV), the Suivi tab of the Union's sheet (local Sheets API server), barometre campaign status.
import {
  configureCampaign,
  openCampaign,
  sheetsClient,
  syncUnionSheet,
} from "@barometre/functions/admin";
import { computeIndicators, fragileKeys, type PimmsReturn } from "@barometre/shared";
import { barometre } from "@barometre/testing/run-barometre";
import { type SheetsServer, startSheetsServer } from "@barometre/testing/sheets-server";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { OAuth2Client } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Not started, prepared, submitted healthy and reviewed, submitted and fragile. */
const [IDLE, PREPARED, REVIEWED, FRAGILE] = ["PIMMS-AAA", "PIMMS-BBB", "PIMMS-CCC", "PIMMS-DDD"];
const YEAR = 2018;
const SHEET = "1SuIvI-2018";
const TOKEN = "ya29.status-test";

/** The sample return with no indicator in the red band: every meeting held in full, funds, positive exits. */
function healthy(r: PimmsReturn): void {
  for (const meeting of Object.values(r.governance)) {
    meeting.date ??= "2019-04-12";
    Object.assign(meeting, { president: true, treasurer: true, secretary: true });
  }
  r.finance.associationFunds = r.finance.chargesTotal;
  Object.assign(r.social, { exitsJobSeeking: 0, exitsOther: 0 });
}

/** The fragile one: the sample's own red bands, and its training rate too. */
const lowTraining = (r: PimmsReturn) => {
  r.finance.trainingCosts = 0;
};
const FRAGILE_KEYS = (() => {
  const r = sampleReturn(FRAGILE, YEAR);
  lowTraining(r);
  return fragileKeys(computeIndicators(r));
})();

let now = new Date("2019-06-03T08:00:00Z");
let stack: TestStack;
let admin: string;
let api: SheetsServer;

const asDirector = async (code: string) => stack.token(directorOf(code));

async function prepare(code: string) {
  return stack.call("reportProgress", {
    token: await asDirector(code),
    body: { structureCode: code, year: YEAR, step: "prepared" },
  });
}

async function submit(
  code: string,
  tweak: (r: ReturnType<typeof sampleReturn>) => void = () => {},
) {
  const ret = sampleReturn(code, YEAR);
  tweak(ret);
  const res = await stack.call("submitReturn", {
    token: await asDirector(code),
    body: { return: ret, idempotencyKey: `${code}-status-key`, attestation: ATTESTATION },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  stack = await startTestStack({ clock: () => now });
  admin = await stack.token(ADMIN);
  await seedDirectory(stack.db, [IDLE, PREPARED, REVIEWED, FRAGILE]);
  await openCampaign(stack.db, YEAR, { deadline: "2019-06-30" }, ADMIN, now);
  expect((await prepare(PREPARED)).status).toBe(200);
  expect((await prepare(FRAGILE)).status).toBe(200);
  now = new Date("2019-06-05T09:30:00Z");
  await submit(REVIEWED, healthy);
  await submit(FRAGILE, lowTraining);
  const review = await stack.call("reviewReturn", {
    token: admin,
    body: {
      structureCode: REVIEWED,
      year: YEAR,
      revision: 1,
      state: "hasIssues",
      comment: "Fonds associatifs à vérifier.",
    },
  });
  expect(review.status).toBe(200);
  api = await startSheetsServer(SHEET, TOKEN);
});
afterAll(async () => {
  await api?.close();
  await stack.close();
});

const exportOf = async (query: Record<string, string>) =>
  stack.call("campaignExport", { token: admin, query: { year: String(YEAR), ...query } });

describe("reportProgress", () => {
  it("keeps the first preparation and moves only the last one", async () => {
    now = new Date("2019-06-06T10:00:00Z");
    const again = await prepare(PREPARED);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      structureCode: PREPARED,
      year: YEAR,
      step: "prepared",
      preparedAt: "2019-06-03T08:00:00.000Z",
      lastPreparedAt: "2019-06-06T10:00:00.000Z",
    });
  });

  it("refuses, in French and storing nothing, what the status board must not believe", async () => {
    const other = await stack.token(directorOf(IDLE));
    const cases: [Record<string, unknown>, string | undefined, number, RegExp][] = [
      [
        { structureCode: PREPARED, year: YEAR, step: "prepared" },
        other,
        403,
        /n'est pas autorisée/,
      ],
      [
        { structureCode: IDLE, year: YEAR, step: "prepared" },
        undefined,
        401,
        /Identification refusée/,
      ],
      [{ structureCode: IDLE, year: YEAR, step: "submitted" }, other, 400, /step/],
      [{ structureCode: IDLE, year: 2030, step: "prepared" }, other, 404, /campagne 2030/],
    ];
    for (const [body, token, status, why] of cases) {
      const res = await stack.call("reportProgress", { token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error).toMatch(why);
    }
    const get = await stack.call("reportProgress", { token: other });
    expect(get.status).toBe(405);
    const board = await (await exportOf({ view: "status" })).json();
    expect(
      board.status.find((r: { structureCode: string }) => r.structureCode === IDLE).state,
    ).toBe("notStarted");
  });
});

describe("campaignExport", () => {
  it("adds to the returns of docs/api.md a status array of every registered structure", async () => {
    const body = await (await exportOf({})).json();
    expect(body.returns.map((r: { structureCode: string }) => r.structureCode)).toEqual([
      REVIEWED,
      FRAGILE,
    ]);
    expect(body.status).toEqual([
      {
        structureCode: IDLE,
        name: `PIMMS ${IDLE}`,
        territory: "Urbain QPV",
        state: "notStarted",
        preparedAt: null,
        revision: null,
        submittedAt: null,
        submittedBy: null,
        review: null,
        fragile: [],
        revisions: 0,
        firstSubmittedAt: null,
        daysLate: null,
      },
      expect.objectContaining({
        structureCode: PREPARED,
        state: "prepared",
        preparedAt: "2019-06-03T08:00:00.000Z",
        revision: null,
      }),
      expect.objectContaining({
        structureCode: REVIEWED,
        state: "submitted",
        preparedAt: null,
        revision: 1,
        submittedAt: "2019-06-05T09:30:00.000Z",
        submittedBy: directorOf(REVIEWED),
        review: "hasIssues",
        fragile: [],
        revisions: 1,
        firstSubmittedAt: "2019-06-05T09:30:00.000Z",
        daysLate: 0,
      }),
      expect.objectContaining({
        structureCode: FRAGILE,
        state: "submitted",
        preparedAt: "2019-06-03T08:00:00.000Z",
        review: "pending",
        fragile: FRAGILE_KEYS,
      }),
    ]);
  });

  it("gives the board alone with view=status, as JSON with its counts and as CSV for French Excel", async () => {
    const board = await (await exportOf({ view: "status" })).json();
    expect(board).toMatchObject({
      year: YEAR,
      state: "open",
      deadline: "2019-06-30",
      counts: { notStarted: 1, prepared: 1, submitted: 2 },
      rates: { response: 0.5, onTime: 0.5, accepted: 0 },
    });
    expect(board.status).toHaveLength(4);
    const res = await exportOf({ view: "status", format: "csv" });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="barometre-${YEAR}-suivi.csv"`,
    );
    const csv = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(
      csv.startsWith("\uFEFFCode;Structure;Type de territoire;État;Classeur préparé le;"),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(`${IDLE};PIMMS ${IDLE};Urbain QPV;non commencé;;;;;;;0;`);
    expect(lines[2]).toMatch(
      new RegExp(`^${PREPARED};.*;classeur préparé;03/06/2019 10:00:00;;;;;;0;$`),
    );
    expect(lines[3]).toBe(
      `${REVIEWED};PIMMS ${REVIEWED};Urbain QPV;retour envoyé;;1;05/06/2019 11:30:00;${directorOf(REVIEWED)};à corriger;aucun;1;0`,
    );
    expect(lines[4]).toMatch(
      /;retour envoyé;03\/06\/2019 10:00:00;1;.*;en attente;Régularité des instances, Équilibre financier, Taux de formation, Taux de sorties positives;1;0$/,
    );
  });

  it("refuses an unknown view, naming the parameter", async () => {
    const res = await exportOf({ view: "everything" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("Le paramètre « view » doit valoir returns ou status.");
  });
});

describe("the Union's sheet", () => {
  it("writes the board in a Suivi tab, in the same one values.batchUpdate as the other tabs", async () => {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
    const deps = {
      db: stack.db,
      clock: () => now,
      sheets: await sheetsClient({ rootUrl: api.url, auth }),
      spreadsheetId: SHEET,
    };
    expect(await syncUnionSheet(deps, YEAR)).toBe("written");
    const writes = api.requests.filter((r) => r.path.endsWith("/values:batchUpdate"));
    expect(writes).toHaveLength(1);
    expect(writes[0]?.body?.data?.map((d) => d.range)).toContain(`'Suivi ${YEAR}'!A1:L9`);
    const tab = api.tabs.get(`Suivi ${YEAR}`)?.values ?? [];
    expect(tab[0]).toEqual([
      "Code",
      "Structure",
      "Type de territoire",
      "État",
      "Classeur préparé le",
      "Révision",
      "Transmise le",
      "Transmise par",
      "Revue de l'Union",
      "Indicateurs en bande rouge",
      "Révisions",
      "Jours de retard",
    ]);
    expect(tab.slice(-3)).toEqual([
      ["Taux de réponse", "50,0\u00a0%", ...Array(10).fill("")],
      ["Retours envoyés dans les délais", "50,0\u00a0%", ...Array(10).fill("")],
      ["Retours acceptés par l'Union", "0,0\u00a0%", ...Array(10).fill("")],
    ]);
    expect(tab.slice(1, 5).map((r) => [r[0], r[3], r[5], r[8], r[9]])).toEqual([
      [IDLE, "non commencé", "", "", ""],
      [PREPARED, "classeur préparé", "", "", ""],
      [REVIEWED, "retour envoyé", 1, "à corriger", "aucun"],
      [
        FRAGILE,
        "retour envoyé",
        1,
        "en attente",
        "Régularité des instances, Équilibre financier, Taux de formation, Taux de sorties positives",
      ],
    ]);

    api.requests.length = 0;
    expect((await prepare(IDLE)).status).toBe(200);
    expect(await syncUnionSheet(deps, YEAR)).toBe("written");
    expect(api.tabs.get(`Suivi ${YEAR}`)?.values[1]?.slice(3, 5)).toEqual([
      "classeur préparé",
      "06/06/2019 12:00:00",
    ]);
  });
});

describe("barometre campaign status", () => {
  it("prints a French table with the campaign's deadline and counts, and the same board as JSON", async () => {
    const run = await barometre("campaign", "status", String(YEAR));
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const [head, counts, rates, , columns, , ...rows] = run.stdout.trimEnd().split("\n");
    expect(head).toMatch(
      /^Campagne 2018 : ouverte\. Date limite : 30\/06\/2019, passée depuis [\d\u202f]+ jours\.$/,
    );
    expect(counts).toBe(
      "4 structures : 2 ont envoyé leur retour, 2 ont préparé leur classeur sans l'envoyer, 0 n'ont pas commencé.",
    );
    expect(rates).toBe(
      "Taux de réponse : 50,0\u00a0% ; retours envoyés dans les délais : 50,0\u00a0% ; retours acceptés par l'Union : 0,0\u00a0% (parts des structures inscrites).",
    );
    expect(columns?.split(/\s{2,}/)).toEqual([
      "Code",
      "Structure",
      "État",
      "Révision",
      "Transmise le",
      "Revue de l'Union",
      "Indicateurs en bande rouge",
      "Jours de retard",
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[3]?.split(/\s{2,}/)).toEqual([
      FRAGILE,
      `PIMMS ${FRAGILE}`,
      "retour envoyé",
      "1",
      "05/06/2019 11:30:00",
      "en attente",
      "Régularité des instances, Équilibre financier, Taux de formation, Taux de sorties positives",
      "0",
    ]);

    const json = await barometre("campaign", "status", String(YEAR), "--json");
    const answered = await (await exportOf({ view: "status" })).json();
    expect(JSON.parse(json.stdout)).toEqual(answered);
  });

  it("configures reminder days, shows them, and refuses options of other actions in French", async () => {
    const set = await barometre(
      "campaign",
      "configure",
      String(YEAR),
      "--reminders",
      "J+1,J-10,j-3",
    );
    expect(set, set.stderr).toMatchObject({ code: 0 });
    expect(set.stdout).toContain("  relances : J-10, J-3, J+1");
    await configureCampaign(stack.db, YEAR, { reminderOffsets: [-14, -7, -2, 1] }, ADMIN, now);
    const refusals: [string[], RegExp][] = [
      [["configure", "2018"], /Indiquez au moins un réglage/],
      [["configure", "2018", "--reminders", "J-7,J-7"], /qu'une fois/],
      [["configure", "2018", "--reminders", "J-120"], /au plus tôt à J-90/],
      [["configure", "2018", "--reminders", "demain"], /J-14,J-7,J-2,J\+1/],
      [
        ["status", "2018", "--reminders", "J-7"],
        /ne s'emploie qu'avec « campaign open » ou « campaign configure »/,
      ],
      [["show", "2018", "--json"], /ne s'emploie qu'avec « campaign status »/],
      [["status", "2030"], /La campagne 2030 n'existe pas/],
    ];
    for (const [args, why] of refusals) {
      const run = await barometre("campaign", ...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(why);
    }
  });
});

describe("completeness and timeliness", () => {
  it("counts a late first revision in days (Paris time), revisions, and the share accepted", async () => {
    // The Union moves the deadline to let a late return in: it is still late against the announced one.
    await configureCampaign(stack.db, YEAR, { deadline: "2019-07-15" }, ADMIN, now);
    // 1 July 2019 at 00:30 in Paris is still 30 June in UTC: one day late.
    now = new Date("2019-06-30T22:30:00Z");
    await submit(IDLE);
    now = new Date("2019-07-02T08:00:00Z");
    const correction = await stack.call("submitReturn", {
      token: await asDirector(REVIEWED),
      body: {
        return: (() => {
          const r = sampleReturn(REVIEWED, YEAR);
          healthy(r);
          r.social.staffTotal = (r.social.staffTotal ?? 0) + 1;
          return r;
        })(),
        idempotencyKey: `${REVIEWED}-correction`,
        attestation: ATTESTATION,
      },
    });
    expect(correction.status).toBe(200);
    const accepted = await stack.call("reviewReturn", {
      token: admin,
      body: { structureCode: REVIEWED, year: YEAR, revision: 2, state: "accepted" },
    });
    expect(accepted.status).toBe(200);
    const board = await (await exportOf({ view: "status" })).json();
    expect(board.rates).toEqual({ response: 0.75, onTime: 0.5, accepted: 0.25 });
    const row = (code: string) =>
      board.status.find((r: { structureCode: string }) => r.structureCode === code);
    expect(row(IDLE)).toMatchObject({ revisions: 1, daysLate: 1 });
    // The correction after the deadline does not make the first, timely answer late.
    expect(row(REVIEWED)).toMatchObject({
      revisions: 2,
      daysLate: 0,
      firstSubmittedAt: "2019-06-05T09:30:00.000Z",
      review: "accepted",
    });
    const run = await barometre("campaign", "status", String(YEAR));
    expect(run.stdout).toContain(
      "Taux de réponse : 75,0\u00a0% ; retours envoyés dans les délais : 50,0\u00a0% ; retours acceptés par l'Union : 25,0\u00a0%",
    );
  });
});
