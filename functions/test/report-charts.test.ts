// The distribution charts: SVG structure (rows, boxes, medians, marker, accessible title and description) and PNG text.
import { buildReport, type ChartModel, demoCampaign, generateNetwork } from "@barometre/shared";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { chartFigure } from "../src/report/chart-figure.ts";
import { chartSvg } from "../src/report/charts.ts";
import { escapeXml } from "../src/report/escape.ts";
import { CHART } from "../src/report/palette.ts";
import { svgToPng } from "../src/report/raster.ts";

const campaign = demoCampaign(generateNetwork());
const chartOf = (report: number, key: string): ChartModel => {
  const doc = buildReport(campaign.reports[report] as (typeof campaign.reports)[number]);
  const chart = doc.sections.flatMap((s) => s.entries).find((e) => e.key === key)?.chart;
  if (!chart) throw new Error(`no chart for ${key}`);
  return chart;
};
const rural = campaign.reports.findIndex((r) => r.structure.territory === "Rural");

describe("chartSvg", () => {
  const model = chartOf(0, "trainingRate");
  const svg = chartSvg(model);

  it("is an accessible image: role, title and a description carrying every figure", () => {
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-labelledby="chart-trainingRate-title chart-trainingRate-desc"/,
    );
    expect(svg).toContain(`<title id="chart-trainingRate-title">${model.title}</title>`);
    expect(svg).toContain(`<desc id="chart-trainingRate-desc">${escapeXml(model.alt)}</desc>`);
  });

  it("draws per row a min–max line, a Q1–Q3 box and a median tick in order, and the marker on every row", () => {
    const figure = chartFigure(model);
    const boxes = figure.shapes.filter((s) => s.t === "rect" && s.fill === CHART.box);
    const medians = figure.shapes.filter((s) => s.t === "line" && s.color === CHART.median);
    const diamonds = figure.shapes.filter((s) => s.t === "diamond");
    expect(model.rows).toHaveLength(2);
    expect([boxes.length, diamonds.length]).toEqual([2, 2]);
    expect(medians.length).toBe(2);
    model.rows.forEach((row, i) => {
      const box = boxes[i] as Extract<(typeof boxes)[number], { t: "rect" }>;
      const median = medians[i] as Extract<(typeof medians)[number], { t: "line" }>;
      expect(box.x).toBeLessThanOrEqual(median.x1);
      expect(median.x1).toBeLessThanOrEqual(box.x + box.w);
      expect(row.stats.q1).toBeLessThanOrEqual(row.stats.median);
    });
    const marker = diamonds[0] as Extract<(typeof diamonds)[number], { t: "diamond" }>;
    const first = boxes[0] as Extract<(typeof boxes)[number], { t: "rect" }>;
    const value = model.marker?.value as number;
    const { q1, q3 } = model.rows[0]?.stats ?? { q1: 0, q3: 0 };
    if (value < q1) expect(marker.x).toBeLessThan(first.x);
    if (value > q3) expect(marker.x).toBeGreaterThan(first.x + first.w);
  });

  it("has one row only when the peer group is too small to show", () => {
    const figure = chartFigure(chartOf(rural, "trainingRate"));
    const boxes = figure.shapes.filter((s) => s.t === "rect" && s.fill === CHART.box);
    expect(boxes).toHaveLength(1);
  });

  it("renders its labels as text in the PNG (the vendored font, no system font)", () => {
    const options = { font: { loadSystemFonts: false } };
    const withText = new Resvg(svg, options).render();
    const noText = new Resvg(
      svg.replace(/<g fill="[^"]*" transform="[^"]*">.*?<\/g>/g, ""),
      options,
    ).render();
    // Dark pixels left of the plot, where "Réseau" and "35 structures" are written.
    const dark = (img: typeof withText) => {
      const px = img.pixels; // a copy out of resvg on each read: read it once
      let n = 0;
      for (let y = 30; y < 90; y++)
        for (let x = 10; x < 180; x++) {
          const o = (y * img.width + x) * 4;
          if ((px[o] as number) < 120 && (px[o + 3] as number) > 200) n++;
        }
      return n;
    };
    expect(dark(withText)).toBeGreaterThan(150);
    expect(dark(noText)).toBe(0);
    const png = svgToPng(svg);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
