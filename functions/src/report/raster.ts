// SVG → PNG with resvg; charts carry their text as outlines, so no font database is built per image.
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";

/** Pixels per SVG unit: sharper on high-density screens, at a cost measured by the report benchmark. */
export const PNG_SCALE = 1;

const OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: false },
  fitTo: { mode: "zoom", value: PNG_SCALE },
  shapeRendering: 2,
  background: "#ffffff",
};

export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, OPTIONS).render().asPng();
}
