/**
 * Long synchronous work on the main thread, cut into slices. The SDK's models live on the main
 * thread, so the run cannot move to a worker as a whole; instead the engine is a generator that
 * yields a step now and then, and `drive` hands the thread back to the browser between slices so
 * it can paint the progress bar and answer clicks.
 */

export interface DriveOptions<S> {
  /** Work this long before giving the browser a turn. 40 ms keeps a frame within ~50 ms. */
  sliceMs?: number;
  /** Called for every step the generator yields; keep it cheap (it runs inside the slice). */
  onStep?: (step: S) => void;
  /** Resolves once the browser has had its turn; a new macrotask by default. */
  yieldToBrowser?: () => Promise<void>;
  /** Milliseconds, for measuring slices; `performance.now` by default. */
  now?: () => number;
}

export const DEFAULT_SLICE_MS = 40;

/**
 * Resolves in a new macrotask, so that the browser may render and dispatch input first.
 * MessageChannel, not setTimeout: nested timeouts are clamped to 4 ms or more, which a run with
 * hundreds of slices would pay every time. A channel per turn, closed once used, because an open
 * port with a listener keeps Node (scripts, jest) from exiting.
 */
export function nextMacrotask(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function defaultNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** How long to work between turns, and how a turn is taken: what `drive` and the read share. */
export type PaceOptions = Pick<DriveOptions<unknown>, 'sliceMs' | 'yieldToBrowser' | 'now'>;

/**
 * Decides when long work gives the browser a turn: once a slice has run, `turn` reports where the
 * work is (so the bar is painted there) and awaits a new macrotask.
 */
export class Pacer {
  private sliceStart: number;
  private readonly sliceMs: number;
  private readonly pause: () => Promise<void>;
  private readonly now: () => number;
  /** Run after every turn: a caller whose inputs may change meanwhile checks them here (and may throw). */
  afterTurn: () => void = () => undefined;

  constructor(options: PaceOptions = {}) {
    this.sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    this.pause = options.yieldToBrowser ?? nextMacrotask;
    this.now = options.now ?? defaultNow;
    this.sliceStart = this.now();
  }

  /** True when the slice is up and the caller should `turn`. */
  due(): boolean {
    return this.now() - this.sliceStart >= this.sliceMs;
  }

  async turn(report: () => void = () => undefined): Promise<void> {
    report();
    await this.pause();
    this.sliceStart = this.now();
    this.afterTurn();
  }
}

/**
 * Runs a generator to its end and returns its result, pausing for the browser whenever a slice
 * has lasted `sliceMs`. A step that itself takes long cannot be cut: the generator decides how
 * fine the slices can be. If a callback or the pause throws, the generator is closed (its
 * `finally` blocks run) and the error is passed on.
 *
 * @example
 * const run = await drive(runPlanSteps(plan, periodId, facts), {onStep: (s) => latest = s});
 */
export async function drive<S, R>(steps: Generator<S, R, void>, options: DriveOptions<S> = {}): Promise<R> {
  const pacer = new Pacer(options);
  let finished = false;
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) {
        finished = true;
        return next.value;
      }
      options.onStep?.(next.value);
      if (pacer.due()) await pacer.turn();
    }
  } finally {
    // Stopped early (a callback or the pause threw): let the generator clean up. On a generator
    // that threw itself, return() does nothing.
    if (!finished) steps.return(undefined as never);
  }
}
