// Makes a workbook in the Apps Script harness ten times larger: a follow-up log under every tab's own rows.
import type { Book } from "@barometre/tests/harness";

/** Cells with content in every tab (each tab's used rectangle). */
export const cellCount = (book: Book): number =>
  book.sheets.reduce((n, s) => n + book.extent(s).rows * book.extent(s).cols, 0);

/**
 * Appends nine times each tab's height in log rows (a date, a remark, figures), as associations keep them under
 * their data: every tab, and so the workbook, then holds ten times as many cells, none of them a field the
 * Baromètre reads.
 */
export function growTenfold(book: Book): void {
  for (const sheet of book.sheets) {
    const { rows, cols } = book.extent(sheet);
    const log = Array.from({ length: 9 * rows }, (_, r) =>
      Array.from({ length: cols }, (_, c): string | number => {
        if (c === 0) return `${String(1 + (r % 28)).padStart(2, "0")}/0${1 + (r % 9)}/2018`;
        return c === 1 ? `Suivi : échange n° ${r + 1} avec un partenaire` : (r + 1) * c;
      }),
    );
    book.write(sheet, rows, 0, log);
  }
}
