/**
 * Write calls of a refresh on the 1k demo base (1,000 reps, 20,000 orders, 6-level tree) with the
 * bench's five-metric plan, through the extension's own path (readFacts -> runPlan -> planWrites
 * -> writeResults) on the simulated base. No timing here: the counts are what issue 5 promises,
 * exactly ceil(changed/50) calls of at most 50 records, at most 15 in any second, none when
 * nothing changed. The timings live in `npm run bench` (bench/browser.mjs).
 *
 * Node environment, not jsdom: the 1k base reads several times faster without a DOM, and nothing
 * here renders.
 */
import './nodeScheduler';
import '../../sim/nodeWindow';
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import {baseSchema} from '../../frontend/adapter/schema';
import {writeResults} from '../../frontend/adapter/writeResults';
import {runPlan} from '../../src/engine';
import type {PlanDocument} from '../../src/plan';
import {validatePlan} from '../../src/validate';
import {planWrites} from '../../src/writeback';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {BENCH_PERIOD, benchPlan} from '../../bench/plan';
import {fakeClock} from '../support/simWrites';

/** The 1k demo base: every rep's result cells start empty, so every rep changes. */
const REPS = 1000;


interface SentCall {
  type: string;
  tableId: string;
  records: number;
  /** The fake clock when the base received the call. */
  at: number;
}

async function refresh(driver: TestDriver, plan: PlanDocument, clock: ReturnType<typeof fakeClock>, sent: SentCall[]) {
  const before = sent.length;
  const read = await readFacts(driver.base, plan);
  const run = runPlan(plan, BENCH_PERIOD, read.facts);
  const writes = planWrites(run, plan, read.current, {lang: 'zh', calculatedAt: '2026-04-01T08:00:00.000Z', fields: read.resultFields});
  const outcome = await writeResults(driver.base.getTableById(TABLE_IDS.reps), writes.updates, clock);
  return {writes, outcome, calls: sent.slice(before)};
}

/** The most calls received within any 1,000 ms of the clock. */
function mostCallsInOneSecond(calls: readonly SentCall[]): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < calls.length; last++) {
    while (calls[last].at - calls[first].at >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('write calls of a refresh on the 1k demo base', () => {
  it('sends exactly ceil(changed/50) calls of at most 50 records, at most 15 a second, and none when nothing changed', async () => {
    const driver = createDriver(demoBase({size: '1k', levels: 6}));
    const plan = benchPlan(baseSchema(driver.base));
    expect(validatePlan(plan, baseSchema(driver.base)).filter((issue) => issue.severity === 'error')).toEqual([]);
    const clock = fakeClock();
    const sent: SentCall[] = [];
    driver.watch('mutation', (mutation) => {
      const m = mutation as unknown as {type: string; tableId: string; records?: unknown[]};
      sent.push({type: m.type, tableId: m.tableId, records: m.records?.length ?? 0, at: clock.now()});
    });

    const first = await refresh(driver, plan, clock, sent);
    expect(first.writes.updates).toHaveLength(REPS);
    expect(first.outcome).toMatchObject({calls: REPS / 50, remaining: 0, failed: null});
    expect(first.calls).toHaveLength(Math.ceil(first.writes.updates.length / 50));
    expect(first.calls.every((call) => call.type === 'setMultipleRecordsCellValues' && call.tableId === TABLE_IDS.reps)).toBe(true);
    expect(Math.max(...first.calls.map((call) => call.records))).toBeLessThanOrEqual(50);
    expect(first.calls.reduce((sum, call) => sum + call.records, 0)).toBe(REPS);
    expect(mostCallsInOneSecond(first.calls)).toBe(15);

    const second = await refresh(driver, plan, clock, sent);
    expect(second.writes.updates).toEqual([]);
    expect(second.writes.unchanged).toBe(REPS);
    expect(second.calls).toEqual([]);
  }, 60_000);
});
