// Counts the Spreadsheet-service calls the add-on makes, reads and writes apart, so tests and benchmarks can assert batching.

/**
 * What each call costs in Apps Script, after Google's own guidance ("Best practices": minimise calls
 * to other services, batch reads and writes; SpreadsheetApp reference and "Optimizing Spreadsheet
 * Operations": writes are cached and bundled, and every read first commits the pending writes;
 * SpreadsheetApp.flush() commits them on demand):
 *
 * - read: cell content of the document (values, formulas, formats, rules, merged areas);
 * - meta: the document's structure (sheet names and hidden state, time zone, frozen rows, widths,
 *   protection settings);
 * - write: any change to the document (one queued operation each, committed in bundles);
 * - handle: what needs no document data: a range or sheet reference (getRange, getDataRange,
 *   getRangeList), what a handle says of its own coordinates (getA1Notation, getRow…), a builder
 *   step (newDataValidation…, newTextStyle…), the selection (activate) and flush itself.
 *
 * A "Spreadsheet-service call" is a read, meta or write call: each one is work done on the
 * document; handles are counted apart and never in that total.
 */
export type CallKind = "read" | "meta" | "write" | "handle";

/** The kinds that touch the document: what serviceCalls() adds up. */
export const SERVICE_KINDS: readonly CallKind[] = ["read", "meta", "write"];

/** What Apps Script throws when the Spreadsheet service fails mid-run (a quota, a timeout, a server error). */
export const SERVICE_FAILURE =
  "Exception: Service Spreadsheets failed while accessing document with id 1BarometreEssai.";

export class CallLog {
  private readonly entries: { kind: CallKind; method: string }[] = [];
  /** Planted failures: the nth next call of a method throws SERVICE_FAILURE (see failOn). */
  private readonly failures = new Map<string, number>();

  /** Makes the `nth` next call of `method` ("Range.setValues") fail as the Spreadsheet service does. */
  failOn(method: string, nth = 1): void {
    this.failures.set(method, nth);
  }

  record(kind: CallKind, method: string): void {
    this.entries.push({ kind, method });
    const left = this.failures.get(method);
    if (left === undefined) return;
    if (left > 1) this.failures.set(method, left - 1);
    else {
      this.failures.delete(method);
      throw new Error(SERVICE_FAILURE);
    }
  }

  count(kind?: CallKind): number {
    return kind ? this.entries.filter((e) => e.kind === kind).length : this.entries.length;
  }

  /** Spreadsheet-service calls: reads, metadata reads and writes (handles and builders left out). */
  serviceCalls(): number {
    return this.entries.filter((e) => SERVICE_KINDS.includes(e.kind)).length;
  }

  /**
   * How many bundles of writes were committed: runs of writes ended by a read, a metadata read, a
   * flush or the end of the log. Interleaving reads with writes makes this grow.
   */
  writeBatches(): number {
    let batches = 0;
    let pending = false;
    for (const e of this.entries) {
      if (e.kind === "write") pending = true;
      else if (pending && (e.kind !== "handle" || e.method === "SpreadsheetApp.flush")) {
        batches++;
        pending = false;
      }
    }
    return pending ? batches + 1 : batches;
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
