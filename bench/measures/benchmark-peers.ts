// benchmark2800.withPeersComputeMs: the close's final benchmark for 2,800 returns with everything it now adds (size groups, custom peer sets, three campaigns of trajectories), in-process.
import {
  DEMO_PEERS,
  defaultSizeBands,
  demoPeerChoices,
  generateNetwork,
  indexPeerGroups,
  indexPopulation,
  indexSizeGroups,
  type Member,
  memberOf,
  positionStructure,
} from "@barometre/shared";
import type { Measured } from "../figure.ts";
import { median, round } from "../support/sample-stats.ts";
import { sampleRuns } from "../support/timing.ts";

const SIZE = 2_800;

export async function run(): Promise<Measured[]> {
  const network = generateNetwork({ size: SIZE });
  const year = network.year;
  const members = network.structures.map((s) => memberOf(s.current));
  const years = [
    network.structures.map((s) => (s.previous ? memberOf(s.previous) : null)),
    network.structures.map((s) => (s.earlier ? memberOf(s.earlier) : null)),
  ];
  const present = (list: (Member | null)[]) => list.filter((m): m is Member => m !== null);
  const choices = demoPeerChoices(members.map((m) => m.structureCode));
  /** What final-benchmark.ts computes from the revisions it read: every population indexed once, then each structure. */
  const pass = () => {
    const population = indexPopulation(members);
    const past = years.map((list, k) => ({
      year: year - 1 - k,
      list,
      index: indexPopulation(present(list)),
    }));
    const sizeBands = defaultSizeBands(present(past[0]?.list ?? []));
    const sizeGroups = indexSizeGroups(members, sizeBands, 5);
    const peerGroups = indexPeerGroups(members, choices, sizeBands, 5, true);
    members.forEach((m, i) => {
      positionStructure(
        population,
        m,
        { population: past[0]?.index ?? null, member: past[0]?.list[i] ?? null },
        {
          history: {
            year,
            past: past.map((c) => ({
              year: c.year,
              population: c.index,
              member: c.list[i] ?? null,
            })),
          },
          sizeGroups,
          peers: peerGroups.get(m.structureCode),
        },
      );
    });
  };
  const samples = await sampleRuns(pass, { warmup: 3, runs: 11 });
  return [
    {
      key: "benchmark2800.withPeersComputeMs",
      value: round(median(samples.cpuMs), 1),
      inputs: {
        structures: SIZE,
        campaigns: 3,
        sizeGroups: "charges et ETP, tranches par défaut (terciles de N-1)",
        customPeerSets: `${choices.size} structures (critères pour une sur ${DEMO_PEERS.criteriaEvery}, ${DEMO_PEERS.named} structures nommées pour une sur ${DEMO_PEERS.namedEvery})`,
        runs: samples.cpuMs.length,
        wallMedianMs: round(median(samples.wallMs), 1),
      },
    },
  ];
}
