// Counts the Spreadsheet-service calls the add-on makes, reads and writes apart, so tests can assert batching.

/**
 * read: cell content (values, formulas, formats, rules, merges); meta: the document's structure (sheet
 * names, time zone, sizes, A1 notations); write: any change; handle: navigation and builders only.
 */
export type CallKind = "read" | "meta" | "write" | "handle";

export class CallLog {
  private readonly entries: { kind: CallKind; method: string }[] = [];

  record(kind: CallKind, method: string): void {
    this.entries.push({ kind, method });
  }

  count(kind?: CallKind): number {
    return kind ? this.entries.filter((e) => e.kind === kind).length : this.entries.length;
  }

  /** How many times each method was called, e.g. { "Range.getValues": 6 }. */
  byMethod(kind?: CallKind): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries) {
      if (!kind || e.kind === kind) out[e.method] = (out[e.method] ?? 0) + 1;
    }
    return out;
  }

  reset(): void {
    this.entries.length = 0;
  }
}
