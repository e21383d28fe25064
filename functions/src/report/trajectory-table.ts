// An indicator's trajectory as the mail's HTML gives it: a small data table of each campaign with the structure's value and the medians.
import { formatUnitValue, TRAJECTORY_GAP_REASON, type TrajectoryModel } from "@barometre/shared";

/** What a gap shows, and how it is read: never a zero. */
export const GAP = { sign: "—", words: "pas de valeur" } as const;

export interface TrajectoryTable {
  caption: string;
  /** "Campagne", then one column per series (the structure, the network's median, the group's). */
  head: string[];
  /** A campaign and its value in each series, null for a gap. */
  rows: { year: string; values: (string | null)[] }[];
}

/** Every figure the chart's text alternative gives, year by year; the caption says what a gap means when there is one. */
export function trajectoryTable(t: TrajectoryModel): TrajectoryTable {
  const rows = t.years.map((year, i) => ({
    year: String(year),
    values: t.series.map((s) => {
      const v = s.values[i] ?? null;
      return v === null ? null : formatUnitValue(t.unit, v);
    }),
  }));
  const structure = t.series.findIndex((s) => s.role === "structure");
  const why = rows.some((r) => r.values[structure] === null)
    ? ` ; pour votre structure : ${TRAJECTORY_GAP_REASON}`
    : "";
  const note = rows.some((r) => r.values.includes(null))
    ? ` (« ${GAP.sign} » : ${GAP.words}${why})`
    : "";
  return {
    caption: `${t.title}${note}`,
    head: ["Campagne", ...t.series.map((s) => s.label)],
    rows,
  };
}
