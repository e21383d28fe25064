// Union administration over HTTP: campaigns (open, settings, close), the campaign export in JSON and CSV, healthz.

import {
  bandsFor,
  FIELDS,
  INDICATOR_KEYS,
  indicator,
  STATUS_LABELS,
  type Status,
} from "@barometre/shared";
import { barometre } from "@barometre/testing/run-barometre";
import {
  ADMIN,
  ATTESTATION,
  AUDIENCE,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutVersion, REPOSITORY_ROOT } from "../src/runtime/version.ts";

let stack: TestStack;

const readBands = async () =>
  (await (await stack.call("manageCampaign", { token: admin, query: { year: "2018" } })).json())
    .campaign.sizeBands;
let admin: string;
let director: string;
const CODES = ["PIMMS-ANTONY", "PIMMS-RENNES"];

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, CODES);
  admin = await stack.token(ADMIN);
  director = await stack.token(directorOf("PIMMS-RENNES"));
});
afterAll(() => stack.close());

const manage = (body: unknown, token = admin) => stack.call("manageCampaign", { token, body });

async function submit(
  code: string,
  key: string,
  tweak: (r: ReturnType<typeof sampleReturn>) => void = () => {},
) {
  const ret = sampleReturn(code);
  tweak(ret);
  return stack.call("submitReturn", {
    token: await stack.token(directorOf(code)),
    body: { return: ret, idempotencyKey: key, attestation: ATTESTATION },
  });
}

describe("manageCampaign", () => {
  it("opens a campaign with default settings, then the campaign accepts returns", async () => {
    const res = await manage({ action: "open", year: 2018 });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.campaign).toMatchObject({
      year: 2018,
      state: "open",
      deadline: null,
      bands: {},
      minGroupSize: 5,
      mode: "anonymous",
      updatedBy: ADMIN,
    });
    // The record of past campaigns is the live answers' own (positioning/past-record.ts), not the campaign's.
    expect(body.campaign).not.toHaveProperty("pastCampaigns");
    expect((await submit("PIMMS-ANTONY", "antony-open")).status).toBe(200);
  });

  it("applies the campaign's status bands to the indicators of the next submissions", async () => {
    const before = await (await submit("PIMMS-RENNES", "rennes-default-bands")).json();
    expect(before.indicators.trainingRate.status).toBe("green");
    const res = await manage({
      action: "configure",
      year: 2018,
      bands: {
        trainingRate: {
          kind: "numeric",
          green: { op: ">=", value: 0.05 },
          orange: { op: ">=", value: 0.03 },
        },
      },
      minGroupSize: 3,
      mode: "transparent",
      deadline: "2099-06-30",
    });
    expect(res.status).toBe(200);
    expect((await res.json()).campaign).toMatchObject({
      minGroupSize: 3,
      mode: "transparent",
      deadline: "2099-06-30",
    });
    const after = await (
      await submit("PIMMS-RENNES", "rennes-new-bands", (r) => {
        r.social.staffTotal = 10;
      })
    ).json();
    expect(after.indicators.trainingRate.status).toBe("orange");
  });

  it("replaces the whole set of band overrides, so an override can be dropped", async () => {
    await manage({ action: "configure", year: 2018, bands: {} });
    const read = await (
      await stack.call("manageCampaign", { token: admin, query: { year: "2018" } })
    ).json();
    expect(read.campaign.bands).toEqual({});
    expect(read.campaign).toMatchObject({ minGroupSize: 3, mode: "transparent" });
  });

  it("refuses settings that make no sense, in French, naming the setting", async () => {
    const cases: [unknown, RegExp][] = [
      [{ action: "configure", year: 2018, minGroupSize: 0 }, /minGroupSize/],
      [{ action: "configure", year: 2018, deadline: "30/06/2019" }, /deadline/],
      [{ action: "configure", year: 2018, mode: "public" }, /mode/],
      [
        {
          action: "configure",
          year: 2018,
          bands: {
            trainingRate: {
              kind: "numeric",
              green: { op: ">=", value: 0.01 },
              orange: { op: ">=", value: 0.02 },
            },
          },
        },
        /seuil vert/,
      ],
      [
        { action: "configure", year: 2018, bands: { trainingRate: { kind: "boolean" } } },
        /numériques/,
      ],
      [
        { action: "configure", year: 2018, bands: { noSuchIndicator: { kind: "boolean" } } },
        /noSuchIndicator/,
      ],
      [
        {
          action: "configure",
          year: 2018,
          sizeBands: {
            charges: [
              { min: 0, max: 300_000 },
              { min: 250_000, max: null },
            ],
          },
        },
        /sizeBands.*charges.*se chevauchent/,
      ],
      [
        {
          action: "configure",
          year: 2018,
          sizeBands: {
            fte: [
              { min: 0, max: 10 },
              { min: 12, max: null },
            ],
          },
        },
        /sizeBands.*fte.*laissent un trou/,
      ],
      [{ action: "destroy", year: 2018 }, /action/],
      [{ action: "open", year: 1999 }, /year/],
    ];
    for (const [body, why] of cases) {
      const res = await manage(body);
      const answer = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(answer.error).toMatch(why);
    }
    // Nothing stored: no size bands on the campaign.
    const read = await (
      await stack.call("manageCampaign", { token: admin, query: { year: "2018" } })
    ).json();
    expect(read.campaign.sizeBands).toBeUndefined();
  });

  it("keeps the size bands the Union sets for the campaign", async () => {
    const sizeBands = {
      charges: [
        { min: 0, max: 300_000 },
        { min: 300_000, max: 600_000 },
        { min: 600_000, max: null },
      ],
    };
    const res = await manage({ action: "configure", year: 2018, sizeBands });
    expect(res.status).toBe(200);
    expect((await res.json()).campaign.sizeBands).toEqual(sizeBands);
  });

  it("sets the size bands from the command line, refusing overlaps and gaps with exit code 2", async () => {
    let stderr = "";
    const configure = async (...args: string[]) => {
      const run = await barometre("campaign", "configure", "2018", ...args);
      stderr += run.stderr;
      return run.code;
    };
    const codes = [
      await configure("--fte-bands", "0-10,12-"),
      await configure("--charges-bands", "0-300000,250000-"),
      await configure("--fte-bands", "0-10,dix-"),
    ];
    expect(await readBands()).toEqual({
      charges: [
        { min: 0, max: 300_000 },
        { min: 300_000, max: 600_000 },
        { min: 600_000, max: null },
      ],
    });
    codes.push(await configure("--fte-bands", "0-7.5,7.5-12,12-"));
    expect(codes, stderr).toEqual([2, 2, 2, 0]);
    expect(stderr).toContain("--fte-bands : Les tranches de l'effectif en ETP laissent un trou");
    expect(stderr).toContain("--charges-bands : Les tranches du total des charges se chevauchent");
    expect(stderr).toContain("pas « dix- »");
    expect((await readBands())?.fte).toEqual([
      { min: 0, max: 7.5 },
      { min: 7.5, max: 12 },
      { min: 12, max: null },
    ]);
  });

  it("closes a campaign, after which submissions get 409; reopening accepts them again", async () => {
    expect((await manage({ action: "close", year: 2018 })).status).toBe(200);
    expect((await submit("PIMMS-ANTONY", "antony-closed")).status).toBe(409);
    const reopened = await (await manage({ action: "open", year: 2018 })).json();
    expect(reopened.campaign).toMatchObject({ state: "open", minGroupSize: 3 });
    expect((await submit("PIMMS-ANTONY", "antony-reopened")).status).toBe(200);
  });

  it("answers 404 for a campaign that does not exist", async () => {
    expect((await manage({ action: "close", year: 2030 })).status).toBe(404);
    expect((await manage({ action: "configure", year: 2030, mode: "anonymous" })).status).toBe(404);
    const read = await stack.call("manageCampaign", { token: admin, query: { year: "2030" } });
    expect(read.status).toBe(404);
  });

  it("is for Union admins only", async () => {
    expect((await manage({ action: "close", year: 2018 }, director)).status).toBe(403);
    const read = await stack.call("manageCampaign", { token: director, query: { year: "2018" } });
    expect(read.status).toBe(403);
    expect((await stack.call("manageCampaign", { query: { year: "2018" } })).status).toBe(401);
  });
});

describe("campaignExport", () => {
  it("gives the latest revision of each structure as the JSON of docs/api.md", async () => {
    const res = await stack.call("campaignExport", { token: admin, query: { year: "2018" } });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.year).toBe(2018);
    expect(body.returns.map((r: { structureCode: string }) => r.structureCode)).toEqual(CODES);
    const rennes = body.returns[1];
    expect(Object.keys(rennes).sort()).toEqual(
      [
        "indicators",
        "return",
        "revision",
        "structureCode",
        "submittedAt",
        "submittedBy",
        "review",
        "attestation",
        "explanations",
      ].sort(),
    );
    expect(rennes).toMatchObject({
      review: { state: "pending" },
      attestation: ATTESTATION,
      explanations: {},
    });
    expect(rennes).toMatchObject({ revision: 2, submittedBy: directorOf("PIMMS-RENNES") });
    expect(rennes.return.social.staffTotal).toBe(10);
    expect(Number.isNaN(Date.parse(rennes.submittedAt))).toBe(false);
    expect(Object.keys(rennes.indicators)).toEqual([...INDICATOR_KEYS]);
  });

  it("gives the same as CSV for French Excel: BOM, semicolons, French labels and numbers", async () => {
    const res = await stack.call("campaignExport", {
      token: admin,
      query: { year: "2018", format: "csv" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("barometre-2018.csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    const header = lines[0]?.split(";") ?? [];
    expect(header.slice(0, 4)).toEqual(["Révision", "Soumis le", "Soumis par", "Revue de l'Union"]);
    expect(header).toContain("Total des produits");
    expect(header).toContain(`Indicateur : ${indicator("trainingRate").name}`);
    const banded = INDICATOR_KEYS.filter((k) => bandsFor(k) !== null).length;
    expect(header).toHaveLength(4 + FIELDS.length + INDICATOR_KEYS.length + banded + 2);
    expect(header.slice(-2)).toEqual(["Attestée par", "Explications de la structure"]);
    const cells = lines[2]?.split(";") ?? [];
    const at = (label: string) => cells[header.indexOf(label)];
    expect(at("Code structure")).toBe("PIMMS-RENNES");
    expect(at("Total des produits")).toBe("329255,11");
    expect(at("Date du CA de validation des comptes")).toBe("07/04/2019");
    expect(at("Volet certification réseau intégré au plan d'action stratégique")).toBe("Oui");
    expect(at("Courriel du trésorier")).toBe("");
    expect(at("Revue de l'Union")).toBe("en attente");
    expect(at("Attestée par")).toBe("Claire Martin (direction)");
    expect(at("Soumis le")).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(at(`Indicateur : ${indicator("trainingRate").name}`)).toMatch(/^0,0364/);
    // The band the revision was stored with, under the campaign's bands of the time.
    const stored = (await stack.db.doc("campaigns/2018/latest/PIMMS-RENNES").get()).get(
      "indicators",
    );
    expect(at(`Bande : ${indicator("trainingRate").name}`)).toBe(
      STATUS_LABELS[stored.trainingRate.status as Status],
    );
    expect(at(`Bande : ${indicator("financialBalance").name}`)).toBe("Rouge");
  });

  it("answers 400 for an unknown format, 404 for an unknown campaign, 403 for a director", async () => {
    const format = await stack.call("campaignExport", {
      token: admin,
      query: { year: "2018", format: "xml" },
    });
    expect(format.status).toBe(400);
    const unknown = await stack.call("campaignExport", { token: admin, query: { year: "2031" } });
    expect(unknown.status).toBe(404);
    const byDirector = await stack.call("campaignExport", {
      token: director,
      query: { year: "2018" },
    });
    expect(byDirector.status).toBe(403);
  });
});

describe("healthz", () => {
  it("answers once Firestore answers, without a token, with what barometre doctor compares", async () => {
    const res = await stack.call("healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      version: checkoutVersion(REPOSITORY_ROOT),
      audiences: [AUDIENCE],
      mailFrom: true,
      unionSheet: false,
    });
    expect((await stack.call("healthz", { body: {} })).status).toBe(405);
  });
});
