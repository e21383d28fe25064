// GET campaignInfo: the deadline, the days left by the server's Paris day, and whether a return is accepted, for the
// structure's own directors and the Union only.

import { computeIndicators, generateNetwork, NUMERIC_INDICATOR_KEYS } from "@barometre/shared";
import { seedLatest, storedRevision } from "@barometre/testing/network";
import {
  ADMIN,
  directorOf,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeCampaign, configureCampaign, openCampaign } from "../src/storage/campaigns.ts";
import { plainStats } from "./support/independent-stats.ts";

const CODE = "PIMMS-INFO";
let now = new Date("2019-06-18T08:00:00Z");
let stack: TestStack;
let director: string;

beforeAll(async () => {
  stack = await startTestStack({ clock: () => now });
  await seedDirectory(stack.db, [CODE, "PIMMS-AUTRE"]);
  await openCampaign(stack.db, 2018, { deadline: "2019-06-30" }, ADMIN, now);
  director = await stack.token(directorOf(CODE));
});
afterAll(() => stack.close());

const info = (query: Record<string, string>, token: string | undefined = director) =>
  stack.call("campaignInfo", { token, query });

async function infoAt(at: string) {
  now = new Date(at);
  const res = await info({ structureCode: CODE, year: "2018" });
  expect(res.status).toBe(200);
  return res.json();
}

describe("campaignInfo", () => {
  it("counts the days left from the server's day in Paris, the deadline day included", async () => {
    expect(await infoAt("2019-06-18T08:00:00Z")).toEqual({
      year: 2018,
      state: "open",
      deadline: "2019-06-30",
      today: "2019-06-18",
      daysLeft: 12,
      accepting: true,
      lastNetwork: null,
      peers: {
        choice: null,
        chosenFor: null,
        transparent: false,
        bands: {
          charges: [
            "charges : 1er tiers de l'an dernier",
            "charges : 2e tiers de l'an dernier",
            "charges : 3e tiers de l'an dernier",
          ],
          fte: [
            "effectif : 1er tiers de l'an dernier",
            "effectif : 2e tiers de l'an dernier",
            "effectif : 3e tiers de l'an dernier",
          ],
        },
        open: true,
      },
    });
    expect(await infoAt("2019-06-30T21:59:00Z")).toMatchObject({ daysLeft: 0, accepting: true });
    expect(await infoAt("2019-06-30T22:01:00Z")).toMatchObject({
      today: "2019-07-01",
      daysLeft: -1,
      accepting: false,
    });
  });

  it("says a campaign without deadline has none, and a closed one accepts nothing", async () => {
    await configureCampaign(stack.db, 2018, { deadline: null }, ADMIN, now);
    expect(await infoAt("2019-06-18T08:00:00Z")).toMatchObject({
      deadline: null,
      daysLeft: null,
      accepting: true,
    });
    await closeCampaign(stack.db, 2018, ADMIN, now);
    expect(await infoAt("2019-06-18T08:00:00Z")).toMatchObject({
      state: "closed",
      accepting: false,
    });
  });

  it("gives the last closed campaign's quartiles, and its extreme levels only when three structures share them", async () => {
    const network = generateNetwork({ size: 40, seed: 21 });
    const previous = network.structures.flatMap((s) => (s.previous ? [s.previous] : []));
    await openCampaign(stack.db, 2017, {}, ADMIN, now);
    await seedLatest(
      stack.db,
      previous.map((r) => storedRevision(r)),
    );
    await closeCampaign(stack.db, 2017, ADMIN, now);
    const body = await infoAt("2019-06-18T08:00:00Z");
    expect(body.lastNetwork).toMatchObject({ year: 2017, size: previous.length });
    for (const key of NUMERIC_INDICATOR_KEYS) {
      const values = previous
        .map((r) => computeIndicators(r)[key].value)
        .filter((v): v is number => typeof v === "number");
      const stats = plainStats(values);
      const shared = (v: number) => (values.filter((x) => x === v).length >= 3 ? v : null);
      const line = body.lastNetwork.indicators[key];
      expect(Object.keys(line).sort(), key).toEqual(["highest", "lowest", "median", "q1", "q3"]);
      for (const q of ["q1", "median", "q3"] as const) expect(line[q]).toBeCloseTo(stats[q], 12);
      expect(line.highest).toBe(shared(stats.max));
      expect(line.lowest).toBe(shared(stats.min));
    }
    // 100 % governance regularity, shared by many, is told as the highest level.
    expect(body.lastNetwork.indicators.governanceRegularity.highest).toBe(1);
  });

  it("answers the Union for any structure, and refuses others in French", async () => {
    const admin = await stack.token(ADMIN);
    expect((await info({ structureCode: "PIMMS-AUTRE", year: "2018" }, admin)).status).toBe(200);
    const cases: [Record<string, string>, string | undefined, number, RegExp][] = [
      [{ structureCode: "PIMMS-AUTRE", year: "2018" }, director, 403, /n'est pas autorisée/],
      [{ structureCode: CODE, year: "2018" }, undefined, 401, /Identification refusée/],
      [{ year: "2018" }, director, 400, /structureCode/],
      [{ structureCode: CODE, year: "18" }, director, 400, /« year »/],
      [
        { structureCode: CODE, year: "2031" },
        director,
        404,
        /La campagne 2031 n'a pas encore été lancée/,
      ],
    ];
    for (const [query, token, status, why] of cases) {
      const res = await stack.call("campaignInfo", { token, query });
      expect(res.status, JSON.stringify(query)).toBe(status);
      expect((await res.json()).error).toMatch(why);
    }
    const post = await stack.call("campaignInfo", { token: director, body: {} });
    expect(post.status).toBe(405);
  });
});
