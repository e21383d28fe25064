// The trajectory in a submitReturn answer: each closed campaign's final network median beside the structure's value,
// a year without its return a gap (never a zero), and this year's live value last.

import {
  generateNetwork,
  memberOf,
  type PimmsReturn,
  type TrajectoryPoint,
} from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { ADMIN, ATTESTATION, startTestStack, type TestStack } from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeFinalBenchmark } from "../src/close/final-benchmark.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { plainStats } from "./support/independent-stats.ts";

const network = generateNetwork({ size: 30, seed: 12 });
const YEAR = network.year;
const absent = network.structures.find(
  (s) => s.previous && s.earlier,
) as (typeof network.structures)[number];
/** 2016 without the structure's return: a gap in its trajectory. */
const earlier = network.structures.flatMap((s) => (s.earlier && s !== absent ? [s.earlier] : []));
const previous = network.structures.flatMap((s) => (s.previous ? [s.previous] : []));
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  await registerStructures(stack.db, network.structures);
  const now = new Date();
  // Campaigns first, as in real life: a latest copy is written with its campaign's population snapshot entry.
  for (const year of [YEAR - 2, YEAR - 1]) await openCampaign(stack.db, year, {}, ADMIN, now);
  await seedLatest(
    stack.db,
    [...earlier, ...previous].map((r) => storedRevision(r)),
  );
  for (const year of [YEAR - 2, YEAR - 1]) {
    await takeFinalBenchmark(
      stack.db,
      { year, mode: "anonymous", minGroupSize: 5, bands: {} },
      ADMIN,
      now,
    );
  }
  await openCampaign(stack.db, YEAR, {}, ADMIN, now);
});
afterAll(() => stack.close());

const medianOf = (returns: readonly PimmsReturn[], key: "trainingRate") =>
  plainStats(
    returns.flatMap((r) => {
      const v = memberOf(r).indicators[key].value;
      return typeof v === "number" ? [v] : [];
    }),
  ).median;

describe("the trajectory of a live answer", () => {
  it("places the closed campaigns' final medians beside the structure's values, a missing year as a gap", async () => {
    const token = await stack.token(absent.current.identification.directorEmail as string);
    const res = await stack.call("submitReturn", {
      token,
      body: { return: absent.current, idempotencyKey: "trajectory-1", attestation: ATTESTATION },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const line = body.positioning.indicators.find((i: { key: string }) => i.key === "trainingRate");
    const points = line.trajectory as TrajectoryPoint[];
    expect(points.map((p) => p.year)).toEqual([YEAR - 2, YEAR - 1, YEAR]);
    expect(points[0]?.value).toBeNull();
    expect(points[0]?.networkMedian).toBeCloseTo(medianOf(earlier, "trainingRate"), 9);
    expect(points[1]?.value).toBe(
      memberOf(absent.previous as PimmsReturn).indicators.trainingRate.value,
    );
    expect(points[1]?.networkMedian).toBeCloseTo(medianOf(previous, "trainingRate"), 9);
    expect(points[2]?.value).toBe(memberOf(absent.current).indicators.trainingRate.value);
  });
});
