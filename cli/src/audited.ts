// A Union command's action, recorded in the audit log (functions/src/audit/) as done from the command line.
import type { AuditEvent } from "@barometre/functions/admin";
import type { Firestore } from "firebase-admin/firestore";
import { CLI_ACTOR } from "./firestore.ts";

export async function auditedCommand<T>(
  db: Firestore,
  event: Omit<AuditEvent, "actor" | "via">,
  run: () => Promise<T>,
  detailOf?: (result: T) => string | null,
): Promise<T> {
  const { audited } = await import("@barometre/functions/admin");
  return audited(db, { ...event, actor: CLI_ACTOR, via: "cli" }, new Date(), run, detailOf);
}
