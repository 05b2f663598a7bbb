/** @jest-environment jsdom */
/**
 * The run's phases as a caller sees them: the progress model the bar shows, the turns given to
 * the browser, and the per-phase times the bench reads.
 */
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import {computePreview, computingFraction, refresh, type Phase, type Progress, type RunHooks} from '../../frontend/run/pipeline';
import {demoPlan} from '../support/demoPlan';

jest.setTimeout(60_000);

const context = {now: new Date('2026-04-01T08:00:00Z'), lang: 'en' as const};

/** Hooks that record everything, turning after every engine step. */
function recorder() {
  const progress: Progress[] = [];
  const phases: {phase: Phase; ms: number}[] = [];
  let turns = 0;
  const hooks: RunHooks = {
    onProgress: (p) => progress.push(p),
    onPhase: (phase, ms) => phases.push({phase, ms}),
    yieldToBrowser: async () => void turns++,
    sliceMs: 0,
  };
  return {hooks, progress, phases, turns: () => turns};
}

/** The phases in the order progress first named them. */
const phaseOrder = (progress: readonly Progress[]) => progress.map((p) => p.phase).filter((phase, i, all) => all.indexOf(phase) === i);

function expectForwardWithinEachPhase(progress: readonly Progress[]) {
  for (let i = 0; i < progress.length; i++) {
    const p = progress[i];
    expect(p.fraction).toBeGreaterThanOrEqual(0);
    expect(p.fraction).toBeLessThanOrEqual(1);
    const previous = progress[i - 1];
    if (previous?.phase === p.phase) expect(p.fraction).toBeGreaterThanOrEqual(previous.fraction);
    else expect(p.fraction).toBe(0);
  }
}

describe('the computing fraction', () => {
  it('gives each engine phase a quarter, in order, whatever its size', () => {
    expect(computingFraction({phase: 'credit', done: 0, total: 200_000})).toBe(0);
    expect(computingFraction({phase: 'score', done: 50, total: 100})).toBe(0.375);
    expect(computingFraction({phase: 'pay', done: 10, total: 10})).toBe(0.75);
    // An empty phase counts as done, never as NaN.
    expect(computingFraction({phase: 'explain', done: 0, total: 0})).toBe(1);
  });
});

describe('a run in phases', () => {
  it('previews through reading, computing and comparing, each starting at 0 and only moving forward', async () => {
    const driver = createDriver(demoBase({reps: 12, orders: 120}));
    const plan = demoPlan();
    const record = recorder();
    const preview = await computePreview(driver.base, plan, '2026-02', 'rev', context, record.hooks);
    expect(preview.run.results).toHaveLength(12);
    expect(phaseOrder(record.progress)).toEqual(['reading', 'computing', 'comparing']);
    expectForwardWithinEachPhase(record.progress);
    expect(record.progress[record.progress.length - 1]).toEqual({phase: 'comparing', fraction: 1});
    // A turn after every engine step: the bar reaches each of the engine's four phases.
    const computing = record.progress.filter((p) => p.phase === 'computing').map((p) => p.fraction);
    expect(computing).toEqual(expect.arrayContaining([0.25, 0.5, 0.75]));
    // Each phase timed once, in order; nothing was written, so no writing phase.
    expect(record.phases.map((p) => p.phase)).toEqual(['reading', 'computing', 'comparing']);
    for (const {ms} of record.phases) expect(ms).toBeGreaterThanOrEqual(0);
    // With no time budget the browser gets a turn at every phase boundary at least.
    expect(record.turns()).toBeGreaterThanOrEqual(3);
  });

  it('refreshes through the four phases, the writing phase ending at 1 with every batch reported', async () => {
    // 60 participants, all changed: write calls of 50 and 10 records.
    const driver = createDriver(demoBase({reps: 60, orders: 120}));
    const record = recorder();
    const outcome = await refresh(driver.base, demoPlan(), '2026-02', 'rev', context, record.hooks);
    if (outcome.kind !== 'written') throw new Error(`not written: ${outcome.kind}`);
    expect(outcome.outcome.writtenRecordIds).toHaveLength(60);
    expect(phaseOrder(record.progress)).toEqual(['reading', 'computing', 'comparing', 'writing']);
    expectForwardWithinEachPhase(record.progress);
    const writing = record.progress.filter((p) => p.phase === 'writing').map((p) => p.fraction);
    expect(writing).toEqual([0, 50 / 60, 1, 1]);
    expect(record.phases.map((p) => p.phase)).toEqual(['reading', 'computing', 'comparing', 'writing']);
  });

  it('stops at the permission check that opens the writing phase when permission is gone, writing nothing', async () => {
    const driver = createDriver(demoBase({reps: 12, orders: 120}));
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'setMultipleRecordsCellValues');
    const sent: unknown[] = [];
    driver.watch('mutation', (mutation) => {
      if (mutation.type === 'setMultipleRecordsCellValues') sent.push(mutation);
    });
    const record = recorder();
    const outcome = await refresh(driver.base, demoPlan(), '2026-02', 'rev', context, record.hooks);
    expect(outcome.kind).toBe('denied');
    expect(sent).toEqual([]);
    expect(record.progress.filter((p) => p.phase === 'writing')).toEqual([{phase: 'writing', fraction: 0}]);
  });
});
