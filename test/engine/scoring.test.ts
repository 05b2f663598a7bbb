import {D} from '../../src/engine/money';
import type {Scoring} from '../../src/plan';
import {scoreMetric, weightedByFraction} from '../../src/engine/scoring';
import {resolveTarget} from '../../src/engine/target';
import {runPlan} from '../../src/engine';
import {F, makeFacts, makePlan, newCustomersMetric, order, person, salesMetric} from '../support/planFixtures';
import {sayEach} from '../../src/i18n';

const d = (v: string | number) => new D(v);
const score = (...args: Parameters<typeof scoreMetric>) => scoreMetric(...args).score.toFixed(2);

describe('scoring', () => {
  it('attainment: actual / target x 100, capped, floored at 0, rounded to 2 places once', () => {
    const s = {kind: 'attainment', cap: '120'} as const;
    expect(score(s, d(46000), d(50000))).toBe('92.00');
    expect(score(s, d(70000), d(50000))).toBe('120.00');
    expect(scoreMetric(s, d(70000), d(50000)).limited).toBe(true);
    expect(score(s, d(-500), d(50000))).toBe('0.00');
    expect(score(s, d(1), d(3))).toBe('33.33');
    expect(score(s, d(2), d(3))).toBe('66.67');
  });
  it('attainment without a target or with a target of 0 scores 0 (no division by zero)', () => {
    const s = {kind: 'attainment', cap: '120'} as const;
    expect(scoreMetric(s, d(100), null)).toMatchObject({status: 'noTarget'});
    expect(scoreMetric(s, d(100), d(0))).toMatchObject({status: 'zeroTarget', attainment: null});
    expect(score(s, d(100), d(0))).toBe('0.00');
  });
  it('lower is better: target / actual x 100 capped; an actual of 0 scores the cap', () => {
    const s = {kind: 'lowerIsBetter', cap: '150'} as const;
    expect(score(s, d(4), d(2))).toBe('50.00');
    expect(score(s, d(1), d(2))).toBe('150.00');
    expect(score(s, d(0), d(2))).toBe('150.00');
    expect(score(s, d(3), d(2))).toBe('66.67');
  });
  it('scale: (value - min) / (max - min) x 100, clamped to 0..100 and flagged', () => {
    const s = {kind: 'scale', min: '1', max: '5'} as const;
    expect(score(s, d('4.33'), null)).toBe('83.25');
    expect(score(s, d(1), null)).toBe('0.00');
    expect(scoreMetric(s, d(6), null)).toMatchObject({outOfScale: true, limited: true});
    expect(score(s, d(6), null)).toBe('100.00');
    expect(scoreMetric({kind: 'scale', min: '5', max: '5'}, d(3), null).status).toBe('badScale');
  });
  it('bands: the highest band reached (ascending from), 0 below the first band', () => {
    const bands = [{from: '5', score: '100'}, {from: '1', score: '40'}, {from: '3', score: '70'}];
    const s = {kind: 'bands', on: 'value', bands} as const;
    expect(score(s, d(0), null)).toBe('0.00');
    expect(scoreMetric(s, d(0), null).lowestFrom?.toString()).toBe('1');
    expect(score(s, d(1), null)).toBe('40.00');
    expect(score(s, d(4), null)).toBe('70.00');
    expect(score(s, d(9), null)).toBe('100.00');
    const onAttainment: Scoring = {kind: 'bands', on: 'attainment', bands: [{from: '0', score: '0'}, {from: '80', score: '60'}, {from: '100', score: '100'}]};
    expect(score(onAttainment, d(45), d(50))).toBe('60.00');
    expect(scoreMetric(onAttainment, d(45), d(0)).status).toBe('zeroTarget');
  });
  it('no value (no records for an average) scores 0', () => {
    expect(scoreMetric({kind: 'scale', min: '1', max: '5'}, null, null)).toMatchObject({status: 'noData'});
  });
  it('weighted score = score x weight / 100, 2 places', () => {
    expect(weightedByFraction(d('83.25'), d('0.3')).toFixed(2)).toBe('24.98');
    expect(weightedByFraction(d('92'), d('0.6')).toFixed(2)).toBe('55.20');
  });
});

describe('targets', () => {
  it('fixed, per tier with fallback, per participant field', () => {
    const p = {tier: '新人', fields: {[F.personalTarget.id]: '42,000'}};
    expect(resolveTarget({target: {kind: 'fixed', value: '5'}}, p)).toMatchObject({kind: 'value'});
    const perTier = resolveTarget({target: {kind: 'perTier', values: {资深: '50000', 新人: '30000'}}}, p);
    expect(perTier.kind === 'value' && perTier.value.toString()).toBe('30000');
    const fallback = resolveTarget({target: {kind: 'perTier', values: {资深: '50000'}, fallback: '20000'}}, p);
    expect(fallback.kind === 'value' && fallback.value.toString()).toBe('20000');
    expect(resolveTarget({target: {kind: 'perTier', values: {资深: '50000'}}}, p)).toEqual({kind: 'missing', reason: 'unknownTier', detail: '新人'});
    const field = resolveTarget({target: {kind: 'participantField', field: F.personalTarget}}, p);
    expect(field.kind === 'value' && field.value.toString()).toBe('42000');
    expect(resolveTarget({target: {kind: 'participantField', field: F.personalTarget}}, {tier: null, fields: {}})).toMatchObject({kind: 'missing', reason: 'empty'});
  });

  it('a zero, missing or unknown-tier target gives score 0 and an issue naming the participant', () => {
    const metrics = [
      salesMetric({target: {kind: 'perTier', values: {资深: '50000'}}}),
      newCustomersMetric({target: {kind: 'fixed', value: '0'}}),
      salesMetric({id: 'own', weight: '0', target: {kind: 'participantField', field: F.personalTarget}}),
    ];
    const run = runPlan(makePlan({metrics}), '2026-03', makeFacts([person('r1', '赵六', {tier: '新人'})], {orders: [order('o1', 'r1', 100)]}));
    const [r] = run.results;
    expect(r.metrics.map((m) => m.score)).toEqual(['0.00', '0.00', '0.00']);
    const codes = run.issues.map((i) => [i.code, i.recordIds]);
    expect(codes).toEqual([
      ['engine.target.unknownTier', ['r1']],
      ['engine.target.zero', ['r1']],
      ['engine.target.missing', ['r1']],
    ]);
    expect(run.issues[0].message.zh).toBe('赵六 的级别“新人”在指标“销售额”的目标中没有设置，得分记为 0');
    expect(run.issues[1].message.en).toBe('The target of "New customers" for 赵六 is 0, so attainment cannot be computed; the score is 0');
    expect(sayEach(r.breakdown, 'en')[0]).toBe('Sales 100.00: no target = 0.00% × weight 60% = 0.00');
    expect(sayEach(r.breakdown, 'en')[1]).toBe('New customers 0: target is 0 = 0.00% × weight 10% = 0.00');
  });
});
