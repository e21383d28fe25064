// POST choosePeers and the close: a director's custom peer set, refused in French with nothing stored when it is
// bad, late or for another structure, kept for the next campaign, and placed as a fourth group in the positioning.

import { generateNetwork, NUMERIC_INDICATOR_KEYS, sizeOf } from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { ADMIN, startTestStack, type TestStack } from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeFinalBenchmark } from "../src/close/final-benchmark.ts";
import { queueNetworkSummary, summaryMailId } from "../src/close/network-summary.ts";
import type { OutboxMail } from "../src/mail/outbox.ts";
import { closeCampaign, openCampaign } from "../src/storage/campaigns.ts";
import { mailDoc, peersDoc } from "../src/storage/paths.ts";
import { allPeersInForce } from "../src/storage/peers.ts";
import { plainStats } from "./support/independent-stats.ts";

const network = generateNetwork();
const YEAR = network.year;
const [chooser, other, late] = network.structures as [
  (typeof network.structures)[number],
  (typeof network.structures)[number],
  (typeof network.structures)[number],
];
const named = network.structures.slice(3, 9).map((s) => s.code);
const now = new Date(Date.UTC(YEAR + 1, 5, 1));
let stack: TestStack;
const tokens = new Map<string, string>();

beforeAll(async () => {
  stack = await startTestStack({ clock: () => now });
  await registerStructures(stack.db, network.structures);
  await seedLatest(
    stack.db,
    // N-1 too: the default size bands are its terciles.
    network.structures.flatMap((s) => [
      storedRevision(s.current),
      ...(s.previous ? [storedRevision(s.previous)] : []),
    ]),
  );
  await openCampaign(stack.db, YEAR, { mode: "transparent" }, ADMIN, now);
  await openCampaign(stack.db, YEAR + 1, {}, ADMIN, now);
  for (const s of [chooser, other, late])
    tokens.set(s.code, await stack.token(s.current.identification.directorEmail as string));
});
afterAll(() => stack.close());

const choose = (code: string, peers: unknown, year = YEAR, as = code) =>
  stack.call("choosePeers", {
    token: tokens.get(as) as string,
    body: { structureCode: code, year, peers },
  });

const stored = async (year: number, code: string) =>
  (await peersDoc(stack.db, year, code).get()).exists;

describe("choosePeers", () => {
  it("refuses each bad choice in French, naming the field, and stores nothing", async () => {
    const bad: [unknown, number, RegExp, number?][] = [
      [{}, 422, /territoire, une tranche de taille/],
      [{ territory: "Montagne" }, 422, /peers\.territory/],
      [{ chargesBand: 3 }, 422, /peers\.chargesBand.*de 0 à 2/],
      [{ fteBand: -1 }, 400, /fteBand/],
      [{ colour: "bleu" }, 400, /colour/],
      [{ codes: named.slice(0, 4) }, 422, /au moins 5 autres structures \(4 nommées\)/],
      [{ codes: [...named.slice(0, 4), chooser.code] }, 422, /au moins 5/],
      [{ codes: [...named.slice(0, 5), "PIMMS-INCONNU"] }, 422, /PIMMS-INCONNU.*annuaire/],
      [{ codes: named }, 422, /campagne transparente/, YEAR + 1],
    ];
    for (const [peers, status, words, year] of bad) {
      const res = await choose(chooser.code, peers, year);
      const body = await res.json();
      expect({ peers, status: res.status }).toEqual({ peers, status });
      expect(body.error).toMatch(words);
      expect(await stored(year ?? YEAR, chooser.code)).toBe(false);
    }
  });

  it("lets a director choose only for their own structure", async () => {
    const res = await choose(other.code, { territory: "Rural" }, YEAR, chooser.code);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/n'est pas autorisée pour la structure/);
    expect(await stored(YEAR, other.code)).toBe(false);
  });

  it("stores criteria and named structures, and keeps a choice for the next campaign until changed", async () => {
    const criteria = { territory: chooser.territory as string, chargesBand: 0 };
    const res = await choose(chooser.code, criteria);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ structureCode: chooser.code, peers: criteria });
    expect((await choose(other.code, { codes: named })).status).toBe(200);
    // Kept for the next campaign, an anonymous one: named structures do not apply there, and campaignInfo says none.
    const info = await stack.call("campaignInfo", {
      token: tokens.get(other.code) as string,
      query: { structureCode: other.code, year: String(YEAR + 1) },
    });
    expect((await info.json()).peers).toMatchObject({
      choice: null,
      transparent: false,
      open: true,
    });
    expect((await allPeersInForce(stack.db, YEAR + 1)).get(chooser.code)).toEqual(criteria);
    expect((await choose(chooser.code, null, YEAR + 1)).status).toBe(200);
    expect((await allPeersInForce(stack.db, YEAR + 1)).has(chooser.code)).toBe(false);
    expect((await allPeersInForce(stack.db, YEAR)).get(chooser.code)).toEqual(criteria);
  });

  it("places each structure in its custom set at the close, with medians and quartiles only", async () => {
    const campaign = { year: YEAR, mode: "transparent" as const, minGroupSize: 5, bands: {} };
    const { computed, head } = await takeFinalBenchmark(stack.db, campaign, ADMIN, now);
    const members = computed?.members ?? [];
    const charges0 = head.sizeBands?.charges?.[0];
    expect(charges0).toBeDefined();
    const inSet = network.structures.filter((s) => {
      const c = sizeOf(s.current).charges;
      return (
        s.territory === chooser.territory &&
        typeof c === "number" &&
        c >= (charges0?.min as number) &&
        (charges0?.max == null || c < charges0.max)
      );
    });
    expect(inSet.length).toBeGreaterThanOrEqual(5);
    const mine = members.find((m) => m.code === chooser.code)?.positioning;
    expect(mine?.peers?.size).toBe(inSet.length);
    expect(mine?.peers?.definition).toContain(chooser.territory as string);
    for (const key of NUMERIC_INDICATOR_KEYS) {
      const custom = mine?.indicators.find((i) => i.key === key)?.custom;
      const values = inSet.flatMap((s) => {
        const v = members.find((m) => m.code === s.code)?.indicators[key].value;
        return typeof v === "number" ? [v] : [];
      });
      const stats = custom?.stats;
      if (values.length < 5) expect(stats && "suppressed" in stats).toBe(true);
      else if (stats && !("suppressed" in stats)) {
        expect(stats.median).toBeCloseTo(plainStats(values).median, 9);
        expect(stats.mean).toBeNull();
      } else throw new Error(`${key}: statistics suppressed for ${values.length} values`);
    }
    const theirs = members.find((m) => m.code === other.code)?.positioning;
    expect(theirs?.peers?.size).toBe(named.length + 1);
    expect(theirs?.indicators.every((i) => i.custom?.yesShare == null)).toBe(true);
    expect(members.find((m) => m.code === late.code)?.positioning.peers).toBeUndefined();
    // The Union's network summary counts and describes the sets chosen.
    await queueNetworkSummary(stack.server.deps, head, computed);
    const summary = (await mailDoc(stack.db, summaryMailId(YEAR)).get()).data() as OutboxMail;
    // Spaces as one (the text wraps its lines, and no-break spaces read as spaces).
    const flat = (t: string) => t.replace(/\s+/g, " ");
    const text = flat(summary.message.text);
    expect(text).toContain(
      `2 structures sur ${network.structures.length} ont choisi un groupe de pairs pour la campagne : 1 par critères, 1 en nommant des structures.`,
    );
    const criteria = mine?.peers?.label.replace(/^de pairs choisis \((.*)\)$/, "$1");
    expect(text).toContain(
      flat(
        `Groupes définis par critères : « ${criteria} » (${inSet.length} structures), choisi par 1 structure.`,
      ),
    );
    expect(criteria).toMatch(new RegExp(`^${chooser.territory}, charges < `));
    expect(text).toContain("Groupes de structures nommées : 1 groupe de 7 structures.");
  });

  it("refuses a choice once the campaign is closed, and stores nothing", async () => {
    await closeCampaign(stack.db, YEAR, ADMIN, now);
    const res = await choose(late.code, { territory: "Rural" });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/close.*Rien n'a été enregistré/);
    expect(await stored(YEAR, late.code)).toBe(false);
  });
});
