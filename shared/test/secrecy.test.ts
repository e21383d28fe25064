// Statistical secrecy of what structures receive: no extremes, and a differencing attack over every mean and share of
// Oui published for a campaign finds no group under the minimum size.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_MIN_GROUP_SIZE,
  demoCampaign,
  generateNetwork,
  INDICATORS,
  type IndicatorKey,
  type PeerChoice,
  type Positioning,
} from "../src/index.ts";

/** One published mean: which structures it averages (those with a value) and how many. */
interface Published {
  key: IndicatorKey;
  members: ReadonlySet<string>;
}

/** Rank of a set of row vectors, by Gaussian elimination (small 0/1 matrices, so floating point is exact enough). */
function rank(rows: readonly number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c] as number) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
    const p = m[r] as number[];
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as number[];
      if (i === r || Math.abs(row[c] as number) < 1e-12) continue;
      const f = (row[c] as number) / (p[c] as number);
      for (let k = c; k < cols; k++) row[k] = (row[k] as number) - f * (p[k] as number);
    }
    r++;
  }
  return r;
}

/**
 * The attack: an attacker holding every published mean knows every linear combination of the groups' sums. All
 * such combinations are constant on the atoms (structures with the same memberships). A group S of atoms is
 * disclosed when some combination is non-zero on S only: dim(row space ∩ span(S)) = rank(R) + |S| − rank(R ∪ S) > 0.
 * Returns the smallest disclosed group of fewer than `min` structures (its structure count), or null.
 */
function differencingAttack(published: readonly Published[], min: number): number | null {
  const all = [...new Set(published.flatMap((p) => [...p.members]))];
  const signature = (code: string) => published.map((p) => (p.members.has(code) ? 1 : 0)).join("");
  const atoms = new Map<string, number>();
  for (const code of all) atoms.set(signature(code), (atoms.get(signature(code)) ?? 0) + 1);
  const atomList = [...atoms];
  const rows = published.map((_p, i) => atomList.map(([sig]) => Number(sig[i])));
  const base = rank(rows);
  let smallest: number | null = null;
  const small = atomList.map(([, n], a) => ({ a, n })).filter(({ n }) => n < min);
  for (let mask = 1; mask < 1 << small.length; mask++) {
    const chosen = small.filter((_, i) => mask & (1 << i));
    const size = chosen.reduce((s, c) => s + c.n, 0);
    if (size >= min) continue;
    const units = chosen.map(({ a }) => atomList.map((_, k) => (k === a ? 1 : 0)));
    if (base + chosen.length - rank([...rows, ...units]) > 0)
      smallest = smallest === null ? size : Math.min(smallest, size);
  }
  return smallest;
}

/** Every mean and share of Oui the structures' positionings carry, one entry per distinct group and indicator. */
function publishedMeans(
  positionings: readonly Positioning[],
  membersOf: (key: IndicatorKey, label: string) => Set<string>,
): Map<IndicatorKey, Published[]> {
  const seen = new Map<IndicatorKey, Map<string, Published>>();
  // Every group published for the campaign: network, territories, size groups and custom peer sets.
  for (const p of positionings)
    for (const i of p.indicators)
      for (const g of [i.network, i.group, ...i.sizes, i.custom]) {
        if (!g) continue;
        const shown =
          g.yesShare !== null ||
          (g.stats !== null && !("suppressed" in g.stats) && g.stats.mean !== null);
        if (!shown) continue;
        const byKey = seen.get(i.key) ?? new Map<string, Published>();
        seen.set(i.key, byKey);
        byKey.set(g.label, { key: i.key, members: membersOf(i.key, g.label) });
      }
  return new Map([...seen].map(([k, m]) => [k, [...m.values()]]));
}

describe("statistical secrecy of what structures receive", () => {
  // 35 structures: 26 Urbain QPV, 6 Urbain hors QPV, 3 Rural (the Union's 2018 shape).
  const network = generateNetwork();
  const codes = network.structures.map((s) => s.code);
  const byTerritory = (t: string) =>
    network.structures.filter((s) => s.territory === t).map((s) => s.code);
  /** A set an attacker would pick: Urbain QPV and two rural structures, whose sum its mean would give away. */
  const overlapping = [...byTerritory("Urbain QPV"), ...byTerritory("Rural").slice(0, 2)];
  // Custom peer sets of every kind, most of them overlapping the territories and each other (transparent mode).
  const choices: [string, PeerChoice][] = [
    { territory: "Urbain hors QPV" },
    { territory: "Urbain QPV", chargesBand: 0 },
    { chargesBand: 1 },
    { fteBand: 2 },
    { territory: "Rural" },
    { codes: overlapping },
    { codes: codes.slice(10, 15) },
    { codes: codes.slice(0, 12) },
  ].map((c, k) => [codes[k * 4] as string, c]);
  const campaign = demoCampaign(network, { mode: "transparent", peers: new Map(choices) });
  const positionings = campaign.reports.map((r) => r.positioning);
  const min = DEFAULT_MIN_GROUP_SIZE;
  /** A group's members with a value: the network, a territory, or a size group as its members' own positionings name it. */
  const membersOf = (key: IndicatorKey, label: string) =>
    new Set(
      campaign.structures
        .filter(
          (s, k) =>
            label === "Réseau" ||
            s.territory === label ||
            positionings[k]?.indicators.some((i) => i.sizes.some((g) => g.label === label)),
        )
        .filter((s) => s.indicators[key].value !== null)
        .map((s) => s.code),
    );

  it("has the small group the attack is about", () => {
    const sizes = Object.fromEntries(
      [...campaign.population.groups].map(([label, g]) => [label, g.size]),
    );
    expect(sizes).toEqual({ Rural: 3, "Urbain hors QPV": 6, "Urbain QPV": 26 });
  });

  it("sends no minimum or maximum, and whiskers only where they stay clear of the extremes", () => {
    for (const p of positionings)
      for (const i of p.indicators)
        for (const g of [i.network, i.group]) {
          if (!g?.stats || "suppressed" in g.stats) continue;
          expect(Object.keys(g.stats).sort()).toEqual([
            "mean",
            "median",
            "n",
            "q1",
            "q3",
            "whiskers",
          ]);
          if (g.stats.n < 11) expect(g.stats.whiskers).toBeNull();
          const sorted =
            g.label === "Réseau"
              ? campaign.population.network.sorted
              : campaign.population.groups.get(g.label)?.sorted;
          const values = sorted?.[i.key] as Float64Array;
          if (g.stats.whiskers) {
            expect(g.stats.whiskers.low).toBeGreaterThanOrEqual(values[1] as number);
            expect(g.stats.whiskers.high).toBeLessThanOrEqual(values[values.length - 2] as number);
          }
        }
  });

  it("lets no differencing of the published means and shares of Oui reveal a group under the minimum", () => {
    const published = publishedMeans(positionings, membersOf);
    expect(published.size).toBe(INDICATORS.length);
    for (const [key, groups] of published)
      expect({ key, disclosed: differencingAttack(groups, min) }).toEqual({ key, disclosed: null });
  });

  it("publishes size groups, without means (they cut across the territories)", () => {
    const sizes = positionings.flatMap((p) => p.indicators.flatMap((i) => i.sizes));
    expect(new Set(sizes.map((g) => g.label)).size).toBe(6);
    expect(
      sizes.every(
        (g) =>
          g.yesShare === null && (!g.stats || "suppressed" in g.stats || g.stats.mean === null),
      ),
    ).toBe(true);
  });

  it("publishes custom peer sets of every kind, with medians and quartiles but no mean or share of Oui", () => {
    const custom = positionings.flatMap((p) => p.indicators.flatMap((i) => i.custom ?? []));
    expect(new Set(custom.map((g) => g.label)).size).toBe(choices.length);
    expect(positionings.filter((p) => p.peers).length).toBe(choices.length);
    expect(
      custom.every(
        (g) =>
          g.yesShare === null && (!g.stats || "suppressed" in g.stats || g.stats.mean === null),
      ),
    ).toBe(true);
    expect(custom.some((g) => g.stats && !("suppressed" in g.stats))).toBe(true);
  });

  it("would reveal two structures' mean if a custom set published its mean (the attack works on custom sets)", () => {
    const key = "financialBalance" as const;
    const withValue = (list: string[]) =>
      new Set(
        list.filter(
          (c) => campaign.structures.find((s) => s.code === c)?.indicators[key].value !== null,
        ),
      );
    const naive = [
      { key, members: withValue(byTerritory("Urbain QPV")) },
      { key, members: withValue(overlapping) },
    ];
    const revealed = withValue(byTerritory("Rural").slice(0, 2)).size;
    expect(revealed).toBeGreaterThan(0);
    expect(differencingAttack(naive, min)).toBe(revealed);
  });

  it("would reveal the three rural structures' mean without secondary suppression (the attack works)", () => {
    // Every group at or over the minimum publishing its mean, as before: network, Urbain QPV, Urbain hors QPV.
    const naive = ["Réseau", "Urbain QPV", "Urbain hors QPV"].map((label) => ({
      key: "financialBalance" as const,
      members: membersOf("financialBalance", label),
    }));
    expect(differencingAttack(naive, min)).toBe(3);
  });

  it("keeps the network's own mean while withholding a territory's", () => {
    const rate = positionings[0]?.indicators.find((i) => i.key === "financialBalance");
    const network = rate?.network.stats;
    expect(network && !("suppressed" in network) && network.mean).not.toBeNull();
    const withheld = positionings
      .flatMap((p) => p.indicators.filter((i) => i.key === "financialBalance").map((i) => i.group))
      .filter((g) => g?.stats && !("suppressed" in g.stats) && g.stats.mean === null)
      .map((g) => g?.label);
    expect(new Set(withheld)).toEqual(new Set(["Urbain hors QPV"]));
  });
});
