// The population snapshot never changes an answer: over random sequences of submissions (some at once, to the same
// shards), corrections, reviews, erasures and compactions (some while submissions are written), every submitReturn
// answer of a warm instance and every positioning of a new instance (which reads the snapshot) equals the
// positioning recomputed from every latest copy.

import {
  type DemoStructure,
  generateNetwork,
  indexPopulation,
  type Member,
  type Positioning,
  positionStructure,
} from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { ADMIN, ATTESTATION, startTestStack, type TestStack } from "@barometre/testing/stack";
import fc from "fast-check";
import { DocumentReference } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { upkeep } from "../src/close/upkeep.ts";
import { pastCampaignsOf } from "../src/positioning/past-campaigns.ts";
import { PopulationCache } from "../src/positioning/population-cache.ts";
import { compactSnapshot, readSnapshot, shardOf } from "../src/positioning/population-snapshot.ts";
import { positionRevision } from "../src/positioning/position-revision.ts";
import { decodeBase } from "../src/positioning/snapshot-base.ts";
import { eraseStructure } from "../src/retention/structure-data.ts";
import { closeCampaign, getCampaign, openCampaign } from "../src/storage/campaigns.ts";
import { snapshotShardDoc } from "../src/storage/paths.ts";
import { reviewRevision } from "../src/storage/reviews.ts";
import {
  getLatest,
  listLatest,
  listRevisions,
  type StoredRevision,
} from "../src/storage/revisions.ts";

const network = generateNetwork({ size: 12, seed: 17 });
const year = network.year;
const structures = network.structures as DemoStructure[];
let stack: TestStack;
let shards: number;
let attempt = 0;

const memberOf = (r: StoredRevision): Member => ({
  structureCode: r.structureCode,
  territory: r.territory,
  indicators: r.indicators,
});

/** The positioning of `revision` recomputed from every latest copy of N and N-1, as a live answer gives it (no means). */
async function recomputed(revision: StoredRevision): Promise<Positioning> {
  const [now, earlier, campaign] = await Promise.all([
    listLatest(stack.db, year),
    listLatest(stack.db, year - 1),
    getCampaign(stack.db, year),
  ]);
  const min = campaign?.minGroupSize as number;
  const member = memberOf(revision);
  const others = now.filter((r) => r.structureCode !== revision.structureCode).map(memberOf);
  const previous = earlier.map(memberOf);
  const before = previous.find((m) => m.structureCode === revision.structureCode) ?? null;
  return positionStructure(
    indexPopulation([...others, member], min),
    member,
    {
      population: previous.length > 0 ? indexPopulation(previous, min) : null,
      member: before,
    },
    // The trajectories read no population: the same past campaigns as the answer, this structure's N-1 recomputed.
    {
      means: false,
      history: {
        year,
        past: await pastCampaignsOf(
          stack.db,
          year,
          revision.structureCode,
          before,
          new Date(),
          null,
        ),
      },
    },
  );
}

const asJson = (p: Positioning) => JSON.parse(JSON.stringify(p));

type Step =
  | { kind: "submit"; who: number[]; visitors: number; compacting: boolean }
  | { kind: "review"; who: number; rejected: boolean }
  | { kind: "erase"; who: number }
  | { kind: "compact" };

const who = fc.integer({ min: 0, max: structures.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("submit" as const),
      // Several structures at once: their entries land in the same shards concurrently.
      who: fc.uniqueArray(who, { minLength: 1, maxLength: 4 }),
      visitors: fc.integer({ min: 0, max: 50_000 }),
      // A compaction of every shard while the entries are written: it must lose none of them.
      compacting: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("review" as const), who, rejected: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("erase" as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("compact" as const) }) },
);

/**
 * A director sends a new version of the return (a first return after an erasure, or a correction); `alone` when
 * nothing else changes the population meanwhile, so the answer must be the recomputation's.
 */
async function submit(s: DemoStructure, visitors: number, alone: boolean): Promise<void> {
  await registerStructures(stack.db, [s]);
  const ret = structuredClone(s.current);
  ret.activity.visitors = visitors;
  const token = await stack.token(s.current.identification.directorEmail as string);
  const res = await stack.call("submitReturn", {
    token,
    body: { return: ret, idempotencyKey: `snapshot-${attempt++}`, attestation: ATTESTATION },
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  const revision = (await listRevisions(stack.db, year, s.code)).find(
    (r) => r.number === body.revision,
  ) as StoredRevision;
  if (alone) expect(body.positioning).toEqual(asJson(await recomputed(revision)));
}

async function apply(s: Step): Promise<void> {
  if (s.kind === "compact") {
    await compactSnapshot(stack.db, year, shards);
    return;
  }
  if (s.kind === "submit") {
    // A compaction changes no member: a lone submission's answer is still the recomputation's.
    const alone = s.who.length === 1;
    await Promise.all([
      ...s.who.map((i) => submit(structures[i] as DemoStructure, s.visitors + i, alone)),
      s.compacting ? compactSnapshot(stack.db, year, shards) : null,
    ]);
    return;
  }
  const target = structures[s.who] as DemoStructure;
  const latest = await getLatest(stack.db, year, target.code);
  if (s.kind === "erase") await eraseStructure(stack.db, target.code);
  else if (latest)
    await reviewRevision(
      stack.db,
      { year, code: target.code, number: latest.number },
      // Reviews that do not lock the return, so the sequence's later submissions are still taken.
      { state: s.rejected ? "rejected" : "hasIssues", comment: "À revoir", fields: [] },
      ADMIN,
      new Date(),
    );
}

/** A new instance, whose first load is the snapshot, positions every stored structure as a recomputation does. */
async function checkNewInstance(): Promise<void> {
  const deps = { db: stack.db, populations: new PopulationCache(), clock: () => new Date() };
  const min = (await getCampaign(stack.db, year))?.minGroupSize as number;
  const stored = await listLatest(stack.db, year);
  for (const latest of stored)
    expect(asJson(await positionRevision(deps, latest, min))).toEqual(
      asJson(await recomputed(latest)),
    );
  // A sequence may have stored nothing yet (a review or an erasure first): then nothing was read at all.
  if (stored.length > 0) expect(deps.populations.counts.snapshot).toBeGreaterThan(0);
  expect(deps.populations.counts.full).toBe(0);
}

beforeAll(async () => {
  stack = await startTestStack();
  await registerStructures(stack.db, structures);
  await openCampaign(stack.db, year - 1, {}, ADMIN, new Date());
  await closeCampaign(stack.db, year - 1, ADMIN, new Date());
  await openCampaign(stack.db, year, {}, ADMIN, new Date());
  shards = (await getCampaign(stack.db, year))?.populationShards as number;
  await seedLatest(
    stack.db,
    structures.flatMap((s) => (s.previous ? [storedRevision(s.previous)] : [])),
  );
  // N-1 as the upkeep leaves it: every entry in the compacted base, which new instances read.
  const closed = (await getCampaign(stack.db, year - 1))?.populationShards as number;
  expect(await compactSnapshot(stack.db, year - 1, closed)).toBeGreaterThan(0);
});
afterAll(() => stack.close());

describe("the population snapshot", () => {
  it("spreads the network over several shards, so structures submitting together share some", () => {
    expect(shards).toBeGreaterThan(1);
    const used = new Set(structures.map((s) => shardOf(s.code, shards)));
    expect(used.size).toBe(shards);
  });

  it("gives every answer a full recomputation gives, through submissions, corrections, reviews and erasures", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) await apply(s);
        await checkNewInstance();
        const snapshot = await readSnapshot(stack.db, year, shards);
        const latest = await listLatest(stack.db, year);
        expect(
          Object.fromEntries((snapshot ?? []).map((r) => [r.member.structureCode, r.number])),
        ).toEqual(Object.fromEntries(latest.map((r) => [r.structureCode, r.number])));
      }),
      {
        numRuns: 12,
        // Found by this property: a structure erased and sending again gets revision 1 again, the number the cache
        // held for its erased return, which the cache kept (the totals could not tell).
        examples: [
          [
            [
              { kind: "submit", who: [1], visitors: 14794, compacting: false },
              { kind: "submit", who: [5, 0, 11], visitors: 7480, compacting: false },
              { kind: "erase", who: 0 },
              { kind: "submit", who: [0, 3, 6], visitors: 17695, compacting: false },
              { kind: "submit", who: [2], visitors: 39608, compacting: false },
            ],
          ],
          // An erasure of a compacted structure, its return sent again (numbered 1 again) and compacted again.
          [
            [
              { kind: "submit", who: [4, 7], visitors: 120, compacting: false },
              { kind: "compact" },
              { kind: "erase", who: 4 },
              { kind: "submit", who: [4], visitors: 121, compacting: true },
              { kind: "compact" },
            ],
          ],
        ],
      },
    );
  });

  it("keeps no entry a compaction read before a writer came in: the next compaction merges it", async () => {
    const s = structures[2] as DemoStructure;
    const shard = snapshotShardDoc(stack.db, year, shardOf(s.code, shards));
    await submit(s, 11, true);
    // The shard is read, then the director corrects the return before the compaction writes.
    const get = DocumentReference.prototype.get;
    let raced = false;
    const spy = vi.spyOn(DocumentReference.prototype, "get").mockImplementation(async function (
      this: DocumentReference,
    ) {
      const read = await get.call(this);
      if (this.path === shard.path && !raced) {
        raced = true;
        await submit(s, 12, true);
      }
      return read;
    });
    try {
      await compactSnapshot(stack.db, year, shards);
    } finally {
      spy.mockRestore();
    }
    expect(raced).toBe(true);
    const latest = (await getLatest(stack.db, year, s.code)) as StoredRevision;
    const key = `s${s.code.replaceAll("-", "_")}_${latest.number}`;
    expect(Object.keys((await shard.get()).get("m") ?? {})).toContain(key);
    expect(await compactSnapshot(stack.db, year, shards)).toBeGreaterThan(0);
    const compacted = await shard.get();
    expect(compacted.get("m")).toEqual({});
    const base = decodeBase(compacted.get("b"));
    expect(base.numbers[base.codes.indexOf(s.code)]).toBe(latest.number);
    await checkNewInstance();
  });

  it("is compacted by the hourly upkeep while the campaign is open", async () => {
    const s = structures[3] as DemoStructure;
    await submit(s, 13, true);
    const shard = snapshotShardDoc(stack.db, year, shardOf(s.code, shards));
    expect(Object.keys((await shard.get()).get("m") ?? {})).not.toEqual([]);
    await upkeep(stack.server.deps);
    const compacted = await shard.get();
    expect(compacted.get("m")).toEqual({});
    expect(decodeBase(compacted.get("b")).codes).toContain(s.code);
    await checkNewInstance();
  });

  it("keeps no trace of an erased structure, in the added entries or the compacted base", async () => {
    const gone = structures[0] as DemoStructure;
    await submit(gone, 7, true);
    await compactSnapshot(stack.db, year, shards);
    const shard = await snapshotShardDoc(stack.db, year, shardOf(gone.code, shards)).get();
    expect(decodeBase(shard.get("b")).codes).toContain(gone.code);
    await submit(gone, 8, true);
    await eraseStructure(stack.db, gone.code);
    const stored = await stack.db.collection(`campaigns/${year}/snapshot`).get();
    const key = `s${gone.code.replaceAll("-", "_")}_`;
    for (const doc of stored.docs) {
      expect(JSON.stringify(doc.get("m") ?? {})).not.toContain(key);
      const bytes = doc.get("b") as Uint8Array | undefined;
      if (bytes) expect(Buffer.from(bytes).toString("latin1")).not.toContain(gone.code);
    }
    await checkNewInstance();
  });
});
