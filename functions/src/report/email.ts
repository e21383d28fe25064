// The report as email HTML: table layout, one small style sheet, box plots as cid: images with their figures in alt, trajectories as data tables.
import type { Block, Fact, Layout, NamedTable, Status, TrajectoryModel } from "@barometre/shared";
import { LEGEND_ID } from "./chart-figure.ts";
import { escapeXml as esc, escapeWithLinks } from "./escape.ts";
import { BAND, INK, MUTED, PAGE, RULE, TITLE, WHITE } from "./palette.ts";
import { scrollBox } from "./scroll-box.ts";
import { GAP, trajectoryTable } from "./trajectory-table.ts";

/** Where each chart's image is: its cid and its size in CSS pixels. */
export type ChartImages = ReadonlyMap<string, { cid: string; width: number; height: number }>;

/** One short class per band; Outlook for Windows applies only the first class of an element, so each has one. */
const BAND_CLASS: Record<Status, string> = { red: "r", orange: "o", green: "g" };
const bands = (rule: (c: string, b: (typeof BAND)[Status]) => string): string =>
  (Object.keys(BAND_CLASS) as Status[]).map((s) => rule(BAND_CLASS[s], BAND[s])).join("");

/**
 * The typography of every element, once, instead of in each element's style attribute (over a third of the HTML).
 * Type and class selectors (at most one descendant step), one class per element, no at-rule: what Gmail, Outlook
 * (Windows, Mac, Outlook.com) and Apple Mail apply from the head (see « Feuille de style et trajectoires du
 * courriel » in docs/performance.md). A client that drops it shows the same words in the same order in its default
 * typography: every band is written, the tables keep their attributes (width, cellpadding, border), the images their
 * size. Classes: s subtitle, m muted note, f facts table and k its labels, r/o/g band badges, l* band list items,
 * t named table, tj trajectory table, c* band cells, x words for screen readers only.
 */
const SHEET = [
  `td,th,caption{font-family:Arial,sans-serif;color:${INK}}`,
  `h1{margin:0 0 4px;font-size:26px;line-height:1.25;color:${TITLE}}`,
  `h2{margin:26px 0 8px;padding-top:10px;border-top:2px solid ${RULE};font-size:20px;line-height:1.3;color:${TITLE}}`,
  "h3{margin:16px 0 6px;font-size:16px;line-height:1.3}",
  "p{margin:6px 0 10px;font-size:14px;line-height:1.5}",
  ".s{margin:0 0 10px;font-size:18px;line-height:1.35;font-weight:bold}",
  `.m{font-size:13px;color:${MUTED}}`,
  "ul{margin:4px 0 12px;padding:0}",
  `li{list-style:none;margin:0 0 6px;padding:6px 10px;font-size:14px;line-height:1.45;border-left:6px solid ${RULE}}`,
  bands((c, b) => `.l${c}{border-left-color:${b.accent};background-color:${b.bg}}`),
  "img{display:block;border:0;margin:4px 0 8px}",
  ".f{margin:6px 0 10px}",
  ".f td{padding:3px 0;font-size:14px;vertical-align:top}",
  `.f .k{padding-right:10px;font-size:13px;font-weight:bold;color:${MUTED}}`,
  bands(
    (c, b) =>
      `.${c}{background-color:${b.bg};color:${b.fg};border:1px solid ${b.accent};padding:1px 6px;font-weight:bold}`,
  ),
  // `t`: the wide named table of every structure, in small type; `tj`: a trajectory, four columns at most.
  ".t,.tj{border-collapse:collapse;margin:6px 0 14px}",
  ".t th,.t td,.tj th,.tj td{padding:4px 5px;border:1px solid #9ca3af;vertical-align:top;font-size:11px;text-align:left}",
  ".tj th,.tj td{font-size:13px}",
  `.t thead th,.tj thead th{background-color:${PAGE}}`,
  bands((c, b) => `.t .c${c}{background-color:${b.bg};color:${b.fg}}`),
  `caption{padding:0 0 6px;font-size:13px;text-align:left;color:${MUTED}}`,
  ".x{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
].join("");

const badge = (status: Status, text: string): string =>
  `<span class="${BAND_CLASS[status]}">${esc(text)}</span>`;

/** Label and value side by side; a layout table, read as "label value" in order. Only the first row sets the column's width. */
function facts(list: readonly Fact[]): string {
  const rows = list
    .map(
      (f, i) =>
        `<tr><td class="k"${i === 0 ? ' width="34%"' : ""}>${esc(f.label)}</td><td>${f.status ? badge(f.status, f.value) : esc(f.value)}</td></tr>`,
    )
    .join("");
  return `<table role="presentation" width="100%" cellpadding="3" cellspacing="0" class="f">${rows}</table>`;
}

/** A cell of a data table: its markup, and its band when it is coloured (the band's words are in the cell too). */
interface Cell {
  html: string;
  band?: Status | null;
}

/** A data table: caption, column headers, a header per row; the highlighted row (the structure's own) in bold. */
function dataTable(
  id: string,
  className: "t" | "tj",
  caption: string,
  head: readonly string[],
  rows: readonly { name: string; cells: readonly Cell[]; highlight?: boolean }[],
): string {
  const ths = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const trs = rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.name)}</th>${r.cells
          .map(
            (c) =>
              `<td${c.band ? ` class="c${BAND_CLASS[c.band]}"` : ""}>${r.highlight ? `<b>${c.html}</b>` : c.html}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("");
  return scrollBox(
    id,
    `<table width="100%" cellpadding="4" cellspacing="0" border="1" class="${className}"><caption id="${id}">${esc(caption)}</caption><thead><tr>${ths}</tr></thead><tbody>${trs}</tbody></table>`,
  );
}

const table = (id: string, t: NamedTable): string =>
  dataTable(
    id,
    "t",
    t.caption,
    t.head,
    t.rows.map((r) => ({
      name: r.cells[0] ?? "",
      cells: r.cells.slice(1).map((v, i) => ({ html: esc(v), band: r.statuses[i + 1] })),
      highlight: r.highlight,
    })),
  );

/** A gap shows « — » and is read « pas de valeur » (the dash hidden from screen readers, the words from the eye). */
const GAP_HTML = `<span aria-hidden="true">${GAP.sign}</span><span class="x"> ${GAP.words}</span>`;

/** The trajectory as a table rather than an image: the same figures as the chart's text alternative, readable everywhere. */
function trajectory(id: string, t: TrajectoryModel): string {
  const { caption, head, rows } = trajectoryTable(t);
  return dataTable(
    id,
    "tj",
    caption,
    head,
    rows.map((r) => ({
      name: r.year,
      cells: r.values.map((v) => ({ html: v === null ? GAP_HTML : esc(v) })),
    })),
  );
}

/** An image at its display size, shrinking with a narrow screen even where the style sheet is dropped. */
const img = (image: { cid: string; width: number; height: number }, alt: string): string =>
  `<img src="cid:${esc(image.cid)}" width="${image.width}" height="${image.height}" alt="${esc(alt)}" style="width:100%;max-width:${image.width}px;height:auto">`;

/** The block's HTML; `id` is unique in the mail (a table's caption names its scrolling box). */
function block(b: Block, images: ChartImages, id: string): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case "paragraph":
      return b.strong
        ? `<p><b>${escapeWithLinks(b.text)}</b></p>`
        : `<p>${escapeWithLinks(b.text)}</p>`;
    case "list":
      return `<ul>${b.items
        .map((i) => `<li${i.status ? ` class="l${BAND_CLASS[i.status]}"` : ""}>${esc(i.text)}</li>`)
        .join("")}</ul>`;
    case "facts":
      return facts(b.facts);
    case "legend": {
      const image = images.get(LEGEND_ID);
      if (!image) throw new Error("No image for the legend");
      // The legend image only repeats the sentence above it: decorative, so screen readers skip it.
      return `<p class="m">${esc(b.text)}</p>${img(image, "")}`;
    }
    case "chart": {
      if (b.chart.kind === "trajectory") return trajectory(id, b.chart);
      const image = images.get(b.chart.id);
      if (!image) throw new Error(`No image for chart ${b.chart.id}`);
      return img(image, b.chart.alt);
    }
    case "table":
      return table(id, b.table);
  }
}

export function emailHtml(layout: Layout, images: ChartImages): string {
  const header = layout.header.map(esc).join("<br>");
  const body = layout.blocks.map((b, i) => block(b, images, `b${i}`)).join("\n");
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(layout.subject)}</title>
<style>${SHEET}</style>
</head>
<body style="margin:0;padding:0;background-color:${PAGE};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${PAGE};"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background-color:${WHITE};border:1px solid ${RULE};"><tr><td style="font-family:Arial,sans-serif;padding:24px 20px;color:${INK};">
<h1>${esc(layout.title)}</h1>
<p class="s">${esc(layout.subtitle)}</p>
<p class="m">${header}</p>
${body}
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}
