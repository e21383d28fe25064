// GET campaignInfo: the deadline, the days left by the server's Paris day, and whether a return is accepted, for the
// structure's own directors and the Union only.
import { closeCampaign, configureCampaign, openCampaign } from "@barometre/functions/campaigns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  directorOf,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "./support/stack.ts";

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
