import {runPlan} from '../../src/engine';
import {ExactSum, D, toUnits} from '../../src/engine/money';
import {matchesFilter} from '../../src/engine/aggregate';
import {F, makeFacts, makePlan, order, person, review, salesMetric, satisfactionMetric} from '../support/planFixtures';

const metricValue = (run: ReturnType<typeof runPlan>, who: string, metricId: string) =>
  run.results.find((r) => r.participantId === who)?.metrics.find((m) => m.metricId === metricId);

describe('aggregate: crediting records to participants', () => {
  const plan = makePlan();

  it('keeps records dated in the period (both ends inclusive) and counts the others', () => {
    const facts = makeFacts([person('r1', 'A')], {
      orders: [
        order('o1', 'r1', 100, '2026-03-01'),
        order('o2', 'r1', 200, '2026-03-31T23:30:00.000Z'),
        order('o3', 'r1', 400, '2026-04-01'),
        order('o4', 'r1', 800, '2027-12-31'),
        order('o5', 'r1', 1600, '2025-12-31'),
      ],
    });
    const run = runPlan(plan, '2026-03', facts);
    expect(metricValue(run, 'r1', 'sales')?.value).toBe('300.00');
    expect(run.stats).toMatchObject({recordsRead: 5, recordsCredited: 2, recordsOutsidePeriod: 3, recordsBeforeFirstPeriod: 1});
    // 2027-12-31 lies after every period of the plan: reported; 2026-04-01 is simply another month;
    // 2025-12-31, before the first period, is history: counted, not reported.
    const outside = run.issues.find((i) => i.code === 'engine.record.outsideEveryPeriod');
    expect(outside?.recordIds).toEqual(['o4']);
  });

  it('reports records without a date instead of crediting them', () => {
    const facts = makeFacts([person('r1', 'A')], {orders: [order('o1', 'r1', 100, null), order('o2', 'r1', 50, 'soon'), order('o3', 'r1', 7)]});
    const run = runPlan(plan, '2026-03', facts);
    expect(metricValue(run, 'r1', 'sales')?.value).toBe('7.00');
    expect(run.stats.recordsWithoutDate).toBe(2);
    const issue = run.issues.find((i) => i.code === 'engine.record.noDate')!;
    expect(issue).toMatchObject({severity: 'warning', tableId: 'tblOrders', recordIds: ['o1', 'o2']});
    expect(issue.message.en).toBe('2 records of source "Orders" have no date and were not credited: o1, o2');
    expect(issue.message.zh).toBe('数据源“订单”中有 2 条记录日期为空，未计入：o1, o2');
  });

  it('counts every record when the source has no date field mapped', () => {
    const undated = makePlan();
    delete undated.mapping.sources[0].date;
    const run = runPlan(undated, '2026-03', makeFacts([person('r1', 'A')], {orders: [order('o1', 'r1', 100, null), order('o2', 'r1', 5, '2020-01-01')]}));
    expect(metricValue(run, 'r1', 'sales')?.value).toBe('105.00');
    expect(run.stats.recordsWithoutDate).toBe(0);
  });

  it('reports orphans: no participant, or one not in the people table', () => {
    const facts = makeFacts([person('r1', 'A')], {orders: [order('o1', null, 100), order('o2', 'recGone', 100), order('o3', 'r1', 1)]});
    const run = runPlan(plan, '2026-03', facts);
    expect(run.stats.orphanRecords).toBe(2);
    expect(run.issues.find((i) => i.code === 'engine.record.orphan')?.recordIds).toEqual(['o1', 'o2']);
    expect(metricValue(run, 'r1', 'sales')?.value).toBe('1.00');
  });

  it('credits a record linked to several participants to the first one only, and reports it', () => {
    const facts = makeFacts([person('r1', 'A'), person('r2', 'B')], {orders: [order('o1', ['r2', 'r1'], 100)]});
    const run = runPlan(plan, '2026-03', facts);
    expect(metricValue(run, 'r2', 'sales')?.value).toBe('100.00');
    expect(metricValue(run, 'r1', 'sales')?.value).toBe('0.00');
    expect(run.stats.multiLinkedRecords).toBe(1);
    expect(run.issues.find((i) => i.code === 'engine.record.multiLinked')?.recordIds).toEqual(['o1']);
  });

  it('reads "1,234.5" text as a number, and reports other text without crediting it', () => {
    const facts = makeFacts([person('r1', 'A')], {orders: [order('o1', 'r1', '1,234.5'), order('o2', 'r1', 'twelve'), order('o3', 'r1', '')]});
    const run = runPlan(plan, '2026-03', facts);
    expect(metricValue(run, 'r1', 'sales')).toMatchObject({value: '1234.50', sample: 1});
    const issue = run.issues.find((i) => i.code === 'engine.value.notNumber')!;
    expect(issue).toMatchObject({fieldId: F.amount.id, recordIds: ['o2']});
    expect(issue.message.en).toContain('订单金额');
    expect(issue.message.en).toContain('o2');
  });

  it('subtracts refunds (negative amounts), a fully refunded order nets to zero', () => {
    const facts = makeFacts([person('r1', 'A')], {orders: [order('o1', 'r1', 5000), order('o2', 'r1', -5000), order('o3', 'r1', 1200), order('o4', 'r1', -200)]});
    expect(metricValue(runPlan(plan, '2026-03', facts), 'r1', 'sales')?.value).toBe('1000.00');
  });

  it('keeps huge values and many decimals exact', () => {
    const facts = makeFacts([person('r1', 'A')], {orders: [order('o1', 'r1', 1e15), order('o2', 'r1', 1e15), order('o3', 'r1', '0.005'), order('o4', 'r1', 0.1), order('o5', 'r1', 0.2)]});
    const sales = metricValue(runPlan(plan, '2026-03', facts), 'r1', 'sales')!;
    // 2e15 + 0.305 = 2000000000000000.305 -> 2 places half up
    expect(sales.value).toBe('2000000000000000.31');
  });

  it('averages ratings ignoring empty ones, leaves the value null without any, and clamps out-of-scale ratings', () => {
    const facts = makeFacts([person('r1', 'A'), person('r2', 'B'), person('r3', 'C')], {
      reviews: [review('v1', 'r1', 5), review('v2', 'r1', null), review('v3', 'r1', 4), review('v4', 'r3', 9), review('v5', 'r3', 3)],
    });
    const run = runPlan(plan, '2026-03', facts);
    expect(metricValue(run, 'r1', 'satisfaction')).toMatchObject({value: '4.50', score: '87.50', sample: 2});
    expect(metricValue(run, 'r2', 'satisfaction')).toMatchObject({value: null, score: '0.00', sample: 0});
    // 9 is clamped to 5: (5 + 3) / 2 = 4 -> 75.00
    expect(metricValue(run, 'r3', 'satisfaction')).toMatchObject({value: '4.00', score: '75.00'});
    expect(run.issues.find((i) => i.code === 'engine.value.outOfScale')?.recordIds).toEqual(['v4']);
  });

  it('computes count, distinct count and rate with filters', () => {
    const statusDone = {field: F.status, op: 'eq' as const, value: '已完成'};
    const metrics = [
      salesMetric({id: 'doneCount', weight: '0', source: {kind: 'source', sourceId: 'orders', aggregation: 'count', filter: statusDone}}),
      salesMetric({id: 'buyers', weight: '0', unit: 'count', source: {kind: 'source', sourceId: 'orders', aggregation: 'distinctCount', field: F.source}}),
      satisfactionMetric({id: 'complaints', weight: '0', scoring: {kind: 'lowerIsBetter', cap: '150'}, target: {kind: 'fixed', value: '10'}, source: {kind: 'source', sourceId: 'reviews', aggregation: 'rate', rateFilter: {field: F.complaint, op: 'isTrue'}}}),
      salesMetric({id: 'bigOrders', weight: '100', source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: F.amount, filter: {field: F.amount, op: 'gte', value: '1000'}}}),
    ];
    const facts = makeFacts([person('r1', 'A')], {
      orders: [
        order('o1', 'r1', 1500, undefined, {[F.status.id]: '已完成', [F.source.id]: ['cusA']}),
        order('o2', 'r1', 200, undefined, {[F.status.id]: '已退款', [F.source.id]: ['cusA']}),
        order('o3', 'r1', 3000, undefined, {[F.status.id]: '已完成', [F.source.id]: ['cusB']}),
      ],
      reviews: [review('v1', 'r1', 5, undefined, {[F.complaint.id]: true}), review('v2', 'r1', 4, undefined, {[F.complaint.id]: false}), review('v3', 'r1', 4), review('v4', 'r1', 4)],
    });
    const run = runPlan(makePlan({metrics}), '2026-03', facts);
    expect(metricValue(run, 'r1', 'doneCount')?.value).toBe('2.00');
    expect(metricValue(run, 'r1', 'buyers')?.value).toBe('2.00');
    // 1 complaint in 4 reviews = 25%; lower is better: 10 / 25 = 40%
    expect(metricValue(run, 'r1', 'complaints')).toMatchObject({value: '25.00', score: '40.00'});
    expect(metricValue(run, 'r1', 'bigOrders')?.value).toBe('4500.00');
  });

  it('sums a team-scope metric from personal figures down to its depth', () => {
    const metrics = [salesMetric({scope: {kind: 'team', depth: 1}, target: {kind: 'fixed', value: '1000'}})];
    const facts = makeFacts(
      [person('a', 'A'), person('b', 'B', {uplineId: 'a'}), person('c', 'C', {uplineId: 'b'})],
      {orders: [order('o1', 'a', 100), order('o2', 'b', 20), order('o3', 'c', 3)]},
    );
    const run = runPlan(makePlan({metrics}), '2026-03', facts);
    expect(metricValue(run, 'a', 'sales')?.value).toBe('120.00');
    expect(metricValue(run, 'b', 'sales')?.value).toBe('23.00');
    expect(metricValue(run, 'c', 'sales')?.value).toBe('3.00');
  });

  it('gives participants in a cycle their personal value for team metrics; others still compute', () => {
    const metrics = [salesMetric({scope: {kind: 'team', depth: 3}, target: {kind: 'fixed', value: '1000'}})];
    const facts = makeFacts(
      [person('a', 'A', {uplineId: 'b'}), person('b', 'B', {uplineId: 'a'}), person('c', 'C'), person('d', 'D', {uplineId: 'c'})],
      {orders: [order('o1', 'a', 100), order('o2', 'b', 20), order('o3', 'c', 3), order('o4', 'd', 4)]},
    );
    const run = runPlan(makePlan({metrics}), '2026-03', facts);
    expect(metricValue(run, 'a', 'sales')?.value).toBe('100.00');
    expect(run.results.find((r) => r.participantId === 'a')?.inCycle).toBe(true);
    expect(metricValue(run, 'c', 'sales')?.value).toBe('7.00');
    expect(run.issues.find((i) => i.code === 'engine.hierarchy.cycle')?.recordIds?.sort()).toEqual(['a', 'b']);
  });

  it('reads a metric from a field of the participant record', () => {
    const metrics = [satisfactionMetric({id: 'skill', source: {kind: 'participant', field: F.skill}, weight: '100'})];
    const facts = makeFacts([person('r1', 'A', {fields: {[F.skill.id]: 4}}), person('r2', 'B', {fields: {[F.skill.id]: 'good'}}), person('r3', 'C')]);
    const run = runPlan(makePlan({metrics}), '2026-03', facts);
    expect(metricValue(run, 'r1', 'skill')).toMatchObject({value: '4.00', score: '75.00'});
    expect(metricValue(run, 'r2', 'skill')?.value).toBeNull();
    expect(metricValue(run, 'r3', 'skill')?.value).toBeNull();
    expect(run.issues.find((i) => i.code === 'engine.participant.notNumber')?.recordIds).toEqual(['r2']);
  });
});

describe('the exact running sum', () => {
  it('equals the decimal sum on amounts with and without the integer fast path', () => {
    const values = [0.1, 0.2, 1234.56, -99.99, 1e-7, 123456789.1234, 3.14159265358979, 2 ** 53, 1e15];
    const sum = new ExactSum();
    values.forEach((v) => sum.add(v));
    const expected = values.reduce((a, v) => a.plus(new D(v)), new D(0));
    expect(sum.value().toString()).toBe(expected.toString());
  });
  it('only uses integer units when the reading is exact', () => {
    expect(toUnits(1234.56)).toBe(12345600);
    expect(toUnits(0.00001)).toBeNull();
    expect(toUnits(1e15)).toBeNull();
  });
  it('stays exact past 2^53 units by flushing into decimals', () => {
    const sum = new ExactSum();
    for (let i = 0; i < 1000; i++) sum.add(99_999_999_999.9999);
    expect(sum.value().toString()).toBe(new D('99999999999.9999').times(1000).toString());
  });
});

describe('filters', () => {
  it('compares numbers as numbers, links by membership, and emptiness', () => {
    const field = F.amount;
    expect(matchesFilter({field, op: 'eq', value: '10'}, '10.0')).toBe(true);
    expect(matchesFilter({field, op: 'gt', value: '9.5'}, 10)).toBe(true);
    expect(matchesFilter({field, op: 'lt', value: 'x'}, 10)).toBe(false);
    expect(matchesFilter({field, op: 'eq', value: 'recA'}, ['recB', 'recA'])).toBe(true);
    expect(matchesFilter({field, op: 'neq', value: '转介绍'}, '活动')).toBe(true);
    expect(matchesFilter({field, op: 'isEmpty'}, [])).toBe(true);
    expect(matchesFilter({field, op: 'notEmpty'}, '')).toBe(false);
    expect(matchesFilter({field, op: 'isTrue'}, true)).toBe(true);
    expect(matchesFilter({field, op: 'isTrue'}, null)).toBe(false);
  });
});
