// The size bands the Union's sheet groups structures by: those the close used, or will use (the Union's, else the
// previous campaign's terciles, computed from its returns once per instance and time-to-live, not at every sync).
import { defaultSizeBands, type SizeBands } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { getFinalBenchmark } from "../close/final-benchmark.ts";
import { memberOfRevision } from "../positioning/population-cache.ts";
import type { Campaign } from "../storage/campaigns.ts";
import { listLatest } from "../storage/revisions.ts";

/** A closed campaign's returns change only by a review or an erasure: its terciles are trusted this long. */
const TERCILES_TTL_MS = 10 * 60_000;

/** Per database (tests run several) and previous year. */
type Kept = Map<number, { at: number; bands: Partial<SizeBands> }>;
const terciles = new WeakMap<Firestore, Kept>();

async function previousTerciles(db: Firestore, year: number, now: number) {
  const years: Kept = terciles.get(db) ?? new Map();
  terciles.set(db, years);
  const kept = years.get(year);
  if (kept && now - kept.at < TERCILES_TTL_MS) return kept.bands;
  const bands = defaultSizeBands((await listLatest(db, year)).map(memberOfRevision));
  years.set(year, { at: now, bands });
  return bands;
}

export async function sizeBandsOf(
  db: Firestore,
  year: number,
  campaign: Campaign | null,
  now: Date,
): Promise<Partial<SizeBands>> {
  const head = await getFinalBenchmark(db, year);
  const bands = head?.sizeBands ?? campaign?.sizeBands;
  return bands ?? previousTerciles(db, year - 1, now.getTime());
}
