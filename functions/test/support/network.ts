// Generated networks stored straight into Firestore (latest revisions of a campaign), for tests at scale.
import { createHash } from "node:crypto";
import { saveStructure } from "@barometre/functions/directory";
import { latestDoc } from "@barometre/functions/layout";
import { PENDING, type StoredRevision } from "@barometre/functions/revisions";
import {
  type BandSettings,
  computeIndicators,
  type DemoStructure,
  type PimmsReturn,
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
    contentHash: createHash("sha256").update(JSON.stringify(ret)).digest("hex"),
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

/** Writes the revisions as their campaign's latest copies, 200 (about 1 Mio) to a batch. */
export async function seedLatest(
  db: Firestore,
  revisions: readonly StoredRevision[],
): Promise<void> {
  for (let i = 0; i < revisions.length; i += 200) {
    const batch = db.batch();
    for (const r of revisions.slice(i, i + 200))
      batch.set(latestDoc(db, r.year, r.structureCode), r);
    await batch.commit();
  }
}

/** Registers the structures in the directory, each with its return's director as the one authorised address. */
export async function registerStructures(
  db: Firestore,
  structures: readonly DemoStructure[],
): Promise<void> {
  const now = new Date();
  await Promise.all(
    structures.map((s) =>
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
    ),
  );
}
