// The positioning of an accepted revision against its campaign's population and peer group, with N-1 for changes.
import { indexPopulation, type Positioning, positionStructure } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import type { StoredRevision } from "../storage/revisions.ts";
import { pastCampaignsOf } from "./past-campaigns.ts";
import { memberOfRevision, type PopulationCache } from "./population-cache.ts";

export interface PositioningDeps {
  db: Firestore;
  populations: PopulationCache;
  clock: () => Date;
}

/**
 * The population is the latest revision of every structure, with this structure counted once and as this
 * revision (a retry may answer for a revision that a newer one has since replaced).
 */
export async function positionRevision(
  deps: PositioningDeps,
  revision: StoredRevision,
  minGroupSize: number,
): Promise<Positioning> {
  const now = deps.clock();
  const [current, previous] = await Promise.all([
    deps.populations.get(deps.db, revision.year, now, revision),
    deps.populations.get(deps.db, revision.year - 1, now),
  ]);
  const before = previous.members.get(revision.structureCode) ?? null;
  const past = await pastCampaignsOf(
    deps.db,
    revision.year,
    revision.structureCode,
    before,
    now,
    current.past,
  );
  const member = memberOfRevision(revision);
  const others = [...current.members.values()].filter(
    (m) => m.structureCode !== revision.structureCode,
  );
  // A live answer carries no mean (see PositioningOptions); its trajectories read the closed campaigns' final medians.
  return positionStructure(
    indexPopulation([...others, member], minGroupSize),
    member,
    {
      population: previous.members.size > 0 ? previous.index(minGroupSize) : null,
      member: before,
    },
    { means: false, history: { year: revision.year, past } },
  );
}
