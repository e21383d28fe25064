// A campaign's export: the latest revision of every structure, as the JSON of docs/api.md (plus the status board)
// or a CSV for French Excel.
import {
  bandsFor,
  type CampaignExport,
  FIELDS,
  findField,
  getValue,
  INDICATOR_KEYS,
  type Indicators,
  indicator,
  REVIEW_STATE_CELLS,
  STATUS_LABELS,
} from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { readStatusRows } from "../status/read-board.ts";
import { toJson } from "../storage/firestore-json.ts";
import { listLatest, type StoredRevision } from "../storage/revisions.ts";
import { parisTime } from "../util/paris-time.ts";
import { csvValue, toCsv } from "./csv.ts";

export async function exportCampaign(db: Firestore, year: number): Promise<CampaignExport> {
  const latest = await listLatest(db, year);
  const status = await readStatusRows(db, year, latest);
  return {
    year,
    returns: latest.map((r) => ({
      structureCode: r.structureCode,
      revision: r.number,
      submittedAt: r.submittedAt.toDate().toISOString(),
      submittedBy: r.submittedBy,
      return: r.payload,
      indicators: r.indicators,
      review: toJson(r.review),
      attestation: r.attestation ?? null,
      explanations: r.explanations ?? {},
    })),
    status,
  };
}

/** "Claire Martin (direction)", or empty for a revision stored before attestations. */
export const attestationWords = (r: StoredRevision): string =>
  r.attestation ? `${r.attestation.name} (${r.attestation.role})` : "";

/** The director's explanations of warnings: "Nombre de visiteurs : Reprise d'une antenne. | …". */
export const explanationWords = (r: StoredRevision): string =>
  Object.entries(r.explanations ?? {})
    .map(([key, text]) => `${findField(key)?.label ?? key} : ${text}`)
    .join(" | ");

/** Each indicator's value column, followed by its band column when it has bands. */
const INDICATOR_COLUMNS = INDICATOR_KEYS.flatMap((key) => {
  const name = indicator(key).name;
  const value = { head: `Indicateur : ${name}`, cell: (i: Indicators) => csvValue(i[key].value) };
  if (bandsFor(key) === null) return [value];
  const band = (i: Indicators) => {
    const status = i[key].status;
    return status ? STATUS_LABELS[status] : "";
  };
  return [value, { head: `Bande : ${name}`, cell: band }];
});

/**
 * One line per structure: revision, submission time (Paris), submitter and review, then every field under its
 * French label, then every indicator under its name (rates as fractions, empty when not computable) with its
 * band (Vert, Orange, Rouge) when it has bands.
 */
export async function exportCampaignCsv(db: Firestore, year: number): Promise<string> {
  const latest = await listLatest(db, year);
  const header = [
    "Révision",
    "Soumis le",
    "Soumis par",
    "Revue de l'Union",
    ...FIELDS.map((f) => f.label),
    ...INDICATOR_COLUMNS.map((c) => c.head),
    "Attestée par",
    "Explications de la structure",
  ];
  const rows = latest.map((r) => [
    csvValue(r.number),
    csvValue(parisTime.format(r.submittedAt.toDate())),
    csvValue(r.submittedBy),
    csvValue(REVIEW_STATE_CELLS[r.review.state]),
    ...FIELDS.map((f) => csvValue(getValue(r.payload, f), f.type === "date")),
    ...INDICATOR_COLUMNS.map((c) => c.cell(r.indicators)),
    csvValue(attestationWords(r)),
    csvValue(explanationWords(r)),
  ]);
  return toCsv(header, rows);
}
