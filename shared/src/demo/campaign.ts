// A generated network turned into what the report needs: populations, positionings and report inputs for every structure.
import type { BandSettings } from "../indicators/bands.ts";
import { computeIndicators } from "../indicators/compute.ts";
import { positionStructure } from "../positioning/index.ts";
import { indexPeerGroups, type PeerChoice } from "../positioning/peer-set.ts";
import { defaultSizeBands, indexSizeGroups, sizeOf } from "../positioning/size-groups.ts";
import type { NetworkStructure } from "../report/network-summary.ts";
import type { ReportInput, ReportMode } from "../report/types.ts";
import type { PimmsReturn } from "../schema/index.ts";
import { indexPopulation, type Member, type PopulationIndex } from "../stats/population.ts";
import { DEFAULT_MIN_GROUP_SIZE } from "../stats/summary.ts";
import type { DemoNetwork } from "./network.ts";

export interface DemoCampaignOptions {
  mode?: ReportMode;
  minGroupSize?: number;
  bands?: BandSettings;
  /** Custom peer sets chosen by structures, by code. */
  peers?: ReadonlyMap<string, PeerChoice>;
}

export interface DemoCampaign {
  population: PopulationIndex;
  previousPopulation: PopulationIndex;
  /** Every structure with its indicators, as the Union's summary and transparent mode take them. */
  structures: NetworkStructure[];
  reports: ReportInput[];
}

export const memberOf = (ret: PimmsReturn, bands?: BandSettings): Member => ({
  structureCode: ret.identification.structureCode ?? "",
  territory: ret.identification.territory,
  indicators: computeIndicators(ret, bands),
  size: sizeOf(ret),
});

const pad = (n: number): string => String(n).padStart(2, "0");

/** Positions every structure of the network against it (and N-1), ready to build each report. */
export function demoCampaign(
  network: DemoNetwork,
  options: DemoCampaignOptions = {},
): DemoCampaign {
  const { mode = "anonymous", bands } = options;
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const members = network.structures.map((s) => memberOf(s.current, bands));
  const previousMembers = network.structures.map((s) =>
    s.previous ? memberOf(s.previous, bands) : null,
  );
  const earlierMembers = network.structures.map((s) =>
    s.earlier ? memberOf(s.earlier, bands) : null,
  );
  const population = indexPopulation(members, minGroupSize);
  const present = (list: (Member | null)[]) => list.filter((m): m is Member => m !== null);
  const previousPopulation = indexPopulation(present(previousMembers), minGroupSize);
  const earlierPopulation = indexPopulation(present(earlierMembers), minGroupSize);
  const year = network.year;
  // The size groups in the default bands: the terciles of N-1.
  const sizeBands = defaultSizeBands(present(previousMembers));
  const sizeGroups = indexSizeGroups(members, sizeBands, minGroupSize);
  const peerGroups = indexPeerGroups(
    members,
    options.peers ?? new Map(),
    sizeBands,
    minGroupSize,
    mode === "transparent",
  );
  const pastOf = (i: number) => [
    { year: year - 1, population: previousPopulation, member: previousMembers[i] ?? null },
    ...(earlierPopulation.network.size > 0
      ? [{ year: year - 2, population: earlierPopulation, member: earlierMembers[i] ?? null }]
      : []),
  ];
  const structures = network.structures.map((s, i) => ({
    code: s.code,
    name: s.name,
    territory: s.territory,
    indicators: (members[i] as Member).indicators,
  }));
  const reports = network.structures.map(
    (s, i): ReportInput => ({
      campaign: { year: network.year, mode, minGroupSize, bands },
      structure: { code: s.code, name: s.name, territory: s.territory },
      revision: {
        number: 1 + (i % 3 === 0 ? 1 : 0),
        submittedAt: `${network.year + 1}-05-${pad(1 + (i % 28))}T09:30:00.000Z`,
      },
      positioning: positionStructure(
        population,
        members[i] as Member,
        { population: previousPopulation, member: previousMembers[i] ?? null },
        { history: { year, past: pastOf(i) }, sizeGroups, peers: peerGroups.get(s.code) },
      ),
      ...(mode === "transparent" ? { transparentTable: structures } : {}),
    }),
  );
  return { population, previousPopulation, structures, reports };
}
