// The final benchmark of a 2,800-structure close with size groups and custom peer sets (one structure in ten with
// criteria, one in twenty naming structures), checked against an independent computation: each group's members
// and quartiles, each verdict, and the secrecy rules of what structures receive.
import {
  computeIndicators,
  type DemoStructure,
  defaultSizeBands,
  demoPeerChoices,
  type GroupView,
  generateNetwork,
  type IndicatorKey,
  isNamed,
  isSuppressed,
  memberOf,
  NUMERIC_INDICATOR_KEYS,
  type PeerCriteria,
  SIZE_DIMENSIONS,
  type SizeBand,
  type SizeDimension,
  WHISKER_MIN_SIZE,
} from "@barometre/shared";
import { useEmulator } from "@barometre/testing/emulator";
import { seedLatest, storedRevision } from "@barometre/testing/network";
import type { Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { allFinalMembers, takeFinalBenchmark } from "../src/close/final-benchmark.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { storePeers } from "../src/storage/peers.ts";
import { eachLimited } from "../src/util/each-limited.ts";
import { plainStats } from "./support/independent-stats.ts";

const SIZE = 2800;
const MIN = 5;
const network = generateNetwork({ size: SIZE, seed: 2801 });
const year = network.year;
const codes = network.structures.map((s) => s.code);
const choices = demoPeerChoices(codes);
/** The Union's bands for the campaign: the network's terciles, rounded. */
const sizeBands = defaultSizeBands(network.structures.map((s) => memberOf(s.current)));
const firestore = useEmulator("close-peers");
let db: Firestore;

const sizeOf = (s: DemoStructure, d: SizeDimension) =>
  (d === "charges" ? s.current.finance.chargesTotal : s.current.social.fteTotal) as number;
const inBand = (v: number, b: SizeBand) => v >= b.min && (b.max === null || v < b.max);
const indicators = new Map(network.structures.map((s) => [s.code, computeIndicators(s.current)]));

/** The structures a set of criteria selects, read from the returns themselves. */
function selected(c: PeerCriteria): DemoStructure[] {
  return network.structures.filter(
    (s) =>
      (c.territory === undefined || s.territory === c.territory) &&
      (c.chargesBand === undefined ||
        inBand(sizeOf(s, "charges"), sizeBands.charges?.[c.chargesBand] as SizeBand)) &&
      (c.fteBand === undefined || inBand(sizeOf(s, "fte"), sizeBands.fte?.[c.fteBand] as SizeBand)),
  );
}

const selections = new Map<string, DemoStructure[]>();
const selectedOf = (id: string, c: PeerCriteria): DemoStructure[] => {
  const found = selections.get(id) ?? selected(c);
  selections.set(id, found);
  return found;
};

/** plainStats once per group's values. */
const statsKept = new WeakMap<number[], ReturnType<typeof plainStats>>();
const statsOf = (values: number[]) => {
  const stats = statsKept.get(values) ?? plainStats(values);
  statsKept.set(values, stats);
  return stats;
};

/** The verdict's kind read independently: the group's extremes first, then its quartiles. */
function kindOf(value: number | null, values: number[]): string {
  if (value === null || values.length < MIN) return "notComparable";
  const { min, max, q1, q3 } = statsOf(values);
  if (min === max) return "same";
  if (value >= max) return "highest";
  if (value <= min) return "lowest";
  if (value > q3) return "upperQuarter";
  if (value < q1) return "lowerQuarter";
  return "middleHalf";
}

/** A group's values of an indicator, read once per group and indicator (the groups are shared by many structures). */
const valuesOf = (() => {
  const kept = new Map<string, number[]>();
  return (id: string, group: readonly DemoStructure[], key: IndicatorKey): number[] => {
    const values =
      kept.get(`${id} ${key}`) ??
      group
        .map((o) => indicators.get(o.code)?.[key].value)
        .filter((v): v is number => typeof v === "number");
    kept.set(`${id} ${key}`, values);
    return values;
  };
})();

/** Each dimension's band index for a structure, and the structures of that band. */
const bandsOf = (s: DemoStructure) =>
  SIZE_DIMENSIONS.map((d) => {
    const at = sizeBands[d]?.findIndex((b) => inBand(sizeOf(s, d), b)) as number;
    const band = sizeBands[d]?.[at] as SizeBand;
    return {
      id: `${d}:${at}`,
      group: network.structures.filter((o) => inBand(sizeOf(o, d), band)),
    };
  });

beforeAll(async () => {
  db = firestore().db;
  await openCampaign(db, year, { sizeBands }, "union@pimms.example", new Date());
  await seedLatest(
    db,
    network.structures.map((s) => storedRevision(s.current)),
  );
  await eachLimited([...choices], 32, ([code, choice]) =>
    storePeers(db, year, code, choice, "direction@pimms.example", new Date()),
  );
}, 300_000);

describe("a 2,800-structure close with size groups and custom peer sets", () => {
  it("stores each structure's groups, quartiles and verdicts as an independent computation gives them, and no figure secrecy forbids", async () => {
    const { head } = await takeFinalBenchmark(
      db,
      { year, mode: "anonymous", minGroupSize: MIN, bands: {}, sizeBands },
      "union@pimms.example",
      new Date(),
    );
    expect(head.sizeBands).toEqual(sizeBands);
    const members = await allFinalMembers(db, year);
    expect(members).toHaveLength(SIZE);
    let customChecked = 0;
    for (const m of members) {
      const s = network.structures.find((x) => x.code === m.code) as DemoStructure;
      const choice = choices.get(m.code);
      // Named structures apply only in a transparent campaign: this one is anonymous.
      const custom = choice && !isNamed(choice) ? selectedOf(JSON.stringify(choice), choice) : null;
      expect(m.positioning.peers?.size ?? null, m.code).toBe(custom ? custom.length : null);
      const sizeGroups = bandsOf(s);
      for (const p of m.positioning.indicators) {
        const numeric = NUMERIC_INDICATOR_KEYS.includes(p.key);
        const groups: [GroupView, { id: string; group: readonly DemoStructure[] }][] = [
          ...p.sizes.map((v, i): [GroupView, { id: string; group: readonly DemoStructure[] }] => [
            v,
            sizeGroups[i] ?? { id: "", group: [] },
          ]),
          ...(p.custom && custom
            ? [
                [p.custom, { id: JSON.stringify(choice), group: custom }] as [
                  GroupView,
                  { id: string; group: DemoStructure[] },
                ],
              ]
            : []),
        ];
        expect(p.sizes).toHaveLength(2);
        expect(Boolean(p.custom), m.code).toBe(Boolean(custom));
        for (const [view, { id, group }] of groups) {
          const where = `${m.code} ${p.key} ${view.label}`;
          expect(view.size, where).toBe(group.length);
          // Secrecy: never a mean nor a share of Oui in a size group or a custom set, never an extreme.
          expect(view.yesShare, where).toBeNull();
          if (!numeric || !view.stats) continue;
          expect(Object.keys(view.stats), where).not.toContain("min");
          expect(Object.keys(view.stats), where).not.toContain("max");
          const values = valuesOf(id, group, p.key);
          const own = typeof p.value === "number" ? p.value : null;
          expect(view.verdict?.kind, where).toBe(kindOf(own, values));
          if (values.length < MIN) {
            expect(isSuppressed(view.stats), where).toBe(true);
            continue;
          }
          if (isSuppressed(view.stats)) throw new Error(`${where}: suppressed`);
          const expected = statsOf(values);
          expect(view.stats.n, where).toBe(values.length);
          expect(view.stats.mean, where).toBeNull();
          expect(view.stats.median, where).toBeCloseTo(expected.median, 9);
          expect(view.stats.q1, where).toBeCloseTo(expected.q1, 9);
          expect(view.stats.q3, where).toBeCloseTo(expected.q3, 9);
          expect(view.stats.whiskers === null, where).toBe(values.length < WHISKER_MIN_SIZE);
          if (view === p.custom) customChecked++;
        }
      }
    }
    // Every criteria set was checked on its indicators (280 structures chose criteria).
    expect(customChecked).toBeGreaterThan(280);
  }, 300_000);
});
