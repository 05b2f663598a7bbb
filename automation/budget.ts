/**
 * The script's time budget. An automation's script is stopped after 30 seconds, possibly in the
 * middle of a write call; the script stops itself before that, between calls, so that what it
 * wrote is whole and what remains is known. Reading and computing cannot be cut (the diff needs
 * the whole period), so only the writes are paced: a call is started only when the slowest call
 * so far would still end within the budget.
 */

/** Airtable's limit for an automation's script run (support article "Run a script"). */
export const AUTOMATION_LIMIT_MS = 30_000;
/** Stop by here: 5 s of margin for the summary and a call slower than any so far. */
export const DEFAULT_BUDGET_MS = 25_000;

export class TimeBudget {
  private slowestCallMs = 0;

  /** `now` is the script's own clock (Date.now in an automation; tests slow it down); `startedAt` a reading of it. */
  constructor(
    private readonly now: () => number,
    private readonly budgetMs: number = DEFAULT_BUDGET_MS,
    private readonly startedAt: number = now(),
  ) {}

  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  /**
   * True when the next call could end past the budget: the time spent plus the slowest call so far.
   *
   * @example budget.exhausted() // true at 24 s when a call took 6 s: 24 + 6 > 25
   */
  exhausted(): boolean {
    return this.elapsedMs() + this.slowestCallMs > this.budgetMs;
  }

  /** Runs one write call and remembers how long the slowest took. */
  async measure<T>(call: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await call();
    } finally {
      this.slowestCallMs = Math.max(this.slowestCallMs, this.now() - start);
    }
  }
}
