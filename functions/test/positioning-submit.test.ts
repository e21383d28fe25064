// Positioning in the submitReturn answer, against the stored population and N-1, kept right by the population cache.

import {
  computeIndicators,
  type DemoStructure,
  generateNetwork,
  indexPopulation,
  type Member,
  memberOf,
  type PimmsReturn,
  type Positioning,
  positionStructure,
  type StatsByIndicator,
  suppressionSentence,
} from "@barometre/shared";
import {
  registerStructures,
  seedLatest,
  shardsOf,
  storedRevision,
} from "@barometre/testing/network";
import { startSenderRig } from "@barometre/testing/outbox";
import { ADMIN, ATTESTATION, startTestStack, type TestStack } from "@barometre/testing/stack";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboxMail } from "../src/mail/outbox.ts";
import { deliverMail } from "../src/mail/sender.ts";
import { eraseStructure } from "../src/retention/structure-data.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { mailDoc, revisionId, revisionsCol } from "../src/storage/paths.ts";
import { syncLatest } from "../src/storage/revisions.ts";

const network = generateNetwork({ size: 40, seed: 7 });
const [first, second, third] = network.structures as [DemoStructure, DemoStructure, DemoStructure];
let stack: TestStack;

/** What the population is believed to be: the generated returns, replaced as the test changes them. */
const current = new Map(network.structures.map((s) => [s.code, s.current]));
const previous = network.structures.flatMap((s) => (s.previous ? [s.previous] : []));

/** The positioning computed here, independently of the cache, from what the test stored (live: no means). */
function expected(code: string, minGroupSize = 5): Positioning {
  const members = [...current.values()].map((r) => memberOf(r));
  const before = previous.map((r) => memberOf(r));
  const mine = before.find((m) => m.structureCode === code) ?? null;
  // N-1 is held (returns) but not closed: its value in the trajectory, without a median beside it.
  const held = { network: { stats: {} as StatsByIndicator }, groups: new Map() };
  return positionStructure(
    indexPopulation(members, minGroupSize),
    members.find((m) => m.structureCode === code) as Member,
    { population: indexPopulation(before, minGroupSize), member: mine },
    {
      means: false,
      history: {
        year: network.year,
        past: mine ? [{ year: network.year - 1, population: held, member: mine }] : [],
      },
    },
  );
}

async function submit(ret: PimmsReturn, key: string) {
  const token = await stack.token(ret.identification.directorEmail as string);
  const res = await stack.call("submitReturn", {
    token,
    body: { return: ret, idempotencyKey: key, attestation: ATTESTATION },
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

/** JSON as the answer carries it (no undefined, numbers as sent). */
const asJson = (p: Positioning) => JSON.parse(JSON.stringify(p));

beforeAll(async () => {
  stack = await startTestStack();
  await registerStructures(stack.db, network.structures);
  await openCampaign(stack.db, network.year, {}, ADMIN, new Date());
  await seedLatest(stack.db, [
    ...[...current.values()].map((r) => storedRevision(r)),
    ...previous.map((r) => storedRevision(r)),
  ]);
});
afterAll(() => stack.close());

describe("submitReturn positions the revision", () => {
  it("against the campaign's latest revisions and its peer group, with N-1 changes", async () => {
    const ret = structuredClone(first.current);
    (ret.social.trainingHours as number) += 10;
    ret.finance.associationFunds = (ret.finance.chargesTotal as number) * 0.05;
    current.set(first.code, ret);
    const body = await submit(ret, "first-key-a");
    expect(body.positioning).toEqual(asJson(expected(first.code)));
    expect(body.positioning.networkSize).toBe(40);
    expect(body.positioning.fragile).toContain("financialBalance");
    const funds = body.positioning.indicators.find(
      (i: { key: string }) => i.key === "financialBalance",
    );
    expect(funds.group.label).toBe(first.territory);
    expect(funds.change).toBeCloseTo(
      (computeIndicators(ret).financialBalance.value as number) -
        (computeIndicators(first.previous as PimmsReturn).financialBalance.value as number),
      12,
    );
  });

  it("uses its cache when its own revision is the only change", async () => {
    const counts = { ...stack.server.deps.populations.counts };
    const body = await submit(second.current, "second-key-a");
    expect(body.positioning).toEqual(asJson(expected(second.code)));
    expect(stack.server.deps.populations.counts).toEqual({ ...counts, cached: counts.cached + 2 });
  });

  it("merges what another instance stored meanwhile, reading only what changed", async () => {
    const counts = { ...stack.server.deps.populations.counts };
    const changed = structuredClone(second.current);
    changed.activity.visitors = (changed.activity.visitors as number) * 3;
    current.set(second.code, changed);
    // What another instance does: a revision 2, then the latest copy and the population version.
    await revisionsCol(stack.db, network.year, second.code)
      .doc(revisionId(2))
      .create(storedRevision(changed, { number: 2, at: new Date() }));
    const shards = (await shardsOf(stack.db, [network.year])).get(network.year);
    await syncLatest(stack.db, network.year, second.code, shards);
    const body = await submit(third.current, "third-key-a");
    expect(body.positioning).toEqual(asJson(expected(third.code)));
    expect(stack.server.deps.populations.counts).toEqual({
      snapshot: counts.snapshot,
      full: counts.full,
      cached: counts.cached + 1,
      delta: counts.delta + 1,
    });
  });

  it("reads the population again when a structure was erased", async () => {
    const full = stack.server.deps.populations.counts.full;
    const gone = network.structures[39] as DemoStructure;
    await eraseStructure(stack.db, gone.code);
    current.delete(gone.code);
    const body = await submit(current.get(third.code) as PimmsReturn, "third-key-b");
    expect(body.positioning).toEqual(asJson(expected(third.code)));
    expect(body.positioning.networkSize).toBe(39);
    expect(stack.server.deps.populations.counts.full).toBe(full + 1);
  });

  it("answers a repeated key with the first positioning, even after the population changed", async () => {
    const again = await submit(current.get(first.code) as PimmsReturn, "first-key-a");
    expect(again.duplicate).toBe(true);
    expect(again.positioning.networkSize).toBe(40);
    expect(again.positioning).not.toEqual(asJson(expected(first.code)));
  });

  it("shows the French sentence instead of the statistics of a peer group under the minimum size", async () => {
    await openCampaign(stack.db, network.year, { minGroupSize: 10 }, ADMIN, new Date());
    const rural = network.structures.find((s) => s.territory === "Rural") as DemoStructure;
    const body = await submit(rural.current, "rural-key-a");
    const ruralCount = [...current.values()].filter(
      (r) => r.identification.territory === "Rural",
    ).length;
    expect(ruralCount).toBeLessThan(10);
    expect(body.positioning).toEqual(asJson(expected(rural.code, 10)));
    for (const line of body.positioning.indicators.filter(
      (i: { key: string }) => i.key !== "certificationInPlan",
    )) {
      expect(line.group.stats).toEqual({ n: expect.any(Number), suppressed: true });
      expect(line.group.suppressedSentence).toBe(suppressionSentence(line.group.stats.n, 10));
      expect(line.network.suppressedSentence).toBeNull();
      // Statistical secrecy: no extreme, and no mean that the next answer's would give a newcomer's value away.
      expect(Object.keys(line.network.stats).sort()).toEqual([
        "mean",
        "median",
        "n",
        "q1",
        "q3",
        "whiskers",
      ]);
      expect(line.network.stats.mean).toBeNull();
    }
  });

  it("queues the Union's notice of the revision, which reaches the Union naming the fragile indicators", async () => {
    const id = `revision-${network.year}-${first.code}-000001`;
    const mail = (await mailDoc(stack.db, id).get()).data() as OutboxMail;
    expect(mail).toMatchObject({
      to: ["union@pimms.example"],
      kind: "revision",
      campaignYear: network.year,
      structureCode: first.code,
      delivery: { state: "PENDING", attempts: 0 },
    });
    const rig = await startSenderRig(stack.db);
    try {
      expect(await deliverMail(rig.deps, id)).toBe("sent");
      const parsed = await simpleParser(rig.sink.received[0]?.raw as Buffer);
      expect(parsed.to).toMatchObject({ text: "union@pimms.example" });
      expect(parsed.subject).toMatch(
        new RegExp(
          `^Baromètre ${network.year} : ${first.name} a envoyé la révision 1 de son retour \\(\\d+ indicateurs? en bande rouge\\)$|un indicateur en bande rouge\\)$`,
        ),
      );
      expect(parsed.text).toContain(
        `${first.name} (${first.code}, ${first.territory}) a envoyé la révision 1 de son retour ${network.year}`,
      );
      expect(parsed.text).toMatch(/^- Équilibre financier : -?\d+,\d\d$/m);
      expect(parsed.text).toContain("Positionnement calculé sur 40 structures de la campagne");
      expect(parsed.html).toContain("<li>Équilibre financier : ");
    } finally {
      await rig.close();
    }
  });
});
