// docs/rgpd.md: the register of processing is written by hand, except its retention table, generated here from the
// retention policy's defaults so the register states what the product does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ANCHOR_WORDS, formatRetention, RETENTION, RETENTION_KINDS } from "../../src/index.ts";
import { code, table } from "./markdown.ts";

export const RGPD_PATH = "docs/rgpd.md";

const START = "<!-- tableau des durées : généré par npm run docs, ne pas modifier à la main -->";
const END = "<!-- fin du tableau des durées -->";

export const RETENTION_HEADER = [
  "Type",
  "Données",
  "Contenu",
  "Conservation par défaut",
  "Comptée",
  "Minimum",
  "Pourquoi",
];

export function retentionTable(): string {
  return table(
    RETENTION_HEADER,
    RETENTION_KINDS.map((kind) => {
      const info = RETENTION[kind];
      return [
        code(kind),
        info.label,
        info.holds,
        formatRetention(info.defaultDays),
        ANCHOR_WORDS[info.anchor],
        info.minimumDays ? formatRetention(info.minimumDays) : "aucun",
        info.reason,
      ];
    }),
  );
}

/** The register as it stands on disk, its retention table rewritten from the defaults. */
export function rgpdMarkdown(root = join(import.meta.dirname, "../../..")): string {
  const text = readFileSync(join(root, RGPD_PATH), "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`${RGPD_PATH} : les repères du tableau des durées manquent.`);
  return `${text.slice(0, start + START.length)}\n\n${retentionTable()}\n\n${text.slice(end)}`;
}
