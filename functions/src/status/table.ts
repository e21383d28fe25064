// The status board in French, as the Union reads it: the Suivi tab of its sheet, the CSV, the terminal's table.
import { formatPercent, indicator, REVIEW_STATE_CELLS } from "@barometre/shared";
import { csvValue, toCsv } from "../export/csv.ts";
import { parisTime } from "../util/paris-time.ts";
import type { ProgressState, StatusBoard, StatusRates, StatusRow } from "./board.ts";

export const STATE_WORDS: Record<ProgressState, string> = {
  notStarted: "non commencé",
  prepared: "classeur préparé",
  submitted: "retour envoyé",
};

export type StatusCell = string | number | null;

interface StatusColumn {
  head: string;
  cell(row: StatusRow): StatusCell;
  /** Kept in the terminal's narrower table. */
  brief: boolean;
}

const when = (iso: string | null) => (iso ? parisTime.format(new Date(iso)) : null);

function fragileCell(row: StatusRow): StatusCell {
  if (row.state !== "submitted") return null;
  return row.fragile.map((key) => indicator(key).name).join(", ") || "aucun";
}

export const STATUS_COLUMNS: readonly StatusColumn[] = [
  { head: "Code", cell: (r) => r.structureCode, brief: true },
  { head: "Structure", cell: (r) => r.name, brief: true },
  { head: "Type de territoire", cell: (r) => r.territory, brief: false },
  { head: "État", cell: (r) => STATE_WORDS[r.state], brief: true },
  { head: "Classeur préparé le", cell: (r) => when(r.preparedAt), brief: false },
  { head: "Révision", cell: (r) => r.revision, brief: true },
  { head: "Transmise le", cell: (r) => when(r.submittedAt), brief: true },
  { head: "Transmise par", cell: (r) => r.submittedBy, brief: false },
  {
    head: "Revue de l'Union",
    cell: (r) => (r.review ? REVIEW_STATE_CELLS[r.review] : null),
    brief: true,
  },
  { head: "Indicateurs en bande rouge", cell: fragileCell, brief: true },
  { head: "Révisions", cell: (r) => r.revisions, brief: false },
  { head: "Jours de retard", cell: (r) => r.daysLate, brief: true },
];

const rate = (share: number | null) => (share === null ? "—" : formatPercent(share));

const capital = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;

/** The board's completeness and timeliness, each a label and a value, over the registered structures. */
export function ratesLines(rates: StatusRates): [string, string][] {
  return [
    ["Taux de réponse", rate(rates.response)],
    [
      "Retours envoyés dans les délais",
      rates.onTime === null ? "sans date limite" : rate(rates.onTime),
    ],
    ["Retours acceptés par l'Union", rate(rates.accepted)],
  ];
}

/** The header and one line of cells per structure; `brief` keeps the terminal's columns only. */
export function statusTable(
  rows: readonly StatusRow[],
  brief = false,
): { head: string[]; rows: StatusCell[][] } {
  const columns = STATUS_COLUMNS.filter((c) => c.brief || !brief);
  return {
    head: columns.map((c) => c.head),
    rows: rows.map((row) => columns.map((c) => c.cell(row))),
  };
}

/** The board as CSV for French Excel, the same columns as the Suivi tab. */
export function statusCsv(board: StatusBoard): string {
  const table = statusTable(board.status);
  return toCsv(
    table.head,
    table.rows.map((cells) => cells.map((c) => csvValue(c))),
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** « Taux de réponse : 57,1 % ; retours envoyés dans les délais : 42,9 % ; … », over the registered structures. */
export const ratesSentence = (rates: StatusRates): string =>
  `${capital(
    ratesLines(rates)
      .map(([label, value]) => `${label[0]?.toLowerCase()}${label.slice(1)} : ${value}`)
      .join(" ; "),
  )} (parts des structures inscrites).`;

/** « 35 structures inscrites : 20 ont envoyé leur retour, 5 ont préparé leur classeur, 10 n'ont pas commencé. » */
export function countsSentence(board: StatusBoard): string {
  const { submitted, prepared, notStarted } = board.counts;
  return `${count(board.status.length, "structure", "structures")} : ${[
    count(submitted, "a envoyé son retour", "ont envoyé leur retour"),
    count(
      prepared,
      "a préparé son classeur sans l'envoyer",
      "ont préparé leur classeur sans l'envoyer",
    ),
    count(notStarted, "n'a pas commencé", "n'ont pas commencé"),
  ].join(", ")}.`;
}
