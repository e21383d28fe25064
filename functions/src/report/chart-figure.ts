// The geometry of a distribution chart (boxes, whiskers, medians, marker, labels), painted alike as SVG and in the PDF.
import { type BoxStats, type ChartModel, formatUnitValue, WHISKER_ENDS } from "@barometre/shared";
import type { Weight } from "./fonts.ts";
import { CHART, INK, MUTED, WHITE } from "./palette.ts";
import { measure } from "./text-outline.ts";

export type Shape =
  | {
      t: "line";
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: boolean;
    }
  | { t: "rect"; x: number; y: number; w: number; h: number; fill: string; stroke?: string }
  | { t: "diamond"; x: number; y: number; r: number; fill: string; stroke: string }
  /** `x` is the left end of the text, `y` its baseline. */
  | { t: "text"; x: number; y: number; text: string; size: number; weight: Weight; color: string };

export interface Figure {
  width: number;
  height: number;
  shapes: Shape[];
}

export const CHART_WIDTH = 600;
/** Where renderers file the legend among the charts (no indicator has this key). */
export const LEGEND_ID = "legende";
const LEFT = 12;
const PLOT_START = 200;
const PLOT_END = 578;
const TOP = 32;
const ROW = 58;
const LEGEND = 30;
/** From a row's top to its centre line. */
const MID = 20;
const LABEL_SIZE = 11;

function text(
  value: string,
  x: number,
  y: number,
  size: number,
  weight: Weight,
  color: string,
  anchor: "start" | "middle" = "start",
): Shape & { t: "text" } {
  const left = anchor === "middle" ? x - measure(value, size, weight) / 2 : x;
  return { t: "text", x: left, y, text: value, size, weight, color };
}

/** Keeps a label inside [min, max] without changing its width. */
function clampText(s: Shape & { t: "text" }, min: number, max: number): Shape & { t: "text" } {
  const w = measure(s.text, s.size, s.weight);
  return { ...s, x: Math.min(Math.max(s.x, min), max - w) };
}

/** The row's figures under it, most important first, dropping any that would overlap a kept one. */
function valueLabels(
  stats: BoxStats,
  unit: ChartModel["unit"],
  x: (v: number) => number,
  y: number,
): Shape[] {
  const kept: { from: number; to: number; shape: Shape & { t: "text" } }[] = [];
  const ends = stats.whiskers ? [stats.whiskers.low, stats.whiskers.high] : [];
  for (const v of [stats.median, ...ends, stats.q1, stats.q3]) {
    const s = clampText(
      text(formatUnitValue(unit, v), x(v), y, LABEL_SIZE, "regular", MUTED, "middle"),
      PLOT_START - 30,
      CHART_WIDTH - 4,
    );
    const from = s.x;
    const to = s.x + measure(s.text, s.size, s.weight);
    if (kept.every((k) => to + 8 < k.from || from > k.to + 8)) kept.push({ from, to, shape: s });
  }
  return kept.map((k) => k.shape);
}

/** "Réseau (35 structures)" on two lines, the name shrunk if needed to fit left of the plot. */
function rowLabel(label: string, cy: number): Shape[] {
  const [, name = label, size = ""] = /^(.*) \((.*)\)$/.exec(label) ?? [];
  const room = PLOT_START - LEFT - 40;
  const nameSize = Math.min(13, (13 * room) / measure(name, 13, "bold"));
  return [
    text(name, LEFT, cy - 2, nameSize, "bold", INK),
    text(size, LEFT, cy + 14, LABEL_SIZE, "regular", MUTED),
  ];
}

/** The legend, drawn once per mail rather than under every chart. */
export function legendFigure(withMarker: boolean, whiskers: "range" | "deciles"): Figure {
  const y = LEGEND / 2;
  const shapes: Shape[] = [{ t: "rect", x: 0, y: 0, w: CHART_WIDTH, h: LEGEND, fill: WHITE }];
  let x = LEFT;
  const item = (draw: (x: number) => Shape[], label: string) => {
    shapes.push(...draw(x), text(label, x + 26, y + 4, LABEL_SIZE, "regular", MUTED));
    x += 26 + measure(label, LABEL_SIZE, "regular") + 22;
  };
  item(
    (x) => [{ t: "line", x1: x, y1: y, x2: x + 20, y2: y, color: CHART.whisker, width: 2 }],
    WHISKER_ENDS[whiskers].join(" – "),
  );
  item(
    (x) => [{ t: "rect", x, y: y - 7, w: 20, h: 14, fill: CHART.box, stroke: CHART.boxStroke }],
    "1er – 3e quartile",
  );
  item(
    (x) => [
      { t: "line", x1: x + 10, y1: y - 8, x2: x + 10, y2: y + 8, color: CHART.median, width: 3.5 },
    ],
    "médiane",
  );
  if (withMarker)
    item(
      (x) => [{ t: "diamond", x: x + 10, y, r: 7, fill: CHART.marker, stroke: WHITE }],
      "votre structure",
    );
  return { width: CHART_WIDTH, height: LEGEND, shapes };
}

export function chartFigure(model: ChartModel): Figure {
  const { rows, marker } = model;
  const height = TOP + rows.length * ROW;
  const values = rows.flatMap((r) =>
    r.stats.whiskers ? [r.stats.whiskers.low, r.stats.whiskers.high] : [r.stats.q1, r.stats.q3],
  );
  if (marker) values.push(marker.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  lo -= span * 0.04;
  hi += span * 0.04;
  const x = (v: number) => PLOT_START + ((v - lo) / (hi - lo)) * (PLOT_END - PLOT_START);
  const shapes: Shape[] = [{ t: "rect", x: 0, y: 0, w: CHART_WIDTH, h: height, fill: WHITE }];
  rows.forEach((row, i) => {
    const top = TOP + i * ROW;
    const cy = top + MID;
    const s = row.stats;
    /** A vertical stroke across the row's centre line at value v. */
    const tick = (v: number, half: number, color: string, width: number): Shape => ({
      t: "line",
      x1: x(v),
      y1: cy - half,
      x2: x(v),
      y2: cy + half,
      color,
      width,
    });
    if (i % 2 === 0)
      shapes.push({ t: "rect", x: 0, y: top - 4, w: CHART_WIDTH, h: ROW, fill: CHART.stripe });
    const w = s.whiskers;
    shapes.push(...rowLabel(row.label, cy));
    if (w)
      shapes.push(
        { t: "line", x1: x(w.low), y1: cy, x2: x(w.high), y2: cy, color: CHART.whisker, width: 2 },
        tick(w.low, 7, CHART.whisker, 2),
        tick(w.high, 7, CHART.whisker, 2),
      );
    shapes.push(
      {
        t: "rect",
        x: x(s.q1),
        y: cy - 11,
        w: Math.max(x(s.q3) - x(s.q1), 1),
        h: 22,
        fill: CHART.box,
        stroke: CHART.boxStroke,
      },
      tick(s.median, 14, CHART.median, 3.5),
      ...valueLabels(s, model.unit, x, cy + 28),
    );
  });
  if (marker) {
    const xv = x(marker.value);
    // The dashed line stops at each row's edges so it never crosses the figures written under a row.
    rows.forEach((_, i) => {
      const cy = TOP + i * ROW + MID;
      shapes.push(
        {
          t: "line",
          x1: xv,
          y1: i === 0 ? TOP - 6 : cy - 17,
          x2: xv,
          y2: cy + 17,
          color: CHART.marker,
          width: 1.5,
          dash: true,
        },
        { t: "diamond", x: xv, y: cy, r: 7, fill: CHART.marker, stroke: WHITE },
      );
    });
    shapes.push(
      clampText(
        text(marker.label, xv, TOP - 12, 12, "bold", CHART.marker, "middle"),
        LEFT,
        CHART_WIDTH - 4,
      ),
    );
  }
  return { width: CHART_WIDTH, height, shapes };
}
