// An in-process task queue with a Cloud Tasks queue's contract (named tasks deduplicated, delays, retries), which
// runs the same handlers as the deployed onTaskDispatched functions and can be killed like a crashed instance.
import type { TaskOptions, TaskQueue } from "@barometre/functions/local";

export interface InProcessQueueOptions<T> {
  /** The handler; `signal` aborts when the queue is killed. */
  run: (data: T, signal: AbortSignal) => Promise<unknown>;
  /** Tasks running at once (default 2: one per core here). */
  concurrency?: number;
  /** Runs of a failing task before it is given up (default 5). */
  maxAttempts?: number;
  /** Wait before retry n (default 200 ms × 2^(n−1)). */
  retryDelayMs?: (attempt: number) => number;
  /** How a task's scheduleDelaySeconds is waited (default: as asked; tests pass () => 0). */
  delayMs?: (seconds: number) => number;
  /** A task given up after its last attempt. */
  onFailure?: (data: T, error: unknown) => void;
}

interface Item<T> {
  data: T;
  attempt: number;
}

export class InProcessTaskQueue<T> implements TaskQueue<T> {
  private readonly ids = new Set<string>();
  private readonly waiting: Item<T>[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];
  private running = 0;
  private killed = false;
  /** Tasks that ran to the end, and tasks given up. */
  readonly counts = { completed: 0, failed: 0, retried: 0 };

  constructor(private readonly options: InProcessQueueOptions<T>) {}

  async enqueue(data: T, options: TaskOptions = {}): Promise<void> {
    if (this.killed) throw new Error("The task queue was killed");
    if (options.id) {
      if (this.ids.has(options.id)) return;
      this.ids.add(options.id);
    }
    const delay = (this.options.delayMs ?? ((s) => s * 1000))(options.scheduleDelaySeconds ?? 0);
    this.later({ data, attempt: 1 }, delay);
  }

  /** Stops everything at once, as a crash would: running tasks see their signal abort, queued ones are lost. */
  kill(): void {
    this.killed = true;
    for (const c of this.controllers) c.abort(new Error("The task queue was killed"));
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.waiting.length = 0;
    this.settle();
  }

  /** Resolves once no task is queued, waiting or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.running === 0 && this.waiting.length === 0 && this.timers.size === 0;
  }

  private later(item: Item<T>, delay: number): void {
    if (delay <= 0) {
      this.waiting.push(item);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting.push(item);
      this.pump();
    }, delay);
    this.timers.add(timer);
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 2;
    while (!this.killed && this.running < limit && this.waiting.length > 0)
      void this.start(this.waiting.shift() as Item<T>);
  }

  private async start(item: Item<T>): Promise<void> {
    this.running++;
    const controller = new AbortController();
    this.controllers.add(controller);
    try {
      await this.options.run(item.data, controller.signal);
      this.counts.completed++;
    } catch (error) {
      if (!this.killed && item.attempt < (this.options.maxAttempts ?? 5)) {
        this.counts.retried++;
        const wait = (this.options.retryDelayMs ?? ((n) => 200 * 2 ** (n - 1)))(item.attempt);
        this.later({ data: item.data, attempt: item.attempt + 1 }, wait);
      } else if (!this.killed) {
        this.counts.failed++;
        this.options.onFailure?.(item.data, error);
      }
    } finally {
      this.controllers.delete(controller);
      this.running--;
      this.pump();
      this.settle();
    }
  }

  private settle(): void {
    if (!this.killed && !this.isIdle()) return;
    if (this.killed && this.running > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
