// The final benchmark of a closed campaign, computed once: statistics in one document, and the structures in
// batches for the report fan-out, each batch one document holding its structures' frozen positionings.
//
// The batch documents are written (set, same content each time) before the head document is created; create()
// makes the head the commit point, so two closers racing, or a closer that crashed half-way and is run again,
// end with one benchmark, and the fan-out only ever reads a complete one. A batch keeps its members as one JSON
// text: the positioning of a structure has hundreds of fields that nobody queries, and one field is much
// cheaper to store and read than hundreds.
import {
  type BandSettings,
  type CampaignMode,
  canonicalAddress,
  defaultSizeBands,
  type Indicators,
  indexPeerGroups,
  indexPopulation,
  indexSizeGroups,
  type PopulationIndex,
  type Positioning,
  positionStructure,
  type SizeBands,
  type StatsByIndicator,
  TRAJECTORY_YEARS,
} from "@barometre/shared";
import { type CollectionReference, type Firestore, Timestamp } from "firebase-admin/firestore";
import { recordPastCampaigns } from "../positioning/past-record.ts";
import { memberOfRevision } from "../positioning/population-cache.ts";
import { listStructures } from "../storage/directory.ts";
import { isAlreadyExists } from "../storage/firestore-errors.ts";
import { finalBatchDoc, finalBenchmarkDoc, finalCol } from "../storage/paths.ts";
import { allPeersInForce } from "../storage/peers.ts";
import { listLatest, type StoredRevision } from "../storage/revisions.ts";
import { asStored } from "../storage/stored.ts";

/** At most this many structures per batch: a batch is 50 reports, about 10 s of CPU. */
export const BATCH_SIZE = 50;

/** A batch document stays under Firestore's 1 Mio limit; a positioning is about 12 ko of JSON. */
const BATCH_BYTES = 800_000;

export interface FinalMember {
  code: string;
  /** The directory's name, or the return's when the directory has none. */
  name: string;
  territory: string | null;
  /**
   * Where the report goes, only ever addresses the directory holds for the structure: the return's director
   * address when it is one of them, else all of them (a return must not make the Union's sender mail anyone).
   */
  to: string[];
  /** The return's director address when the directory does not hold it (the Union is told); absent otherwise. */
  unlistedAddress?: string;
  revision: number;
  /** ISO 8601. */
  submittedAt: string;
  indicators: Indicators;
  positioning: Positioning;
}

/** One batch document: `members` is the JSON text of FinalMember[]. */
export interface FinalBatch {
  batch: number;
  codes: string[];
  members: string;
}

export interface FinalBenchmark {
  year: number;
  mode: CampaignMode;
  minGroupSize: number;
  bands: BandSettings;
  /** Structures still on record (an erasure takes one out). */
  memberCount: number;
  batches: number;
  network: StatsByIndicator;
  groups: Record<string, StatsByIndicator>;
  /** Structures of the previous campaign the changes were computed against. */
  previousCount: number;
  /** Structures in the Union's directory at the close, for the reports' response rate (absent before it was kept). */
  directorySize?: number;
  /** The size groups' bands the positionings used. */
  sizeBands?: Partial<SizeBands>;
  computedAt: Timestamp;
  computedBy: string;
  /** When the report fan-out was last (re)started, null before. */
  fanOutAt: Timestamp | null;
}

export interface CampaignSettingsForClose {
  year: number;
  mode: CampaignMode;
  minGroupSize: number;
  bands: BandSettings;
  /** The Union's size bands; absent: the terciles of the previous campaign. */
  sizeBands?: Partial<SizeBands>;
}

/** What a close computed, so the Union's summary need not read it back. */
export interface ComputedBenchmark {
  members: FinalMember[];
  previous: PopulationIndex | null;
}

const AS_BATCH = asStored<FinalBatch>();

/** A campaign's final batches, read as FinalBatch: every query on them filters on a field only batches have. */
export const finalBatches = (db: Firestore, year: number): CollectionReference<FinalBatch> =>
  finalCol(db, year).withConverter(AS_BATCH);

export async function getFinalBenchmark(
  db: Firestore,
  year: number,
): Promise<FinalBenchmark | null> {
  const snap = await finalBenchmarkDoc(db, year).withConverter(asStored<FinalBenchmark>()).get();
  return snap.data() ?? null;
}

export const membersOf = (batch: FinalBatch): FinalMember[] => JSON.parse(batch.members);

export async function finalBatch(
  db: Firestore,
  year: number,
  batch: number,
): Promise<FinalMember[]> {
  const stored = (await finalBatchDoc(db, year, batch).withConverter(AS_BATCH).get()).data();
  return stored ? membersOf(stored) : [];
}

/** Every structure of the final benchmark, in code order. */
export async function allFinalMembers(db: Firestore, year: number): Promise<FinalMember[]> {
  const snap = await finalBatches(db, year).where("batch", ">=", 0).orderBy("batch").get();
  return snap.docs.flatMap((d) => membersOf(d.data()));
}

function finalMember(
  r: StoredRevision,
  positioning: Positioning,
  directory: Map<string, { name: string; emails: string[] }>,
): FinalMember {
  const entry = directory.get(r.structureCode);
  const listed = entry?.emails ?? [];
  const given = r.payload.identification.directorEmail?.trim() || null;
  const director = given === null ? null : canonicalAddress(given);
  const known = director !== null && listed.includes(director);
  return {
    code: r.structureCode,
    name: entry?.name ?? r.payload.identification.structureName ?? r.structureCode,
    territory: r.territory,
    to: known ? [director] : listed,
    ...(given !== null && !known ? { unlistedAddress: given } : {}),
    revision: r.number,
    submittedAt: r.submittedAt.toDate().toISOString(),
    indicators: r.indicators,
    positioning,
  };
}

/** Cuts the members, in order, into batches of at most BATCH_SIZE structures and BATCH_BYTES of JSON. */
function batchesOf(members: readonly FinalMember[]): FinalBatch[] {
  const batches: FinalBatch[] = [];
  let current: string[] = [];
  let codes: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (!current.length) return;
    batches.push({ batch: batches.length, codes, members: `[${current.join(",")}]` });
    current = [];
    codes = [];
    bytes = 0;
  };
  for (const m of members) {
    const json = JSON.stringify(m);
    if (current.length >= BATCH_SIZE || bytes + json.length > BATCH_BYTES) flush();
    current.push(json);
    codes.push(m.code);
    bytes += json.length;
  }
  flush();
  return batches;
}

async function compute(
  db: Firestore,
  campaign: CampaignSettingsForClose,
): Promise<
  ComputedBenchmark & {
    index: PopulationIndex;
    directorySize: number;
    sizeBands: Partial<SizeBands>;
  }
> {
  const pastYears = Array.from({ length: TRAJECTORY_YEARS - 1 }, (_, k) => campaign.year - 1 - k);
  const [latest, directory, choices, ...past] = await Promise.all([
    listLatest(db, campaign.year),
    listStructures(db),
    allPeersInForce(db, campaign.year),
    ...pastYears.map((year) => listLatest(db, year)),
  ]);
  const population = latest.map(memberOfRevision);
  const index = indexPopulation(population, campaign.minGroupSize);
  // The campaigns held before this one, for the trajectories; N-1 also gives the changes.
  const held = past.flatMap((revisions, k) => {
    if (!revisions.length) return [];
    const byCode = new Map(revisions.map((r) => [r.structureCode, memberOfRevision(r)]));
    const year = pastYears[k] as number;
    return [{ year, byCode, index: indexPopulation([...byCode.values()], campaign.minGroupSize) }];
  });
  const last = held[0]?.year === campaign.year - 1 ? held[0] : undefined;
  const previous = last?.index ?? null;
  const names = new Map(directory.map((s) => [s.code, s]));
  const sizeBands = campaign.sizeBands ?? defaultSizeBands(last ? [...last.byCode.values()] : []);
  const sizeGroups = indexSizeGroups(population, sizeBands, campaign.minGroupSize);
  const peerGroups = indexPeerGroups(
    population,
    choices,
    sizeBands,
    campaign.minGroupSize,
    campaign.mode === "transparent",
  );
  const members = latest.map((r, i) => {
    const member = population[i] as (typeof population)[number];
    const pastOf = held.map((c) => ({
      year: c.year,
      population: c.index,
      member: c.byCode.get(r.structureCode) ?? null,
    }));
    return finalMember(
      r,
      positionStructure(
        index,
        member,
        { population: previous, member: last?.byCode.get(r.structureCode) ?? null },
        {
          history: { year: campaign.year, past: pastOf },
          sizeGroups,
          peers: peerGroups.get(r.structureCode),
        },
      ),
      names,
    );
  });
  return { members, previous, index, directorySize: directory.length, sizeBands };
}

/**
 * The campaign's final benchmark: the stored one, or computed now from the latest revisions. Also returns what
 * it computed, when it did, so the caller need not read it back.
 */
export async function takeFinalBenchmark(
  db: Firestore,
  campaign: CampaignSettingsForClose,
  by: string,
  now: Date,
): Promise<{ head: FinalBenchmark; computed: ComputedBenchmark | null }> {
  const stored = await getFinalBenchmark(db, campaign.year);
  // Also when stored: a close that stopped right after creating the benchmark left the records behind.
  if (stored) {
    await recordPastCampaigns(db, campaign.year, { self: false });
    return { head: stored, computed: null };
  }
  const { members, previous, index, directorySize, sizeBands } = await compute(db, campaign);
  const batches = batchesOf(members);
  for (const b of batches) await finalBatchDoc(db, campaign.year, b.batch).set(b);
  const head: FinalBenchmark = {
    year: campaign.year,
    mode: campaign.mode,
    minGroupSize: campaign.minGroupSize,
    bands: campaign.bands,
    memberCount: members.length,
    batches: batches.length,
    network: index.network.stats,
    groups: Object.fromEntries([...index.groups].map(([t, g]) => [t, g.stats])),
    previousCount: previous ? previous.network.size : 0,
    directorySize,
    sizeBands,
    computedAt: Timestamp.fromDate(now),
    computedBy: by,
    fanOutAt: null,
  };
  let taken: { head: FinalBenchmark; computed: ComputedBenchmark | null };
  try {
    await finalBenchmarkDoc(db, campaign.year).create(head);
    taken = { head, computed: { members, previous } };
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    taken = {
      head: (await getFinalBenchmark(db, campaign.year)) as FinalBenchmark,
      computed: null,
    };
  }
  // The later campaigns' live trajectories now show this one's final medians.
  await recordPastCampaigns(db, campaign.year, { self: false });
  return taken;
}
