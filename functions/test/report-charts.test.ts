// The distribution charts: figure structure (rows, boxes, medians, marker) and the mail's PNG (indexed, the figure's colours, text drawn).
import { inflateSync } from "node:zlib";
import { buildReport, type ChartModel, demoCampaign, generateNetwork } from "@barometre/shared";
import { describe, expect, it } from "vitest";
import { chartFigure, type Figure, type Shape } from "../src/report/chart-figure.ts";
import { CHART, MUTED, WHITE } from "../src/report/palette.ts";
import { encodePng } from "../src/report/png.ts";
import { figurePng } from "../src/report/raster.ts";

const campaign = demoCampaign(generateNetwork());
const chartOf = (report: number, key: string): ChartModel => {
  const doc = buildReport(campaign.reports[report] as (typeof campaign.reports)[number]);
  const chart = doc.sections.flatMap((s) => s.entries).find((e) => e.key === key)?.chart;
  if (!chart) throw new Error(`no chart for ${key}`);
  return chart;
};
const rural = campaign.reports.findIndex((r) => r.structure.territory === "Rural");

/** Reads back an 8-bit indexed PNG without filters, as figurePng writes them: its size and each pixel's colour. */
function decodeIndexedPng(png: Buffer) {
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  const [header] = chunks.get("IHDR") ?? [];
  const [palette] = chunks.get("PLTE") ?? [];
  if (!header || !palette) throw new Error("not an indexed PNG");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([header[8], header[9]]).toEqual([8, 3]);
  const raw = inflateSync(Buffer.concat(chunks.get("IDAT") ?? []));
  const colour = (x: number, y: number): string => {
    expect(raw[y * (width + 1)]).toBe(0);
    const i = raw[y * (width + 1) + 1 + x] as number;
    return `#${palette.toString("hex", i * 3, i * 3 + 3)}`;
  };
  return { width, height, colours: palette.length / 3, colour };
}

const isText = (s: Shape) => s.t === "text";

describe("chartFigure", () => {
  const model = chartOf(0, "trainingRate");

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
});

describe("figurePng", () => {
  const figure = chartFigure(chartOf(0, "trainingRate"));
  const png = decodeIndexedPng(figurePng(figure));

  it("is an indexed PNG of the figure's size, painted in the figure's colours where its shapes are", () => {
    expect([png.width, png.height]).toEqual([figure.width, figure.height]);
    expect(png.colours).toBeLessThanOrEqual(256);
    const [box] = figure.shapes.filter((s) => s.t === "rect" && s.fill === CHART.box);
    const [diamond] = figure.shapes.filter((s) => s.t === "diamond");
    if (box?.t !== "rect" || diamond?.t !== "diamond") throw new Error("no box or no marker");
    // Inside the box, away from its outline, its median and the marker with its dashed line.
    const clear = (x: number) =>
      figure.shapes.every(
        (s) =>
          (s.t !== "line" && s.t !== "diamond") || Math.abs((s.t === "line" ? s.x1 : s.x) - x) > 10,
      );
    const inside = [box.x + 3, box.x + box.w - 3].find(clear);
    if (inside === undefined) throw new Error("no free pixel in the box: take another chart");
    expect(png.colour(Math.round(inside), Math.round(box.y + box.h / 2))).toBe(CHART.box);
    expect(png.colour(Math.round(diamond.x), Math.round(diamond.y))).toBe(CHART.marker);
    expect(png.colour(figure.width - 1, figure.height - 1)).toBe(WHITE);
  });

  it("writes its labels from the font's outlines: dark pixels where the row names are, none without text", () => {
    const noText = decodeIndexedPng(
      figurePng({ ...figure, shapes: figure.shapes.filter((s) => !isText(s)) } as Figure),
    );
    // Left of the plot, where "Réseau" and "35 structures" are written.
    const dark = (image: typeof png) => {
      let n = 0;
      for (let y = 30; y < 90; y++)
        for (let x = 10; x < 180; x++)
          if (Number.parseInt(image.colour(x, y).slice(1, 3), 16) < 120) n++;
      return n;
    };
    expect(dark(png)).toBeGreaterThan(150);
    expect(dark(noText)).toBe(0);
    const labels = figure.shapes.filter((s) => s.t === "text" && s.color === MUTED);
    expect(labels.length).toBeGreaterThan(0);
  });

  it("writes RGB instead when an image has more than 256 colours, every pixel kept", () => {
    const palette = Array.from({ length: 300 }, (_, i) => (i * 0x010203) & 0xffffff);
    const px = Uint16Array.from({ length: 30 * 10 }, (_, i) => i);
    const png = encodePng(30, 10, palette, px);
    expect([png[24], png[25]]).toEqual([8, 2]);
    const at = png.indexOf("IDAT", 0, "latin1");
    const raw = inflateSync(png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4)));
    expect(raw.length).toBe((30 * 3 + 1) * 10);
    for (let y = 0; y < 10; y++)
      for (let x = 0; x < 30; x++) {
        const o = y * 91 + 1 + x * 3;
        expect(raw.readUIntBE(o, 3)).toBe(palette[y * 30 + x]);
      }
  });
});
