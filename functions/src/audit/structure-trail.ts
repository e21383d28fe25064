// A structure's part of the audit log, for data-protection requests: exported as the entries about it; erased by
// deleting its subject, which unlinks those entries without touching the append-only log.

import type { StructureDataKind } from "../retention/data-kind.ts";
import { toJson } from "../storage/firestore-json.ts";
import { auditSubjectDoc } from "../storage/paths.ts";
import { readAudit } from "./read.ts";

export const auditTrail: StructureDataKind = {
  name: "auditTrail",
  label: "lien avec le journal des actions de l'Union",
  export: async (db, code) =>
    (await readAudit(db, { structureCode: code })).map(
      ({ at, actor, action, year, outcome, detail }) =>
        toJson({ at, actor, action, year, outcome, detail }),
    ),
  erase: async (db, code) => {
    const ref = auditSubjectDoc(db, code);
    if (!(await ref.get()).exists) return 0;
    await ref.delete();
    return 1;
  },
};
