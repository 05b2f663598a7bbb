/**
 * What tests observe of the writes a simulated base receives: every mutation the SDK sends, and a
 * clock for the write limiter that moves only when it sleeps (no real waiting in tests).
 */
import type TestDriver from '@airtable/blocks-testing';

/** A mutation as the simulated base receives it: the parts the tests read. */
export interface Mutation {
  type: string;
  tableId?: string;
  name?: string;
  records?: {id: string; cellValuesByFieldId: Record<string, unknown>}[];
}

/** Every mutation `driver` receives from now on, in order. */
export function watchMutations(driver: TestDriver): Mutation[] {
  const seen: Mutation[] = [];
  driver.watch('mutation', (m) => seen.push(m as unknown as Mutation));
  return seen;
}

/**
 * The write limiter's clock: `sleep` advances it at once.
 *
 * @example const clock = fakeClock(); await clock.sleep(70); clock.now() // 70
 */
export function fakeClock() {
  let now = 0;
  return {now: () => now, sleep: async (ms: number) => void (now += ms)};
}
