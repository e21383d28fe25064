// docs/performance.md's generated part: the figures of bench/results.json judged against bench/goals.ts, never typed by hand.
import { parisTime } from "@barometre/functions/admin";
import { formatDate, formatNumber, parisDay } from "@barometre/shared";
import { FIGURE_KEYS, GOALS } from "./goals.ts";
import type { RecordedFigure, Results } from "./results.ts";
import type { Machine } from "./support/machine.ts";
import { formatFigure, goalText, passText } from "./support/table.ts";

export const PERFORMANCE_DOC = "docs/performance.md";

/** The markers around the generated part; the text outside them is written by hand and kept. */
export const BEGIN =
  "<!-- Début de la partie générée par `npm run docs` depuis bench/results.json : ne pas la modifier à la main. -->";
export const END = "<!-- Fin de la partie générée. -->";

const day = (iso: string) => formatDate(parisDay(new Date(iso)));

const load = (n: number | null) => (n === null ? "inconnue" : formatNumber(n, 2));

const machineWords = (m: Machine) =>
  `${formatNumber(m.cores)} cœurs${m.cpu ? ` ${m.cpu}` : ""}, Node ${m.node.replace(/^v/, "")}, ${m.platform}, charge moyenne ${load(m.loadAverage.start)} au début et ${load(m.loadAverage.end)} à la fin`;

/** A table cell: Markdown's column separator escaped. */
const cell = (text: string) => text.replaceAll("|", "\\|");

const width = (text: string) => [...text].length;

/** A Markdown table with its columns padded as Biome formats them, so the generated file passes the lint as it is. */
function table(header: readonly string[], rows: readonly string[][]): string[] {
  const cells = [header, ...rows].map((r) => r.map(cell));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => width(r[i] ?? ""))));
  const line = (r: readonly string[]) =>
    `| ${r.map((c, i) => c + " ".repeat((widths[i] ?? 0) - width(c))).join(" | ")} |`;
  const [head, ...body] = cells;
  return [line(head ?? []), line(widths.map((w) => "-".repeat(w))), ...body.map(line)];
}

function row(key: (typeof FIGURE_KEYS)[number], f: RecordedFigure | undefined): string[] {
  const goal = GOALS[key];
  if (!f) return [`\`${key}\``, goal.label, goalText({ ...goal }), "pas encore mesurée", "—", "—"];
  const value = f.value === null ? "absente" : formatFigure(f.value, f.unit);
  return [`\`${key}\``, f.label, goalText(f), value, passText(f), day(f.measuredAt)];
}

/** Each run the figures come from, once: its time (Paris), machine and the keys it measured. */
function runs(results: Results): string[] {
  const byRun = new Map<string, { machine: Machine; keys: string[] }>();
  for (const f of Object.values(results.figures)) {
    const run = byRun.get(f.measuredAt) ?? { machine: f.machine, keys: [] };
    run.keys.push(`\`${f.key}\``);
    byRun.set(f.measuredAt, run);
  }
  return [...byRun]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([at, run]) =>
        `- ${parisTime.format(new Date(at))} : ${machineWords(run.machine)} ; ${run.keys.join(", ")}.`,
    );
}

/** Why a figure is absent, or what it was measured on, as the bench wrote it. */
function details(results: Results): string[] {
  return FIGURE_KEYS.flatMap((key) => {
    const f = results.figures[key];
    const text = f?.absentReason ? `absente : ${f.absentReason}` : f?.note;
    return text ? [`- \`${key}\` : ${text}`] : [];
  });
}

/** The generated part, markers included. */
export function performanceBlock(results: Results): string {
  const header = [
    "clé",
    "ce qui est mesuré",
    "objectif",
    "dernier passage",
    "atteint ?",
    "mesurée le",
  ];
  const rows = FIGURE_KEYS.map((key) => row(key, results.figures[key]));
  const measured = runs(results);
  const notes = details(results);
  return [
    BEGIN,
    "",
    ...table(header, rows),
    "",
    ...(notes.length ? ["Ce que précise chaque mesure :", "", ...notes, ""] : []),
    ...(measured.length
      ? ["Passages d'où viennent ces chiffres (heure de Paris) :", "", ...measured, ""]
      : []),
    END,
  ].join("\n");
}

/** The document with its generated part replaced (or added at the end when it has none yet). */
export function withPerformanceBlock(doc: string, results: Results): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start === -1 || end < start) return `${doc.trimEnd()}\n\n${performanceBlock(results)}\n`;
  return `${doc.slice(0, start)}${performanceBlock(results)}${doc.slice(end + END.length)}`;
}
