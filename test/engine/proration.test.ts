/**
 * Target proration (docs/plan.md §6): a person active for part of the period is measured against
 * target x days active / days in the period, exact; off by default.
 */
import {runPlan} from '../../src/engine';
import {activeDays} from '../../src/engine/proration';
import {monthPeriod, quarterPeriod} from '../../src/period';
import type {PlanDocument} from '../../src/plan';
import {validatePlan} from '../../src/validate';
import {sayEach} from '../../src/i18n';
import {checkBreakdown} from '../support/breakdown';
import {makeFacts, makePlan, order, person, salesMetric} from '../support/planFixtures';

const START = {id: 'fldRepsStart', name: '入职日期'};
const END = {id: 'fldRepsEnd', name: '离职日期'};

function prorating(enabled = true, withEnd = true): PlanDocument {
  const plan = makePlan({
    metrics: [salesMetric({weight: '100', target: {kind: 'fixed', value: '50000'}, scoring: {kind: 'attainment', cap: '150'}})],
    incentives: {bonuses: [{id: 'b', label: {zh: '销售奖金', en: 'Sales bonus'}, metricId: 'sales', tierMode: 'marginal', tiers: [{fromAttainment: '0', rate: '0.02'}, {fromAttainment: '100', rate: '0.05'}]}]},
  });
  plan.mapping.people = {...plan.mapping.people!, start: START, ...(withEnd ? {end: END} : {})};
  if (enabled) plan.proration = {enabled: true};
  return plan;
}

const march = (start: string | null, end: string | null = null, amount = 10000) =>
  makeFacts([person('a', '甲', {fields: {[START.id]: start, [END.id]: end}})], {orders: [order('o1', 'a', amount)]});

describe('days active', () => {
  const day = (start: string | null, end: string | null, period = monthPeriod(2026, 3)) => activeDays(start, end, period);

  it('counts both ends, at month ends and across leap years', () => {
    expect(day('2026-03-20', null)).toEqual({days: 12, periodDays: 31});
    expect(day('2026-03-31', null)).toEqual({days: 1, periodDays: 31});
    expect(day(null, '2026-03-31')).toEqual({days: 31, periodDays: 31});
    expect(day('2026-03-01', '2026-03-01')).toEqual({days: 1, periodDays: 31});
    expect(day('2025-11-30', null)).toEqual({days: 31, periodDays: 31});
    expect(day('2026-04-01', null)).toEqual({days: 0, periodDays: 31});
    expect(day(null, '2026-02-28')).toEqual({days: 0, periodDays: 31});
    // February: 29 days in 2024 (leap), 28 in 2026; a leap quarter has 91 days.
    expect(day('2024-02-29', null, monthPeriod(2024, 2))).toEqual({days: 1, periodDays: 29});
    expect(day(null, '2024-02-10', monthPeriod(2024, 2))).toEqual({days: 10, periodDays: 29});
    expect(day('2026-02-15', null, monthPeriod(2026, 2))).toEqual({days: 14, periodDays: 28});
    expect(day('2024-02-29', '2024-03-01', quarterPeriod(2024, 1))).toEqual({days: 2, periodDays: 91});
  });
});

describe('target proration', () => {
  it('measures a person who joined on the 20th against 12/31 of the target, and shows it', () => {
    const run = runPlan(prorating(), '2026-03', march('2026-03-20'));
    const a = run.results[0];
    // 10,000 / (50,000 x 12/31) = 51.666...% (the exact target, not 19,354.84).
    expect(a.totalScore).toBe('51.67');
    expect(a.metrics[0]).toMatchObject({target: '19354.84', attainment: '51.67'});
    const en = sayEach(a.breakdown, 'en');
    expect(en[0]).toBe('Sales target 50,000.00 × 12/31 days = 19,354.84');
    expect(en[1]).toBe('Sales 10,000.00 / target 19,354.84 = 51.67% × weight 100% = 51.67');
    expect(sayEach(a.breakdown, 'zh')[0]).toBe('销售额 目标 50,000.00 × 12/31 天 = 19,354.84');
    expect(checkBreakdown(a, prorating().currency)).toEqual([]);
    expect(run.issues).toEqual([]);
  });

  it('prorates the bonus tiers with the target', () => {
    // 25,000 against 50,000 x 15/31 = 24,193.548...: 24,193.548... x 2% + 806.451... x 5% = 524.19
    const a = runPlan(prorating(), '2026-03', march('2026-03-17', null, 25000)).results[0];
    expect(a.bonus).toBe('524.19');
  });

  it('prorates by the end date too, and not at all for a whole month', () => {
    expect(runPlan(prorating(), '2026-03', march(null, '2026-03-10')).results[0].metrics[0].target).toBe('16129.03');
    const whole = runPlan(prorating(), '2026-03', march('2020-01-01', null)).results[0];
    expect(whole.metrics[0].target).toBe('50000');
    expect(sayEach(whole.breakdown, 'en')[0]).toBe('Sales 10,000.00 / target 50,000.00 = 20.00% × weight 100% = 20.00');
  });

  it('is off by default, and with the end field unmapped only the start counts', () => {
    expect(runPlan(prorating(false), '2026-03', march('2026-03-20')).results[0].totalScore).toBe('20.00');
    expect(runPlan(prorating(true, false), '2026-03', march('2026-03-20', '2026-03-21')).results[0].metrics[0].target).toBe('19354.84');
  });

  it('reports a start date that is not a date and does not prorate that person', () => {
    const run = runPlan(prorating(), '2026-03', march('next week'));
    expect(run.results[0].totalScore).toBe('20.00');
    expect(run.issues).toEqual([expect.objectContaining({code: 'engine.participant.notDate', recordIds: ['a'], fieldId: START.id})]);
  });

  it('a person not active at all in the period has a target of 0, which scores 0 with a warning', () => {
    const run = runPlan(prorating(), '2026-03', march('2026-04-02'));
    expect(run.results[0].totalScore).toBe('0.00');
    expect(run.issues.map((i) => i.code)).toEqual(['engine.target.zero']);
  });

  it('needs the start date field mapped when it is on', () => {
    const plan = prorating();
    delete plan.mapping.people!.start;
    delete plan.mapping.people!.end;
    expect(validatePlan(plan).map((i) => i.code)).toContain('mapping.people.start.needed');
    expect(validatePlan(prorating()).map((i) => i.code)).not.toContain('mapping.people.start.needed');
  });
});
