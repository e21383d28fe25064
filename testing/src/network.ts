// Generated networks stored straight into Firestore (latest revisions of a campaign), for tests at scale.
import { createHash } from "node:crypto";
import {
  eachLimited,
  getCampaign,
  PENDING,
  type StoredRevision,
  saveStructure,
  setLatest,
} from "@barometre/functions/admin";
import {
  type BandSettings,
  computeIndicators,
  type DemoStructure,
  type PimmsReturn,
  receivedContentHash,
} from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { ATTESTATION } from "./stack.ts";

/** A return as a stored revision, the way submitReturn would have stored it. */
export function storedRevision(
  ret: PimmsReturn,
  options: { number?: number; at?: Date; bands?: BandSettings } = {},
): StoredRevision {
  const code = ret.identification.structureCode as string;
  const year = ret.identification.year as number;
  return {
    structureCode: code,
    year,
    territory: ret.identification.territory,
    payload: ret,
    indicators: computeIndicators(ret, options.bands),
    findings: [],
    contentHash: receivedContentHash(ret, undefined, (text) =>
      createHash("sha256").update(text).digest("hex"),
    ),
    submittedBy: ret.identification.directorEmail ?? "direction@pimms.example",
    submittedAt: Timestamp.fromDate(options.at ?? new Date(Date.UTC(year + 1, 4, 15, 9, 30))),
    idempotencyKey: `seed-${code}-${year}`,
    number: options.number ?? 1,
    review: PENDING,
    explanations: {},
    attestation: ATTESTATION,
    changes: null,
    answers: null,
    firstSubmittedAt: Timestamp.fromDate(options.at ?? new Date(Date.UTC(year + 1, 4, 15, 9, 30))),
  };
}

/** The population snapshot's shard count of each campaign (undefined where none exists yet). */
export async function shardsOf(
  db: Firestore,
  years: Iterable<number>,
): Promise<Map<number, number | undefined>> {
  const unique = [...new Set(years)];
  const campaigns = await Promise.all(unique.map((y) => getCampaign(db, y)));
  return new Map(unique.map((y, i) => [y, campaigns[i]?.populationShards]));
}

/**
 * Writes the revisions as their campaign's latest copies, with their population snapshot entries as a submission
 * writes them, 200 (about 1 Mio) to a batch.
 */
export async function seedLatest(
  db: Firestore,
  revisions: readonly StoredRevision[],
): Promise<void> {
  const shards = await shardsOf(
    db,
    revisions.map((r) => r.year),
  );
  for (let i = 0; i < revisions.length; i += 200) {
    const batch = db.batch();
    for (const r of revisions.slice(i, i + 200)) setLatest(batch, db, shards.get(r.year), r);
    await batch.commit();
  }
}

/** Registers the structures in the directory, each with its return's director as the one authorised address. */
export async function registerStructures(
  db: Firestore,
  structures: readonly DemoStructure[],
): Promise<void> {
  const now = new Date();
  // A bounded number in flight: tens of thousands of calls at once would time out waiting for a connection.
  await eachLimited(structures, 64, (s) =>
    saveStructure(
      db,
      {
        code: s.code,
        name: s.name,
        territory: s.territory,
        emails: [s.current.identification.directorEmail as string],
      },
      now,
    ),
  );
}
