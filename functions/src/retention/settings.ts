// The Union's retention policy, stored in settings/retention: days kept by kind, the defaults for the others.
import { type RetentionKind, type RetentionPolicy, retentionPolicy } from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { retentionSettingsDoc } from "../storage/paths.ts";

export interface StoredRetention {
  policy: RetentionPolicy;
  /** The kinds the Union set, and who set the policy last and when. */
  set: RetentionKind[];
  updatedBy: string | null;
  updatedAt: Date | null;
}

export async function readRetention(db: Firestore): Promise<StoredRetention> {
  const data = (await retentionSettingsDoc(db).get()).data() ?? {};
  const policy = retentionPolicy(data);
  return {
    policy,
    set: (Object.keys(policy) as RetentionKind[]).filter((k) => typeof data[k] === "number"),
    updatedBy: (data.updatedBy as string | undefined) ?? null,
    updatedAt: (data.updatedAt as Timestamp | undefined)?.toDate() ?? null,
  };
}

/** Sets one kind's retention (checked by checkRetention), leaving the others as they are. */
export async function setRetention(
  db: Firestore,
  kind: RetentionKind,
  days: number,
  by: string,
  now: Date,
): Promise<void> {
  await retentionSettingsDoc(db).set(
    { [kind]: days, updatedBy: by, updatedAt: Timestamp.fromDate(now) },
    { merge: true },
  );
}
