import {runPlan, runPlanSteps, type EngineStep} from '../../src/engine';
import type {RunResult} from '../../src/results';
import {CREDIT_SLICE} from '../../src/engine/aggregate';
import {PARTICIPANT_SLICE} from '../../src/engine/run';
import {buildFacts, buildPlan} from '../../scripts/bench';

/** Runs the generator to its end, keeping every step it yields. */
function drain(steps: Generator<EngineStep, RunResult, void>): {steps: EngineStep[]; result: RunResult} {
  const seen: EngineStep[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return {steps: seen, result: next.value};
    seen.push(next.value);
  }
}

const PHASES: EngineStep['phase'][] = ['credit', 'score', 'pay', 'explain'];
/** The overall fraction a progress bar shows: each phase a quarter. */
const fraction = (s: EngineStep) => (PHASES.indexOf(s.phase) + (s.total > 0 ? s.done / s.total : 1)) / PHASES.length;

describe('runPlanSteps: the run in steps', () => {
  // 1,200 participants and 45,000 orders: more than one slice in every phase.
  const plan = buildPlan();
  const facts = buildFacts({participants: 1200, orders: 45_000});
  const stepped = drain(runPlanSteps(plan, '2026-03', facts));

  it('pauses inside every phase, not only between them', () => {
    const perPhase = PHASES.map((phase) => stepped.steps.filter((s) => s.phase === phase).length);
    // credit: the start, then one pause per full slice of the 47,400 records; score and explain:
    // one pause per slice of the 1,200 participants, plus one before the downline walk (score);
    // pay: the start and one after each sort of everyone (ranking, award, honours).
    const slices = Math.ceil(1200 / PARTICIPANT_SLICE);
    expect(perPhase).toEqual([1 + Math.floor(47_400 / CREDIT_SLICE), 1 + slices, 4, slices]);
    expect(stepped.steps[0]).toEqual({phase: 'credit', done: 0, total: 45_000 + 2 * 2 * 1200});
  });

  it('gives the same result as runPlan, whole', () => {
    expect(stepped.result.results).toHaveLength(1200);
    expect(stepped.result.stats.recordsCredited).toBeGreaterThan(0);
    expect(stepped.result).toEqual(runPlan(plan, '2026-03', facts));
  });

  it('reports fractions that never go back, from 0 and below 1', () => {
    const fractions = stepped.steps.map(fraction);
    expect(fractions[0]).toBe(0);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions[fractions.length - 1]).toBeLessThan(1);
    for (const s of stepped.steps) expect(s.done).toBeLessThanOrEqual(s.total);
  });

  it('returns at once, without a step, when the period is unknown', () => {
    const run = drain(runPlanSteps(plan, '2030-01', facts));
    expect(run.steps).toEqual([]);
    expect(run.result.issues[0].code).toBe('engine.period.unknown');
  });
});
