// Wrapped text in the PDF: the lines cut for one document are reused by the next, written exactly as pdfkit writes them.
import type { Layout } from "@barometre/shared";
import { pdfObjects, pdfText } from "@barometre/testing/report-pdf-text";
import { describe, expect, it } from "vitest";
import { renderLayout } from "../src/report/index.ts";

const PARAGRAPH =
  "Le taux de sorties positives rapporte les accompagnements terminés par une solution (droit ouvert, démarche aboutie, orientation suivie) à l'ensemble des accompagnements terminés dans l'exercice ; ";

/** Enough long paragraphs and facts to fill more than a page, so that one of them carries over to the next. */
const layout = (stem: string): Layout => ({
  title: "Baromètre des PIMMS 2018",
  subtitle: "Essai de mise en page",
  subject: "Essai",
  fileStem: stem,
  header: ["Première ligne d'en-tête"],
  blocks: Array.from({ length: 14 }, (_, i) => [
    { kind: "paragraph" as const, text: PARAGRAPH.repeat(1 + (i % 3)), strong: i % 2 === 0 },
    {
      kind: "facts" as const,
      facts: [{ label: "Définition", value: PARAGRAPH.repeat(2), status: null }],
    },
  ]).flat(),
});

/** The pages' content streams, in order. */
const pages = (pdf: Buffer): string[] =>
  [...pdfObjects(pdf).values()]
    .filter((o) => o.stream && !o.dict.includes("/Type") && !o.dict.includes("/Length1"))
    .map((o) => (o.stream as Buffer).toString("latin1"));

const pdfOf = async (stem: string): Promise<Buffer> => {
  const mail = await renderLayout(layout(stem));
  return mail.attachments.find((a) => a.filename === `${stem}.pdf`)?.content as Buffer;
};

describe("wrapped text in the PDF", () => {
  it("is written the same from the lines cut for an earlier document, across a page break too", async () => {
    const first = await pdfOf("essai-lignes-1");
    const second = await pdfOf("essai-lignes-2");
    expect(pages(first).length).toBeGreaterThan(1);
    expect(pages(second)).toEqual(pages(first));
    expect(pdfText(second)).toBe(pdfText(first));
    expect(pdfText(second).replace(/\s+/g, " ")).toContain(PARAGRAPH.trim());
  });
});
