// The reading order of a report as a flat list of blocks, so the email, plain-text and PDF renderers say the same thing.
import type { NetworkSummaryDocument } from "./network-summary.ts";
import type {
  Block,
  EntryBody,
  Layout,
  NamedTable,
  PrintedDocument,
  ReportDocument,
} from "./types.ts";

/** An entry's blocks, under its own heading unless the section's heading already names it; its fiche unless gathered at the end. */
function entryBlocks(entry: EntryBody, titled: boolean, fiche: boolean): Block[] {
  return [
    ...(titled
      ? [{ kind: "heading", level: 3, text: `${entry.number}. ${entry.name}` } as const]
      : []),
    { kind: "facts", facts: entry.facts },
    ...(entry.chart ? [{ kind: "chart", chart: entry.chart } as const] : []),
    ...(entry.trajectory ? [{ kind: "chart", chart: entry.trajectory } as const] : []),
    ...entry.notices.map((text): Block => ({ kind: "paragraph", text })),
    ...(entry.evolution ? [{ kind: "paragraph", text: entry.evolution } as const] : []),
    ...(fiche
      ? [
          {
            kind: "facts",
            facts: [
              { label: "Définition", value: entry.definition },
              { label: "Calcul", value: entry.formulaInWords },
            ],
          } satisfies Block,
        ]
      : []),
  ];
}

function layout(doc: PrintedDocument, table: NamedTable | null): Layout {
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "En résumé" },
    { kind: "paragraph", text: doc.summary.headline, strong: true },
    { kind: "list", items: doc.summary.items.map(({ text, status }) => ({ text, status })) },
  ];
  if (doc.sections.some((s) => s.entries.some((e) => e.chart)))
    blocks.push({ kind: "legend", ...doc.legend });
  for (const section of doc.sections) {
    const heading = `${section.number}. ${section.title}`;
    blocks.push({ kind: "heading", level: 2, text: heading });
    for (const entry of section.entries)
      blocks.push(...entryBlocks(entry, `${entry.number}. ${entry.name}` !== heading, !doc.method));
  }
  if (table) {
    blocks.push({ kind: "heading", level: 2, text: "Tableau nominatif des structures" });
    blocks.push({ kind: "table", table });
  }
  blocks.push({ kind: "heading", level: 2, text: doc.method?.title ?? "À propos de ce rapport" });
  blocks.push(...doc.notes.map((text): Block => ({ kind: "paragraph", text })));
  if (doc.method) {
    blocks.push({ kind: "heading", level: 3, text: "Définition et calcul de chaque indicateur" });
    blocks.push({ kind: "facts", facts: doc.method.fiches });
  }
  const { title, subtitle, subject, fileStem, header } = doc;
  return { title, subtitle, subject, fileStem, header, blocks };
}

export const reportLayout = (doc: ReportDocument): Layout => layout(doc, doc.transparentTable);

export const networkSummaryLayout = (doc: NetworkSummaryDocument): Layout => layout(doc, null);
