// A structure's positioning against its campaign: each indicator's value and band, network and peer-group figures, and changes since N-1.
import type { Status } from "../indicators/bands.ts";
import { isFragile } from "../indicators/compute.ts";
import { INDICATORS, type IndicatorKey } from "../indicators/definitions.ts";
import { changeBetween, medianChange } from "../stats/change.ts";
import type { Member, PopulationIndex } from "../stats/population.ts";
import { meansShown, NETWORK_GROUP } from "../stats/shown.ts";
import { columnsOf, type GroupColumn, type GroupView, viewIn } from "./group-view.ts";
import type { PeerGroup } from "./peer-set.ts";
import { groupsOf, type SizeGroup } from "./size-groups.ts";
import { type PastCampaign, type TrajectoryPoint, trajectoriesOf } from "./trajectory.ts";

export type { GroupView } from "./group-view.ts";

export interface IndicatorPositioning {
  key: IndicatorKey;
  value: number | boolean | null;
  status: Status | null;
  reason: string | null;
  network: GroupView;
  /** The peer group (territory), null when the structure has no territory. */
  group: GroupView | null;
  /** Its size groups (by charges, by FTE), never with a mean: see meansShown. */
  sizes: readonly GroupView[];
  /** The structure's custom peer set, never with a mean or share (see positionStructure); absent without one. */
  custom?: GroupView;
  previousValue: number | boolean | null;
  /** The values of the campaigns held beside the medians of each year; empty without a history (a live answer). */
  trajectory: readonly TrajectoryPoint[];
  /** Change since the structure's previous exercice, in the indicator's unit (fractions for rates). */
  change: number | null;
  networkMedianChange: number | null;
}

export interface Positioning {
  structureCode: string;
  territory: string | null;
  minGroupSize: number;
  networkSize: number;
  indicators: IndicatorPositioning[];
  /** Indicators in the red band. */
  fragile: IndicatorKey[];
  /** The custom peer set the structure chose, in words; absent without one. */
  peers?: { label: string; named: boolean; definition: string; size: number };
}

export interface PreviousExercice {
  /** The previous campaign's population, when it exists. */
  population: PopulationIndex | null;
  /** The structure's own member in it, when it filed a return that year. */
  member: Member | null;
}

export interface PositioningOptions {
  /** The campaign's size groups (indexSizeGroups), in which the structure is also placed. */
  sizeGroups?: readonly SizeGroup[];
  /** The structure's custom peer set (indexPeerGroups), a fourth group beside the network, territory and size. */
  peers?: PeerGroup;
  /** The campaigns before this one, for the trajectories, and this campaign's year. */
  history?: { year: number; past: readonly PastCampaign[] };
  /**
   * False for a live positioning, sent before the close: between two answers the network's count and mean
   * change by one structure, whose value they would give away.
   */
  means?: boolean;
}

/**
 * The empty lists of a positioning without size groups or history, shared by every structure's indicators (frozen:
 * nothing downstream adds to a positioning's lists).
 */
const NO_VIEWS: readonly GroupView[] = Object.freeze([]);
const NO_POINTS: readonly TrajectoryPoint[] = Object.freeze([]);

/** Each indicator's change of the network median since the previous population (null for Oui/Non), once per pair. */
function medianChangesOf(
  network: readonly GroupColumn[],
  previous: PopulationIndex | null,
): readonly (number | null)[] {
  const cached = medianChanges.get(network);
  if (cached && cached.from === previous) return cached.changes;
  const stats = previous?.network.stats ?? null;
  const changes = network.map((c) =>
    c.def.unit === "bool" ? null : medianChange(c.stats, stats?.[c.def.key] ?? null),
  );
  medianChanges.set(network, { from: previous, changes });
  return changes;
}

const medianChanges = new WeakMap<
  readonly GroupColumn[],
  { from: PopulationIndex | null; changes: (number | null)[] }
>();

export function positionStructure(
  population: PopulationIndex,
  member: Member,
  previous: PreviousExercice = { population: null, member: null },
  options: PositioningOptions = {},
): Positioning {
  const min = population.minGroupSize;
  const peer = member.territory ? population.groups.get(member.territory) : undefined;
  const previousIndicators = previous.member?.indicators ?? null;
  const history = options.history;
  const trajectories = history
    ? trajectoriesOf({ year: history.year, population, member }, history.past)
    : null;
  const sizes = groupsOf(member, options.sizeGroups ?? []).map((g) => columnsOf(g.index, g.label));
  const peers = options.peers;
  const custom = peers ? columnsOf(peers.index, peers.label) : null;
  const network = columnsOf(population.network, "Réseau");
  const group = peer && member.territory ? columnsOf(peer, member.territory) : null;
  const means = options.means !== false;
  const networkMeans = means ? meansShown(population, NETWORK_GROUP) : null;
  const groupMeans = means && member.territory ? meansShown(population, member.territory) : null;
  const networkMedianChanges = medianChangesOf(network, previous.population);
  const indicators = INDICATORS.map((def, i): IndicatorPositioning => {
    const result = member.indicators[def.key];
    const value = result.value;
    const before = previousIndicators?.[def.key].value ?? null;
    const entry: IndicatorPositioning = {
      key: def.key,
      value,
      status: result.status,
      reason: result.reason,
      network: viewIn(network[i] as GroupColumn, value, min, networkMeans?.[i] === true),
      group:
        group && member.territory
          ? viewIn(group[i] as GroupColumn, value, min, groupMeans?.[i] === true)
          : null,
      // Size groups cut the network across the territories: their means could be combined with the
      // territories' to isolate a few structures, so they show medians and quartiles only.
      sizes:
        sizes.length === 0
          ? NO_VIEWS
          : sizes.map((columns) => viewIn(columns[i] as GroupColumn, value, min, false)),
      previousValue: before,
      trajectory: trajectories?.[def.key] ?? NO_POINTS,
      change: changeBetween(value, before),
      networkMedianChange: networkMedianChanges[i] ?? null,
    };
    // Custom sets are chosen by each structure, so no rule over the territories could keep their means safe:
    // like the size groups, medians and quartiles only. Added after the literal: a spread in it would make
    // every structure's entry, with a set or not, be built property by property.
    if (custom) entry.custom = viewIn(custom[i] as GroupColumn, value, min, false);
    return entry;
  });
  const positioning: Positioning = {
    structureCode: member.structureCode,
    territory: member.territory,
    minGroupSize: min,
    networkSize: population.network.size,
    indicators,
    fragile: [],
  };
  // From the entries just built rather than fragileKeys: each structure's indicators are read once.
  for (const entry of indicators) if (isFragile(entry.status)) positioning.fragile.push(entry.key);
  if (peers)
    positioning.peers = {
      label: peers.label,
      named: peers.named,
      definition: peers.definition,
      size: peers.index.size,
    };
  return positioning;
}
export * from "./last-network.ts";
export * from "./peer-set.ts";
export * from "./size-groups.ts";
export * from "./trajectory.ts";
export * from "./verdict.ts";
