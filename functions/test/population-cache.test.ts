// The population cache reads only what changed: nothing for a closed campaign whose members did not change, and
// not again the latest copies that share one submittedAt (a bulk import) once they are old; never misses a change.

import {
  type DemoStructure,
  generateNetwork,
  type Indicators,
  type PimmsReturn,
} from "@barometre/shared";
import { useEmulator } from "@barometre/testing/emulator";
import { seedLatest, shardsOf, storedRevision } from "@barometre/testing/network";
import type { Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { PopulationCache } from "../src/positioning/population-cache.ts";
import { closeCampaign, openCampaign } from "../src/storage/campaigns.ts";
import { latestDoc, revisionId, revisionsCol } from "../src/storage/paths.ts";
import { bumpPopulation, syncLatest } from "../src/storage/revisions.ts";
import { type AnsweredQuery, recordQueries } from "./support/emulator-queries.ts";

const network = generateNetwork({ size: 30, seed: 30 });
const year = network.year;
const before = year - 1;
const MARGIN = 2 * 60_000;
/** When every return was imported at once, long before the checks below. */
const BULK = new Date(Date.UTC(year + 1, 2, 1, 9, 0));
const START = new Date(Date.UTC(year + 1, 5, 1, 12, 0));
const firestore = useEmulator("population-cache");
let db: Firestore;
let queries: AnsweredQuery[];

/** The structures that also have a return for the year before. */
const veterans = network.structures.filter((s) => s.previous);
const at = (ms: number) => new Date(START.getTime() + ms);
const previousOf = (s: DemoStructure) => s.previous as PimmsReturn;
/** What positioning uses of a member's indicators: their values (the cache keeps no bands or reasons). */
const valuesOf = (indicators: Indicators | undefined) =>
  Object.fromEntries(Object.entries(indicators ?? {}).map(([key, r]) => [key, r.value]));
/** Documents the filtered (delta) queries on a campaign's latest copies returned since the mark. */
const deltaReads = (campaign: number, mark: number) =>
  queries
    .slice(mark)
    .filter((q) => q.collection === `campaigns/${campaign}/latest` && q.filtered)
    .map((q) => q.matched);

/** What another instance does for a new revision: store it, copy it as latest, raise the version. */
async function newRevision(s: DemoStructure, campaign: number, number: number, submittedAt: Date) {
  const ret = structuredClone(campaign === year ? s.current : previousOf(s));
  ret.activity.visitors = (ret.activity.visitors ?? 0) + number;
  await revisionsCol(db, campaign, s.code)
    .doc(revisionId(number))
    .create(storedRevision(ret, { number, at: submittedAt }));
  await syncLatest(db, campaign, s.code, (await shardsOf(db, [campaign])).get(campaign));
}

beforeAll(async () => {
  db = firestore().db;
  queries = recordQueries(firestore().emulator);
  await openCampaign(db, year, {}, "union@pimms.example", BULK);
  await openCampaign(db, before, {}, "union@pimms.example", BULK);
  await closeCampaign(db, before, "union@pimms.example", BULK);
  await seedLatest(db, [
    ...network.structures.map((s) => storedRevision(s.current, { at: BULK })),
    ...veterans.map((s) => storedRevision(previousOf(s), { at: BULK })),
  ]);
});

describe("the population cache", () => {
  it("reads the rows of a bulk import once: a later delta fetches only what changed since the last check", async () => {
    const cache = new PopulationCache({ marginMs: MARGIN });
    expect((await cache.get(db, year, at(0))).members.size).toBe(30);
    const [a, b, c] = network.structures as [DemoStructure, DemoStructure, DemoStructure];
    await newRevision(a, year, 2, at(1_000));
    await newRevision(b, year, 2, at(2_000));
    let mark = queries.length;
    const first = await cache.get(db, year, at(3_000));
    expect(deltaReads(year, mark)).toEqual([2]);
    expect(first.members.get(a.code)).toBeDefined();
    expect(cache.counts).toEqual({ snapshot: 1, full: 0, cached: 0, delta: 1 });

    // Checks with nothing new move the delta's start forward.
    await cache.get(db, year, at(5 * 60_000));
    // Later changes: neither the bulk nor the changes already merged are fetched again.
    await newRevision(c, year, 2, at(10 * 60_000 - 30_000));
    await newRevision(a, year, 3, at(10 * 60_000 - 20_000));
    mark = queries.length;
    await cache.get(db, year, at(10 * 60_000 - 10_000));
    expect(deltaReads(year, mark)).toEqual([2]);
    expect(cache.counts).toEqual({ snapshot: 1, full: 0, cached: 1, delta: 2 });
  });

  it("never misses a copy written after a check with an earlier submittedAt, down to the margin's edge", async () => {
    const cache = new PopulationCache({ marginMs: MARGIN });
    const check = at(20 * 60_000);
    await cache.get(db, year, check);
    const [, , , d, e] = network.structures as DemoStructure[];
    // Slow writers: their requests started before the check, their copies land after it.
    await newRevision(d as DemoStructure, year, 2, new Date(check.getTime() - MARGIN));
    await newRevision(e as DemoStructure, year, 2, BULK);
    const population = await cache.get(db, year, new Date(check.getTime() + 1_000));
    const stored = (await db.collection(`campaigns/${year}/latest`).get()).docs;
    expect(
      Object.fromEntries(
        [...population.members].map(([code, m]) => [code, valuesOf(m.indicators)]),
      ),
    ).toEqual(Object.fromEntries(stored.map((doc) => [doc.id, valuesOf(doc.get("indicators"))])));
    // e's copy predates the margin: only the totals catch it, and the population is read again in full.
    expect(cache.counts).toEqual({ snapshot: 1, full: 1, cached: 0, delta: 1 });
  });

  it("fetches nothing more for a closed campaign whose members did not change, and rereads it when one is erased", async () => {
    const cache = new PopulationCache({ marginMs: MARGIN });
    expect((await cache.get(db, before, at(0))).members.size).toBe(veterans.length);
    // A review re-copies a latest revision unchanged and raises the version.
    await bumpPopulation(db, before);
    let mark = queries.length;
    await cache.get(db, before, at(1_000));
    await cache.get(db, before, at(2_000));
    expect(deltaReads(before, mark)).toEqual([]);
    expect(cache.counts).toEqual({ snapshot: 1, full: 0, cached: 1, delta: 0 });

    const gone = veterans[7] as DemoStructure;
    await latestDoc(db, before, gone.code).delete();
    await bumpPopulation(db, before);
    mark = queries.length;
    const after = await cache.get(db, before, at(3_000));
    expect(deltaReads(before, mark)).toEqual([]);
    expect(after.members.has(gone.code)).toBe(false);
    expect(after.members.size).toBe(veterans.length - 1);
    expect(cache.counts).toEqual({ snapshot: 1, full: 1, cached: 1, delta: 0 });
  });

  it("lets concurrent requests share one load, and one delta after another instance's change", async () => {
    const cache = new PopulationCache({ marginMs: MARGIN });
    const cold = await Promise.all(Array.from({ length: 16 }, () => cache.get(db, year, at(0))));
    expect(new Set(cold.map((p) => p.members.size))).toEqual(new Set([30]));
    expect(cache.counts).toEqual({ snapshot: 1, full: 0, cached: 15, delta: 0 });

    await newRevision(network.structures[9] as DemoStructure, year, 2, at(1_000));
    const mark = queries.length;
    await Promise.all(Array.from({ length: 16 }, () => cache.get(db, year, at(2_000))));
    expect(deltaReads(year, mark)).toHaveLength(1);
    expect(cache.counts).toEqual({ snapshot: 1, full: 0, cached: 30, delta: 1 });
  });

  it("sees the submissions of a closed campaign reopened since it was loaded", async () => {
    const cache = new PopulationCache({ marginMs: MARGIN });
    await cache.get(db, before, at(0));
    await openCampaign(db, before, {}, "union@pimms.example", at(1_000));
    const s = veterans[3] as DemoStructure;
    await newRevision(s, before, 2, at(2_000));
    const population = await cache.get(db, before, at(3_000));
    expect(valuesOf(population.members.get(s.code)?.indicators)).toEqual(
      valuesOf((await latestDoc(db, before, s.code).get()).get("indicators")),
    );
    expect(cache.counts).toMatchObject({ snapshot: 1, full: 1 });
  });
});
