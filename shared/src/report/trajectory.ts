// An indicator's trajectory in a report: the structure's line beside the network's and peer group's medians, as a chart model with its figures in words.
import { type IndicatorKey, indicator } from "../indicators/definitions.ts";
import { formatIndicatorValue } from "../indicators/display.ts";
import type { TrajectoryPoint } from "../positioning/trajectory.ts";
import type { TrajectoryModel, TrajectorySeries } from "./types.ts";

/** Why the structure has no value for a campaign, said wherever its trajectory shows a gap. */
export const TRAJECTORY_GAP_REASON = "retour non transmis ou valeur non calculable";

const said = (key: IndicatorKey, v: number | null, missing: string) =>
  v === null ? missing : formatIndicatorValue(key, v);

/** The chart of a trajectory, or null with fewer than two campaigns (nothing to draw a line between). */
export function trajectoryModel(
  key: IndicatorKey,
  points: readonly TrajectoryPoint[],
  groupLabel: string | null,
): TrajectoryModel | null {
  const def = indicator(key);
  // A line of changes in points would be a change of a change: the #5 shares have their own trajectories.
  if (points.length < 2 || def.unit === "points") return null;
  const series: TrajectorySeries[] = [
    { label: "Votre structure", role: "structure", values: points.map((p) => p.value) },
    { label: "Médiane du réseau", role: "network", values: points.map((p) => p.networkMedian) },
  ];
  if (groupLabel && points.some((p) => p.groupMedian !== null))
    series.push({
      label: `Médiane du groupe ${groupLabel}`,
      role: "group",
      values: points.map((p) => p.groupMedian),
    });
  const years = points.map((p) => p.year);
  const alt = [
    `Graphique « ${def.name} » : trajectoire de ${years[0]} à ${years[years.length - 1]}.`,
    ...points.map(
      (p, i) =>
        `${p.year} : ${series
          .map(
            (s) =>
              `${s.label.charAt(0).toLowerCase()}${s.label.slice(1)} ${said(key, s.values[i] ?? null, s.role === "structure" ? `sans valeur (${TRAJECTORY_GAP_REASON})` : "non disponible")}`,
          )
          .join(" ; ")}.`,
    ),
  ].join(" ");
  return {
    kind: "trajectory",
    id: `trajectoire-${key}`,
    unit: def.unit,
    title: `${def.name} : trajectoire de votre structure et médianes de chaque année`,
    years,
    series,
    alt,
  };
}
