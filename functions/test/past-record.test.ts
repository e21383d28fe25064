// A campaign's record of its past campaigns gives a live answer the trajectories that reading every past year gives,
// whatever the order the campaigns were opened and closed in: past years closed or opened after the campaign too.
import { generateNetwork, memberOf, type PimmsReturn, trajectoriesOf } from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { ADMIN, startTestStack, type TestStack } from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeFinalBenchmark } from "../src/close/final-benchmark.ts";
import { pastCampaignsOf } from "../src/positioning/past-campaigns.ts";
import { pastRecordOf, pastYearIn } from "../src/positioning/past-record.ts";
import { applyRetention } from "../src/retention/purge.ts";
import { closeCampaign, getCampaign, openCampaign } from "../src/storage/campaigns.ts";
import { getLatest } from "../src/storage/revisions.ts";

const network = generateNetwork({ size: 24, seed: 31 });
const YEAR = network.year;
let stack: TestStack;

const close = (year: number) =>
  takeFinalBenchmark(
    stack.db,
    { year, mode: "anonymous", minGroupSize: 5, bands: {} },
    ADMIN,
    new Date(),
  );

beforeAll(async () => {
  stack = await startTestStack();
  await registerStructures(stack.db, network.structures);
  const now = new Date();
  // The current campaign first: every past year's opening and close comes after it, and must reach its record.
  await openCampaign(stack.db, YEAR, {}, ADMIN, now);
  for (const year of [YEAR - 1, YEAR - 2, YEAR - 4])
    await openCampaign(stack.db, year, {}, ADMIN, now);
  const returns = (
    pick: (s: (typeof network.structures)[number]) => PimmsReturn | null | undefined,
  ) =>
    network.structures.flatMap((s) => {
      const r = pick(s);
      return r ? [storedRevision(r)] : [];
    });
  await seedLatest(stack.db, [...returns((s) => s.previous), ...returns((s) => s.earlier)]);
  await close(YEAR - 1);
  await close(YEAR - 2);
  // YEAR - 4 stays open: held, without medians; YEAR - 3 was never held.
});
afterAll(() => stack.close());

/**
 * The record of YEAR's campaign, checked to give every structure the trajectories its sources give at `now` (an
 * instance keeps what it read of the sources for a while: a later `now` reads them again).
 */
async function recordMatchesSources(now: Date) {
  const campaign = await getCampaign(stack.db, YEAR);
  const record = pastRecordOf(campaign as unknown as Record<string, unknown>);
  expect(record).not.toBeNull();
  for (const s of network.structures) {
    const before = await getLatest(stack.db, YEAR - 1, s.code);
    const previous = before ? memberOf(before.payload) : null;
    const current = {
      year: YEAR,
      population: { network: { stats: {} }, groups: new Map() },
      member: memberOf(s.current),
    };
    const [fromRecord, fromSources] = await Promise.all([
      pastCampaignsOf(stack.db, YEAR, s.code, previous, now, record),
      pastCampaignsOf(stack.db, YEAR, s.code, previous, now, null),
    ]);
    expect(fromRecord.map((c) => c.year)).toEqual(fromSources.map((c) => c.year));
    expect(trajectoriesOf(current, fromRecord)).toEqual(trajectoriesOf(current, fromSources));
  }
  return record as NonNullable<typeof record>;
}

describe("a campaign's record of its past campaigns", () => {
  it("gives every structure the trajectories read from the past campaigns themselves", async () => {
    const record = await recordMatchesSources(new Date());
    const line = trajectoriesOf(
      {
        year: YEAR,
        population: { network: { stats: {} }, groups: new Map() },
        member: memberOf(network.structures[0]?.current as PimmsReturn),
      },
      await pastCampaignsOf(stack.db, YEAR, "-", null, new Date(), record),
    ).trainingRate;
    // The two closed years show their medians; the open one and the one never held show none.
    expect(line?.map((p) => [p.year, p.networkMedian !== null])).toEqual([
      [YEAR - 2, true],
      [YEAR - 1, true],
      [YEAR, false],
    ]);
  });

  it("forgets a final benchmark the retention policy deleted", async () => {
    await closeCampaign(stack.db, YEAR - 2, ADMIN, new Date());
    // Twenty years on, everything kept of the closed campaign is due.
    const later = new Date(Date.now() + 20 * 365.25 * 86_400_000);
    await applyRetention(stack.db, later);
    const record = await recordMatchesSources(later);
    expect(pastYearIn(record, YEAR - 2)).toEqual({ held: true, medians: null });
    expect(pastYearIn(record, YEAR - 1).medians).not.toBeNull();
  });
});
