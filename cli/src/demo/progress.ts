// What npm start is doing, on standard error: a progress bar redrawn in place on a terminal, one line per step
// otherwise (a log, a CI job), so nothing is lost to carriage returns.

const WIDTH = 24;
/** Redraws at most this often: a terminal needs no more, and a fast loop must not spend its time drawing. */
const REDRAW_MS = 80;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export class Progress {
  private index = 0;
  private label = "";
  private total = 0;
  private done = 0;
  private drawnAt = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly steps: number,
  ) {}

  /** Starts the next step; `total` counts its items, 0 for a step without items. */
  step(label: string, total = 0): void {
    this.index++;
    this.label = label;
    this.total = total;
    this.done = 0;
    if (this.stream.isTTY) this.draw();
    else
      this.stream.write(`[${this.index}/${this.steps}] ${label}${total ? ` (${total})` : ""}…\n`);
  }

  /** Items of the current step done so far. */
  set(done: number): void {
    this.done = Math.min(done, this.total);
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.drawnAt >= REDRAW_MS || this.done === this.total) this.draw();
  }

  advance(): void {
    this.set(this.done + 1);
  }

  /** Clears the bar, so what follows starts on a clean line. */
  finish(): void {
    if (this.stream.isTTY) this.stream.write("\r\x1b[2K");
  }

  private draw(): void {
    this.drawnAt = Date.now();
    // The whole job's share: steps done, plus the current step's share of items.
    const share = (this.index - 1 + (this.total ? this.done / this.total : 0)) / this.steps;
    const filled = Math.round(share * WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
    const items = this.total ? ` ${this.done}/${this.total}` : "";
    const percent = String(Math.floor(share * 100)).padStart(3);
    this.stream.write(
      `\r\x1b[2K${bar} ${percent} % · étape ${this.index}/${this.steps} : ${this.label}${items}`,
    );
  }
}
