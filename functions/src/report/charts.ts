// Distribution charts as standalone SVG: the figure's shapes, text as outlines, and an accessible title and description.
import type { ChartModel, TrajectoryModel } from "@barometre/shared";
import { chartFigure, type Figure, type Shape } from "./chart-figure.ts";
import { escapeXml } from "./escape.ts";
import { GlyphSheet } from "./text-outline.ts";
import { trajectoryFigure } from "./trajectory-figure.ts";

const n = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

function shapeSvg(s: Shape, glyphs: GlyphSheet): string {
  switch (s.t) {
    case "line":
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ' stroke-dasharray="4 3"' : ""}/>`;
    case "rect":
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="1.5"` : ""}/>`;
    case "diamond":
      return `<path d="M${n(s.x)} ${n(s.y - s.r)}L${n(s.x + s.r)} ${n(s.y)}L${n(s.x)} ${n(s.y + s.r)}L${n(s.x - s.r)} ${n(s.y)}Z" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"/>`;
    case "text":
      return glyphs.text(s.text, s.x, s.y, s.size, s.weight, s.color);
  }
}

function figureSvg(figure: Figure, id: string, title: string, description: string): string {
  const glyphs = new GlyphSheet();
  const body = figure.shapes.map((s) => shapeSvg(s, glyphs)).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${figure.width}" height="${figure.height}" viewBox="0 0 ${figure.width} ${figure.height}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>${glyphs.defs()}${body}</svg>`;
}

export const chartSvg = (
  model: ChartModel | TrajectoryModel,
  figure: Figure = model.kind === "trajectory" ? trajectoryFigure(model) : chartFigure(model),
): string => figureSvg(figure, `chart-${model.id}`, model.title, model.alt);

export const legendSvg = (text: string, figure: Figure): string =>
  figureSvg(figure, "legend", "Légende des graphiques", text);
