// Plain-text tables for the terminal, aligned on the display width of French text.

/** Right-aligns cells that look like numbers, left-aligns the rest. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? "")].length)));
  const numeric = (cell: string) => /^[-+]?[\d\u202f\u00a0 ,.]+(\s?(%|€|pts|mois))?$/.test(cell);
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
        return numeric(cell) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
