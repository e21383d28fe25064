// The report as email HTML: table layout and inline styles for Gmail and Outlook, charts as cid: images with their figures in alt.
import type { Block, Fact, Layout, NamedTable, Status } from "@barometre/shared";
import { LEGEND_ID } from "./chart-figure.ts";
import { escapeXml as esc } from "./escape.ts";
import { BAND, INK, MUTED, PAGE, RULE, TITLE, WHITE } from "./palette.ts";

/** Where each chart's image is: its cid and its size in CSS pixels. */
export type ChartImages = ReadonlyMap<string, { cid: string; width: number; height: number }>;

/**
 * On the page's cell, whose blocks outside tables inherit it with the ink colour. Outlook for Windows does not pass
 * them down into nested tables, so each table cell sets its own. Arial is on every system that mail is read on.
 */
const FONT = "font-family:Arial,sans-serif;";

/** The same in one declaration with the size and weight (`font` is among the properties Outlook always applies). */
const font = (size: number, bold = false): string =>
  `font:${bold ? "bold " : ""}${size}px Arial,sans-serif;`;

const badge = (status: Status, text: string): string =>
  `<span style="background-color:${BAND[status].bg};color:${BAND[status].fg};border:1px solid ${BAND[status].accent};padding:1px 6px;font-weight:bold;">${esc(text)}</span>`;

/**
 * Label and value side by side; a layout table, read as "label value" in order. Facts are a third of the mail:
 * the rows align their cells with `valign` and only the first sets the column's width.
 */
function facts(list: readonly Fact[]): string {
  const rows = list
    .map(
      (f, i) =>
        `<tr valign="top"><td style="${font(13, true)}padding:3px 10px 3px 0;${i === 0 ? "width:34%;" : ""}color:${MUTED};">${esc(f.label)}</td><td style="${font(14)}padding:3px 0;color:${INK};">${f.status ? badge(f.status, f.value) : esc(f.value)}</td></tr>`,
    )
    .join("");
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:6px 0 10px;">${rows}</table>`;
}

function table(t: NamedTable): string {
  const cell = "padding:4px 5px;border:1px solid #9ca3af;vertical-align:top;";
  const head = t.head
    .map(
      (h) =>
        `<th scope="col" style="${font(11, true)}${cell}background-color:${PAGE};text-align:left;">${esc(h)}</th>`,
    )
    .join("");
  const rows = t.rows
    .map((r) => {
      const [name = "", ...values] = r.cells;
      const tds = values
        .map((v, i) => {
          const s = r.statuses[i + 1];
          const colours = s
            ? `background-color:${BAND[s].bg};color:${BAND[s].fg};`
            : `color:${INK};`;
          return `<td style="${font(11, r.highlight)}${cell}${colours}">${esc(v)}</td>`;
        })
        .join("");
      return `<tr><th scope="row" style="${font(11, true)}${cell}text-align:left;color:${INK};">${esc(name)}</th>${tds}</tr>`;
    })
    .join("");
  return `<table width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:6px 0 14px;"><caption style="${font(13)}text-align:left;color:${MUTED};padding:0 0 6px;">${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function block(b: Block, images: ChartImages): string {
  switch (b.kind) {
    case "heading":
      return b.level === 2
        ? `<h2 style="margin:26px 0 8px;padding-top:10px;border-top:2px solid ${RULE};font-size:20px;line-height:1.3;color:${TITLE};">${esc(b.text)}</h2>`
        : `<h3 style="margin:16px 0 6px;font-size:16px;line-height:1.3;">${esc(b.text)}</h3>`;
    case "paragraph":
      return `<p style="margin:6px 0 10px;font-size:14px;line-height:1.5;${b.strong ? "font-weight:bold;" : ""}">${esc(b.text)}</p>`;
    case "list":
      return `<ul style="margin:4px 0 12px;padding:0;">${b.items
        .map((i) => {
          const accent = i.status
            ? `border-left:6px solid ${BAND[i.status].accent};background-color:${BAND[i.status].bg};`
            : `border-left:6px solid ${RULE};`;
          return `<li style="list-style:none;margin:0 0 6px;padding:6px 10px;font-size:14px;line-height:1.45;${accent}">${esc(i.text)}</li>`;
        })
        .join("")}</ul>`;
    case "facts":
      return facts(b.facts);
    case "legend": {
      const image = images.get(LEGEND_ID);
      if (!image) throw new Error("No image for the legend");
      // The legend image only repeats the sentence above it: decorative, so screen readers skip it.
      return `<p style="margin:14px 0 6px;font-size:13px;line-height:1.5;color:${MUTED};">${esc(b.text)}</p><img src="cid:${esc(image.cid)}" width="${image.width}" height="${image.height}" alt="" style="display:block;width:100%;max-width:${image.width}px;height:auto;border:0;margin:0 0 8px;">`;
    }
    case "chart": {
      const image = images.get(b.chart.id);
      if (!image) throw new Error(`No image for chart ${b.chart.id}`);
      return `<img src="cid:${esc(image.cid)}" width="${image.width}" height="${image.height}" alt="${esc(b.chart.alt)}" style="display:block;width:100%;max-width:${image.width}px;height:auto;border:0;margin:4px 0 8px;">`;
    }
    case "table":
      return table(b.table);
  }
}

export function emailHtml(layout: Layout, images: ChartImages): string {
  const header = layout.header.map(esc).join("<br>");
  const body = layout.blocks.map((b) => block(b, images)).join("\n");
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(layout.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${PAGE};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${PAGE};"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background-color:${WHITE};border:1px solid ${RULE};"><tr><td style="${FONT}padding:24px 20px;color:${INK};">
<h1 style="margin:0 0 4px;font-size:26px;line-height:1.25;color:${TITLE};">${esc(layout.title)}</h1>
<p style="margin:0 0 10px;font-size:18px;line-height:1.35;font-weight:bold;">${esc(layout.subtitle)}</p>
<p style="margin:0 0 6px;font-size:13px;line-height:1.5;color:${MUTED};">${header}</p>
${body}
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}
