// Short mails written once as plain blocks, rendered both as accessible HTML (language, title, one heading, table
// headers with their scope, contrasted colours, no image) and as the text part with the same words in the same order.
import { escapeXml as esc, escapeWithLinks } from "../report/escape.ts";
import { INK, MUTED, PAGE, RULE, TITLE, WHITE } from "../report/palette.ts";
import { scrollBox } from "../report/scroll-box.ts";
import type { OutboxMessage } from "./outbox.ts";

export type PlainBlock =
  | { kind: "paragraph"; text: string; strong?: boolean }
  | { kind: "list"; items: readonly string[] }
  | {
      kind: "table";
      caption: string;
      head: readonly string[];
      rows: readonly (readonly string[])[];
    }
  /** A closing remark, in smaller and softer (still contrasted) type. */
  | { kind: "note"; text: string };

const FONT = "font-family:Arial,Helvetica,sans-serif;";
const CELL = `${FONT}padding:4px 8px;border:1px solid #9ca3af;font-size:13px;text-align:left;vertical-align:top;color:${INK};`;

/** The block's HTML; `id` is unique in the mail (a table's caption names its scrolling box). */
function html(block: PlainBlock, id: string): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="${FONT}margin:0 0 12px;font-size:15px;line-height:1.5;color:${INK};${block.strong ? "font-weight:bold;" : ""}">${escapeWithLinks(block.text)}</p>`;
    case "list":
      return `<ul style="${FONT}margin:0 0 12px;padding-left:22px;font-size:15px;line-height:1.5;color:${INK};">${block.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "table": {
      const head = block.head
        .map((h) => `<th scope="col" style="${CELL}background-color:${PAGE};">${esc(h)}</th>`)
        .join("");
      const rows = block.rows
        .map(
          ([first = "", ...rest]) =>
            `<tr><th scope="row" style="${CELL}">${esc(first)}</th>${rest.map((c) => `<td style="${CELL}">${esc(c)}</td>`).join("")}</tr>`,
        )
        .join("");
      return scrollBox(
        id,
        `<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 14px;"><caption id="${id}" style="${FONT}text-align:left;font-size:14px;font-weight:bold;color:${INK};padding:0 0 6px;">${esc(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`,
      );
    }
    case "note":
      return `<p style="${FONT}margin:16px 0 0;padding-top:10px;border-top:1px solid ${RULE};font-size:13px;line-height:1.5;color:${MUTED};">${escapeWithLinks(block.text)}</p>`;
  }
}

function text(block: PlainBlock): string {
  switch (block.kind) {
    case "paragraph":
    case "note":
      return block.text;
    case "list":
      return block.items.map((i) => `- ${i}`).join("\n");
    case "table":
      return [
        `${block.caption} :`,
        block.head.join(" ; "),
        ...block.rows.map((r) => `- ${r.join(" ; ")}`),
      ].join("\n");
  }
}

/** The mail: `heading` opens both parts; blocks follow in order, a blank line apart in the text part. */
export function plainMail(
  subject: string,
  heading: string,
  blocks: readonly PlainBlock[],
): OutboxMessage {
  return {
    subject,
    text: `${[heading, ...blocks.map(text)].join("\n\n")}\n`,
    html: `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(subject)}</title>
</head>
<body style="margin:0;padding:16px 8px;background-color:${WHITE};">
<div style="max-width:640px;margin:0 auto;">
<h1 style="${FONT}margin:0 0 14px;font-size:22px;line-height:1.3;color:${TITLE};">${esc(heading)}</h1>
${blocks.map((b, i) => html(b, `b${i}`)).join("\n")}
</div>
</body>
</html>
`,
    attachments: [],
  };
}
