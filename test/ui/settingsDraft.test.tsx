import type {PlanDocument} from '../../src/plan';
import type {Issue} from '../../src/results';
import {createTemplate} from '../../src/template';
import {addVersionCopy, blankPlan, copyVersion, dayBefore, firstOfNextMonth, editPlan, issuesAt, nextPeriod, sameIssuesAt, unplacedIssues, weightSum} from '../../frontend/settings/draft';
import {inputFieldIds} from '../../src/planRefs';
import {createdFieldConfig, RESULT_SPECS} from '../../frontend/settings/fieldRoles';
import {exportFileName} from '../../frontend/settings/exportName';
import {fitTemplate} from '../../frontend/settings/fitTemplate';

const issue = (path: string): Issue => ({code: 'x', severity: 'error', message: {zh: path, en: path}, path});

describe('settings draft helpers', () => {
  it('places an issue on its control and below, never on a sibling with a longer index', () => {
    const issues = [issue('versions[0].metrics[2].weight'), issue('versions[0].metrics[20].weight'), issue('versions[0].metrics')];
    expect(issuesAt(issues, 'versions[0].metrics[2]').map((i) => i.path)).toEqual(['versions[0].metrics[2].weight']);
    expect(issuesAt(issues, 'versions[0].metrics', true).map((i) => i.path)).toEqual(['versions[0].metrics']);
    expect(unplacedIssues([issue('other.thing'), issue('mapping.people')], ['mapping']).map((i) => i.path)).toEqual(['other.thing']);
  });

  it('sums weights exactly as typed, ignoring text that is not a number yet', () => {
    const metrics = [{weight: '33.3'}, {weight: '33.3'}, {weight: '33.4'}] as PlanDocument['versions'][0]['metrics'];
    expect(weightSum({metrics})).toEqual({sum: '100', complete: true});
    const typing = [{weight: '60'}, {weight: '3a'}, {weight: '10.'}] as PlanDocument['versions'][0]['metrics'];
    expect(weightSum({metrics: typing})).toEqual({sum: '70', complete: false});
  });

  it('lists every input field of the template so that none can become a result field', () => {
    const plan = createTemplate();
    plan.mapping.people = {table: {id: 'tblP', name: 'P'}, upline: {id: 'fldUp', name: '上级'}};
    plan.versions[0].metrics[0].target = {kind: 'participantField', field: {id: 'fldTarget', name: '目标'}};
    const ids = inputFieldIds(plan);
    expect(ids.has('fldUp')).toBe(true);
    expect(ids.has('fldTarget')).toBe(true);
  });

  it('adds the next month and quarter after the listed ones, and copies a version with a fresh id', () => {
    const plan = blankPlan({id: 'tblP', name: 'P'}, '2026-11-15');
    expect(plan.periods.map((p) => p.id)).toEqual(['2026-11']);
    expect(nextPeriod(plan, 'month', '2026-11-15').id).toBe('2026-12');
    plan.periods.push(nextPeriod(plan, 'month', '2026-11-15'));
    expect(nextPeriod(plan, 'month', '2026-11-15').id).toBe('2027-01');
    expect(nextPeriod(plan, 'quarter', '2026-11-15').id).toBe('2026-Q4');
    const copy = copyVersion(plan, plan.versions[0], '2026-12-01');
    expect(copy.id).not.toBe(plan.versions[0].id);
    expect(copy.effectiveFrom).toBe('2026-12-01');
    expect(copy.metrics).toEqual(plan.versions[0].metrics);
  });

  it('creates money results in the plan currency and grades as a select of the plan grades', () => {
    const plan = createTemplate();
    const bonus = RESULT_SPECS.find((s) => s.key === 'bonus')!;
    const grade = RESULT_SPECS.find((s) => s.key === 'grade')!;
    expect(createdFieldConfig(bonus, plan)).toEqual({type: 'currency', options: {precision: 2, symbol: '¥'}});
    expect(createdFieldConfig(grade, plan)).toEqual({type: 'singleSelect', options: {choices: plan.versions[0].grades.map((g) => ({name: g.grade}))}});
  });

  it('names an export file after the plan', () => {
    expect(exportFileName({name: '直销方案 2026'})).toBe('直销方案-2026.plan.json');
    expect(exportFileName({name: '  '})).toBe('plan.plan.json');
  });
});

describe('an edit of the draft (immer)', () => {
  it('keeps the identity of unchanged parts and replaces the changed path only, leaving the draft before as it was', () => {
    const prev = createTemplate();
    const before = JSON.stringify(prev);
    const next = editPlan(prev, (d) => void (d.versions[0].metrics[0].weight = '50'));
    expect(next).not.toBe(prev);
    expect(next.mapping).toBe(prev.mapping);
    expect(next.versions[0].grades).toBe(prev.versions[0].grades);
    expect(next.versions[0].metrics[1]).toBe(prev.versions[0].metrics[1]);
    expect(next.versions[0].metrics[0]).not.toBe(prev.versions[0].metrics[0]);
    expect(next.versions[0].metrics[0].weight).toBe('50');
    expect(JSON.stringify(prev)).toBe(before);
  });

  it('returns the same draft when the edit changes nothing', () => {
    const prev = createTemplate();
    expect(editPlan(prev, (d) => void (d.versions[0].metrics[0].weight = prev.versions[0].metrics[0].weight))).toBe(prev);
  });

  it('removes a deleted key and array item', () => {
    const prev = createTemplate();
    const next = editPlan(prev, (d) => {
      delete d.mapping.people;
      d.versions[0].metrics.pop();
    });
    expect('people' in next.mapping).toBe(false);
    expect(next.versions[0].metrics).toHaveLength(prev.versions[0].metrics.length - 1);
  });

  it('adds a version copy that shares nothing with the version it copies', () => {
    const prev = createTemplate(undefined, '2026-02-10');
    const next = editPlan(prev, (d) => void addVersionCopy(d, 0, '2026-03-01'));
    expect(next.versions).toHaveLength(2);
    expect(next.versions[1].metrics).toEqual(prev.versions[0].metrics);
    const edited = editPlan(next, (d) => void (d.versions[1].metrics[0].weight = '1'));
    expect(edited.versions[0].metrics[0].weight).toBe(prev.versions[0].metrics[0].weight);
  });
});

describe('sameIssuesAt', () => {
  it('compares what two issue lists say about one control, not their identity', () => {
    const a = [issue('versions[0].metrics[2].weight'), issue('currency.code')];
    const b = [issue('versions[0].metrics[2].weight')];
    expect(sameIssuesAt(a, b, 'versions[0].metrics[2]')).toBe(true);
    expect(sameIssuesAt(a, b, 'currency')).toBe(false);
    const reworded = [{...issue('versions[0].metrics[2].weight'), message: {zh: '新', en: 'new'}}];
    expect(sameIssuesAt(a, reworded, 'versions[0].metrics[2]')).toBe(false);
  });
});

describe('plan versions', () => {
  it('adds a copy from the next month and ends the copied version the day before', () => {
    const plan = createTemplate(undefined, '2026-02-10');
    expect(firstOfNextMonth('2026-12-31')).toBe('2027-01-01');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    const index = addVersionCopy(plan, 0, firstOfNextMonth('2026-02-10'));
    expect(index).toBe(1);
    expect(plan.versions[0].effectiveTo).toBe('2026-02-28');
    expect(plan.versions[1].effectiveFrom).toBe('2026-03-01');
    expect(plan.versions[1].effectiveTo).toBeUndefined();
    expect(plan.versions[1].metrics).toEqual(plan.versions[0].metrics);
  });
});

describe('the wizard fitting the template to the tables the user chose', () => {
  const schema = {
    tables: [
      {id: 'tblReps', name: '销售人员', fields: [{id: 'fldName', name: '姓名', type: 'singleLineText', isComputed: false}, {id: 'fldUp', name: '上级', type: 'multipleRecordLinks', isComputed: false, linkedTableId: 'tblReps'}, {id: 'fldScore', name: '总分', type: 'number', isComputed: false}]},
      {id: 'tblStaff', name: '员工花名册', fields: [{id: 'fldStaffName', name: 'Name', type: 'singleLineText', isComputed: false}]},
      {id: 'tblOrders', name: '订单', fields: [{id: 'fldRep', name: '销售人员', type: 'multipleRecordLinks', isComputed: false, linkedTableId: 'tblReps'}, {id: 'fldAmt', name: '订单金额', type: 'currency', isComputed: false}, {id: 'fldDate', name: '下单日期', type: 'date', isComputed: false}]},
      {id: 'tblDeals', name: '成交记录', fields: [{id: 'fldDealAmt', name: 'Amount', type: 'currency', isComputed: false}]},
    ],
  };

  it('keeps the name matches where the user kept the matched tables', () => {
    const plan = fitTemplate(createTemplate(schema, '2026-01-15'), {id: 'tblReps', name: '销售人员'}, {orders: {id: 'tblOrders', name: '订单'}});
    expect(plan.mapping.people?.upline?.id).toBe('fldUp');
    expect(plan.mapping.results.totalScore?.id).toBe('fldScore');
    const orders = plan.mapping.sources.find((s) => s.id === 'orders')!;
    expect(orders.participant.id).toBe('fldRep');
    expect(orders.date?.id).toBe('fldDate');
  });

  it('drops the matches of a table the user replaced, leaving them to pick', () => {
    const plan = fitTemplate(createTemplate(schema, '2026-01-15'), {id: 'tblStaff', name: '员工花名册'}, {orders: {id: 'tblDeals', name: '成交记录'}});
    expect(plan.mapping.people).toEqual({table: {id: 'tblStaff', name: '员工花名册'}});
    expect(plan.mapping.results).toEqual({});
    const orders = plan.mapping.sources.find((s) => s.id === 'orders')!;
    expect(orders.table.id).toBe('tblDeals');
    expect(orders.participant.id).toBe('');
    const sales = plan.versions[0].metrics.find((m) => m.id === 'sales')!;
    expect(sales.source.kind === 'source' && sales.source.field?.id).toBe('');
  });
});
