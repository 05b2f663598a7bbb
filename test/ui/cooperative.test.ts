import {drive, nextMacrotask} from '../../frontend/run/cooperative';

/** A clock the test moves by hand: every step of `work` costs `costMs`. */
function fakeClock() {
  let ms = 0;
  return {now: () => ms, advance: (by: number) => (ms += by)};
}

function* work(steps: number, clock: ReturnType<typeof fakeClock>, costMs: number, log: string[]): Generator<number, string, void> {
  for (let i = 1; i <= steps; i++) {
    clock.advance(costMs);
    log.push(`step ${i}`);
    yield i;
  }
  return 'done';
}

describe('driving a generator in slices', () => {
  it('returns the result and reports every step in order', async () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const result = await drive(work(5, clock, 1, []), {now: clock.now, onStep: (s) => seen.push(s), yieldToBrowser: async () => undefined});
    expect(result).toBe('done');
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the browser a turn each time a slice has lasted sliceMs, not after every step', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    // 10 ms a step, 40 ms a slice: a turn after steps 4, 8 and 12 of 12.
    await drive(work(12, clock, 10, log), {now: clock.now, sliceMs: 40, yieldToBrowser: async () => void log.push('turn')});
    expect(log.filter((entry) => entry === 'turn')).toHaveLength(3);
    expect(log.indexOf('turn')).toBe(4);
    expect(log.slice(5, 10)).toEqual(['step 5', 'step 6', 'step 7', 'step 8', 'turn']);
  });

  it('starts a new slice after the turn, so time spent away does not count against the next one', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    const away = async () => {
      log.push('turn');
      clock.advance(1000);
    };
    await drive(work(8, clock, 10, log), {now: clock.now, sliceMs: 40, yieldToBrowser: away});
    expect(log.filter((entry) => entry === 'turn')).toHaveLength(2);
  });

  it('never pauses a generator that finishes within one slice', async () => {
    const clock = fakeClock();
    const pause = jest.fn(async () => undefined);
    expect(await drive(work(3, clock, 1, []), {now: clock.now, yieldToBrowser: pause})).toBe('done');
    expect(pause).not.toHaveBeenCalled();
  });

  it('passes on an error of the generator, and closes the generator when a callback throws', async () => {
    function* failing(): Generator<number, string, void> {
      yield 1;
      throw new Error('bad fact');
    }
    await expect(drive(failing(), {yieldToBrowser: async () => undefined})).rejects.toThrow('bad fact');

    let cleanedUp = false;
    function* guarded(): Generator<number, string, void> {
      try {
        yield 1;
        yield 2;
        return 'unreached';
      } finally {
        cleanedUp = true;
      }
    }
    const onStep = () => {
      throw new Error('progress callback failed');
    };
    await expect(drive(guarded(), {onStep, yieldToBrowser: async () => undefined})).rejects.toThrow('progress callback failed');
    expect(cleanedUp).toBe(true);
  });
});

describe('the default turn', () => {
  it('resolves after the current task, once queued promise jobs have run', async () => {
    const order: string[] = [];
    const turn = nextMacrotask().then(() => order.push('turn'));
    void Promise.resolve().then(() => order.push('microtask'));
    await turn;
    expect(order).toEqual(['microtask', 'turn']);
  });
});
