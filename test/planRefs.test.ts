import {fieldReferences, inputReferences, isCompleteRef, participantInputs, peopleInputs, sourceInputs, tableReferences} from '../src/planRefs';
import {createTemplate} from '../src/template';
import type {PlanDocument} from '../src/plan';
import {F, makePlan, salesMetric, satisfactionMetric} from './support/planFixtures';
import {demoSchema} from './planSchemas';

/** A plan with one reference of every kind, and two versions. */
function everyKind(): PlanDocument {
  const plan = makePlan({
    metrics: [
      salesMetric({source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: F.amount, filter: {field: F.status, op: 'eq', value: '已完成'}}}),
      satisfactionMetric(),
      {
        ...salesMetric(),
        id: 'complaints',
        source: {kind: 'source', sourceId: 'reviews', aggregation: 'rate', rateFilter: {field: F.complaint, op: 'isTrue'}},
        target: {kind: 'participantField', field: F.personalTarget},
        weight: '5',
      },
      {...satisfactionMetric(), id: 'skill', source: {kind: 'participant', field: F.skill}, weight: '5'},
    ],
  });
  plan.mapping.people = {table: {id: 'tblReps', name: '销售人员'}, upline: {id: 'fldRepsUpline', name: '上级'}, tier: {id: 'fldRepsTier', name: '级别'}};
  plan.mapping.results = {totalScore: {id: 'fldRepsTotal', name: '总分'}, breakdown: {id: 'fldRepsBreakdown', name: '明细'}};
  plan.versions.push({...JSON.parse(JSON.stringify(plan.versions[0])), id: 'v2', effectiveFrom: '2027-01-01'});
  return plan;
}

describe('the walk over a plan’s references', () => {
  it('yields every field reference exactly once, with its path, table, use, kind and whether it is required', () => {
    const plan = everyKind();
    const refs = [...fieldReferences(plan)];
    const rows = refs.map((r) => [r.path, r.sourceId ?? 'people', r.tableRef?.id, r.ref?.id, r.use, r.kind, r.required]);
    const version = (v: number) => [
      [`versions[${v}].metrics[0].source.field`, 'orders', 'tblOrders', F.amount.id, 'value', 'number', true],
      [`versions[${v}].metrics[0].source.filter.field`, 'orders', 'tblOrders', F.status.id, 'filter', 'any', true],
      [`versions[${v}].metrics[1].source.field`, 'reviews', 'tblReviews', F.rating.id, 'value', 'rating', true],
      [`versions[${v}].metrics[2].source.rateFilter.field`, 'reviews', 'tblReviews', F.complaint.id, 'rateFilter', 'flag', true],
      [`versions[${v}].metrics[2].target.field`, 'people', 'tblReps', F.personalTarget.id, 'targetField', 'number', true],
      [`versions[${v}].metrics[3].source.field`, 'people', 'tblReps', F.skill.id, 'participantValue', 'rating', true],
    ];
    expect(rows).toEqual([
      ['mapping.people.upline', 'people', 'tblReps', 'fldRepsUpline', 'upline', 'upline', false],
      ['mapping.people.tier', 'people', 'tblReps', 'fldRepsTier', 'tier', 'label', false],
      ['mapping.sources[0].participant', 'orders', 'tblOrders', 'fldOrdersRep', 'participant', 'participant', true],
      ['mapping.sources[0].date', 'orders', 'tblOrders', 'fldOrdersDate', 'date', 'date', false],
      ['mapping.sources[1].participant', 'reviews', 'tblReviews', 'fldReviewsRep', 'participant', 'participant', true],
      ['mapping.sources[1].date', 'reviews', 'tblReviews', 'fldReviewsDate', 'date', 'date', false],
      ['mapping.sources[2].participant', 'customers', 'tblCustomers', 'fldCustomersOwner', 'participant', 'participant', true],
      ['mapping.sources[2].date', 'customers', 'tblCustomers', 'fldCustomersDate', 'date', 'date', false],
      ...version(0),
      ...version(1),
      ['mapping.results.totalScore', 'people', 'tblReps', 'fldRepsTotal', 'result', 'result', false],
      ['mapping.results.breakdown', 'people', 'tblReps', 'fldRepsBreakdown', 'result', 'result', false],
    ]);
    // The reference is the plan's own object: import re-points it in place.
    expect(refs[0].ref).toBe(plan.mapping.people!.upline);
  });

  it('lists a required slot also when it is empty, and every path of the template once', () => {
    const plan = createTemplate(demoSchema(), '2026-03-01');
    const paths = [...fieldReferences(plan)].map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    const count = plan.versions[0].metrics.find((m) => m.source.kind === 'source' && m.source.aggregation === 'count')!;
    expect(paths.some((p) => p.startsWith(`versions[0].metrics[${plan.versions[0].metrics.indexOf(count)}].source.field`))).toBe(false);
    const sum = everyKind();
    delete (sum.versions[0].metrics[0].source as {field?: unknown}).field;
    const empty = [...fieldReferences(sum)].find((r) => r.path === 'versions[0].metrics[0].source.field')!;
    expect(empty).toMatchObject({ref: undefined, required: true});
  });

  it('gives the tables with their paths', () => {
    expect([...tableReferences(everyKind())].map((t) => [t.path, t.sourceId ?? 'people', t.ref?.id])).toEqual([
      ['mapping.people.table', 'people', 'tblReps'],
      ['mapping.sources[0].table', 'orders', 'tblOrders'],
      ['mapping.sources[1].table', 'reviews', 'tblReviews'],
      ['mapping.sources[2].table', 'customers', 'tblCustomers'],
    ]);
  });

  it('gives the read what it loads: fields per source, the participant’s own fields, everything read from the people table', () => {
    const plan = everyKind();
    expect(Object.fromEntries([...sourceInputs(plan)].map(([id, refs]) => [id, refs.map((r) => r.id)]))).toEqual({
      orders: [F.amount.id, F.status.id, F.amount.id, F.status.id],
      reviews: [F.rating.id, F.complaint.id, F.rating.id, F.complaint.id],
    });
    expect(participantInputs(plan).map((r) => r.id)).toEqual([F.personalTarget.id, F.skill.id, F.personalTarget.id, F.skill.id]);
    expect(peopleInputs(plan).map((r) => r.path)).toEqual([
      'mapping.people.upline',
      'mapping.people.tier',
      'versions[0].metrics[2].target.field',
      'versions[0].metrics[3].source.field',
      'versions[1].metrics[2].target.field',
      'versions[1].metrics[3].source.field',
    ]);
    expect([...inputReferences(plan)].some((r) => r.use === 'result')).toBe(false);
  });

  it('never throws on a document of any shape, and tells complete references from the rest', () => {
    for (const junk of [null, 42, 'plan', [], {mapping: 3, versions: [null, {metrics: [null, {source: 7}]}]}]) {
      expect(() => [...fieldReferences(junk as never), ...tableReferences(junk as never)]).not.toThrow();
    }
    expect([{id: 'fld', name: ''}, {id: '', name: 'x'}, {name: 'x'}, null, 'fld'].map(isCompleteRef)).toEqual([true, false, false, false, false]);
  });
});
