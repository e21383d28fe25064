// The plain-text part of the report mail: the same blocks in reading order, charts replaced by their text alternative.
import type { Block, Layout } from "@barometre/shared";

const underline = (text: string, char: string): string => `${text}\n${char.repeat(text.length)}`;

function block(b: Block): string {
  switch (b.kind) {
    case "heading":
      return underline(b.level === 2 ? b.text.toUpperCase() : b.text, b.level === 2 ? "=" : "-");
    case "paragraph":
    case "legend":
      return b.text;
    case "list":
      return b.items.map((i) => `- ${i.text}`).join("\n");
    case "facts":
      return b.facts.map((f) => `${f.label} : ${f.value}`).join("\n");
    case "chart":
      return `[Graphique] ${b.chart.alt}`;
    case "table":
      return [
        b.table.caption,
        ...b.table.rows.map((r) =>
          r.cells
            .map((c, i) =>
              i === 0
                ? `- ${c}${r.highlight ? " (votre structure)" : ""}`
                : `  ${b.table.head[i]} : ${c}`,
            )
            .join("\n"),
        ),
      ].join("\n");
  }
}

export function plainText(layout: Layout): string {
  return [
    underline(layout.title.toUpperCase(), "="),
    layout.subtitle,
    ...layout.header,
    ...layout.blocks.map(block),
  ]
    .join("\n\n")
    .concat("\n");
}
