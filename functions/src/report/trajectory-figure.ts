// The geometry of a trajectory chart (a line per series over the years, gaps left open, a legend on top), made of the distribution chart's shapes so every renderer draws it.
import { formatUnitValue, type TrajectoryModel, type TrajectorySeries } from "@barometre/shared";
import { CHART_WIDTH, type Figure, type Shape } from "./chart-figure.ts";
import { CHART, INK, MUTED, RULE, WHITE } from "./palette.ts";
import { measure } from "./text-outline.ts";

const HEIGHT = 200;
const PLOT_LEFT = 96;
const PLOT_RIGHT = CHART_WIDTH - 24;
const PLOT_TOP = 44;
const PLOT_BOTTOM = 164;
const LABEL = 11;

/** How each series is drawn: never by colour alone (a solid, dashed or thin line, and its own point mark). */
const STYLE: Record<TrajectorySeries["role"], { color: string; width: number; dash: boolean }> = {
  structure: { color: CHART.marker, width: 2.5, dash: false },
  network: { color: CHART.boxStroke, width: 2, dash: true },
  group: { color: MUTED, width: 1.5, dash: false },
};

function mark(role: TrajectorySeries["role"], x: number, y: number): Shape {
  const { color } = STYLE[role];
  if (role === "structure") return { t: "diamond", x, y, r: 6, fill: color, stroke: WHITE };
  const r = role === "network" ? 4 : 3;
  return {
    t: "rect",
    x: x - r,
    y: y - r,
    w: 2 * r,
    h: 2 * r,
    fill: role === "network" ? WHITE : color,
    stroke: color,
  };
}

const label = (text: string, x: number, y: number, color = MUTED): Shape => ({
  t: "text",
  x,
  y,
  text,
  size: LABEL,
  weight: "regular",
  color,
});

export function trajectoryFigure(model: TrajectoryModel): Figure {
  const values = model.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (values.length === 0) [lo, hi] = [0, 1];
  const span = hi - lo || Math.abs(hi) * 0.2 || 1;
  lo -= span * 0.1;
  hi += span * 0.1;
  const n = model.years.length;
  const x = (i: number) => PLOT_LEFT + ((PLOT_RIGHT - PLOT_LEFT) * (i + 0.5)) / n;
  const y = (v: number) => PLOT_BOTTOM - ((v - lo) / (hi - lo)) * (PLOT_BOTTOM - PLOT_TOP);
  const shapes: Shape[] = [{ t: "rect", x: 0, y: 0, w: CHART_WIDTH, h: HEIGHT, fill: WHITE }];
  // Legend: each series' line and mark, then its name.
  let lx = 12;
  for (const s of model.series) {
    const st = STYLE[s.role];
    shapes.push(
      {
        t: "line",
        x1: lx,
        y1: 16,
        x2: lx + 24,
        y2: 16,
        color: st.color,
        width: st.width,
        dash: st.dash,
      },
      mark(s.role, lx + 12, 16),
      label(s.label, lx + 30, 20, INK),
    );
    lx += 30 + measure(s.label, LABEL, "regular") + 20;
  }
  // Three horizontal rules with their values, then the years under the plot.
  for (const v of [lo + (hi - lo) * 0.1, (lo + hi) / 2, hi - (hi - lo) * 0.1]) {
    const text = formatUnitValue(model.unit, v);
    shapes.push(
      { t: "line", x1: PLOT_LEFT, y1: y(v), x2: PLOT_RIGHT, y2: y(v), color: RULE, width: 1 },
      label(text, PLOT_LEFT - 8 - measure(text, LABEL, "regular"), y(v) + 4),
    );
  }
  model.years.forEach((year, i) => {
    const text = String(year);
    shapes.push(label(text, x(i) - measure(text, LABEL, "regular") / 2, PLOT_BOTTOM + 22, INK));
  });
  // Lines only between two consecutive years that both have a value: a gap stays a gap.
  for (const s of [...model.series].reverse()) {
    const st = STYLE[s.role];
    s.values.forEach((v, i) => {
      const next = s.values[i + 1];
      if (v !== null && next !== undefined && next !== null)
        shapes.push({
          t: "line",
          x1: x(i),
          y1: y(v),
          x2: x(i + 1),
          y2: y(next),
          color: st.color,
          width: st.width,
          dash: st.dash,
        });
    });
    s.values.forEach((v, i) => {
      if (v !== null) shapes.push(mark(s.role, x(i), y(v)));
    });
  }
  return { width: CHART_WIDTH, height: HEIGHT, shapes };
}
