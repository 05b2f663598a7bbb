import {
  bestMatch,
  fitsResult,
  fitsRole,
  matchChoice,
  matchName,
  matchParticipantLink,
  matchResultFields,
  matchTables,
  matchUpline,
  normalizeName,
  primaryFieldId,
  valueType,
} from '../src/fieldMatch';
import {demoSchema, englishSchema} from './planSchemas';

const named = (...names: string[]) => names.map((name, i) => ({id: `f${i}`, name}));

describe('name matching', () => {
  it('compares names without case, spaces or separators', () => {
    expect(normalizeName(' Sales_Rep ')).toBe('salesrep');
    expect(matchName('Base Salary', 'base salary')).toBe('exact');
    expect(matchName('base-salary', 'Base salary')).toBe('exact');
  });

  it('finds a Chinese pattern inside a name and English patterns only as whole words', () => {
    expect(matchName('实际到账金额', '到账')).toBe('contains');
    expect(matchName('Order amount', 'amount')).toBe('contains');
    expect(matchName('Report', 'rep')).toBeNull();
    expect(matchName('Reps', 'rep')).toBeNull();
    expect(matchName('订单', '金额')).toBeNull();
  });

  it('prefers any exact match to a partial one, then the earlier pattern', () => {
    expect(bestMatch(named('实际到账金额', '订单金额'), ['订单金额', '金额'])?.name).toBe('订单金额');
    expect(bestMatch(named('实际到账金额', '备注'), ['订单金额', '金额'])?.name).toBe('实际到账金额');
    expect(bestMatch(named('Amount received', 'Amount'), ['Order amount', 'Amount'])?.name).toBe('Amount');
  });

  it('skips excluded candidates so one field serves one role', () => {
    expect(bestMatch(named('订单金额', '实际到账金额'), ['金额'], new Set(['f0']))?.name).toBe('实际到账金额');
    expect(bestMatch(named('订单金额'), ['金额'], new Set(['f0']))).toBeUndefined();
  });
});

describe('field types per role', () => {
  it('accepts numbers and computed numbers as an amount but not text', () => {
    expect(fitsRole({type: 'currency'}, 'number')).toBe(true);
    expect(fitsRole({type: 'rollup', resultType: 'currency'}, 'number')).toBe(true);
    expect(fitsRole({type: 'singleLineText'}, 'number')).toBe(false);
    expect(fitsRole({type: 'multipleRecordLinks'}, 'link')).toBe(true);
    expect(fitsRole({type: 'singleSelect'}, 'link')).toBe(false);
    expect(fitsRole({type: 'createdTime'}, 'date')).toBe(true);
    expect(fitsRole({type: 'checkbox'}, 'date')).toBe(false);
  });

  it('lets a lookup, rollup or formula serve a role by its result type only', () => {
    const lookup = (resultType?: string) => ({type: 'multipleLookupValues', resultType});
    expect(fitsRole(lookup('number'), 'number')).toBe(true);
    expect(fitsRole(lookup('currency'), 'money')).toBe(true);
    expect(fitsRole(lookup('singleLineText'), 'number')).toBe(false);
    expect(fitsRole(lookup('checkbox'), 'date')).toBe(false);
    expect(fitsRole(lookup('checkbox'), 'flag')).toBe(true);
    expect(fitsRole(lookup('dateTime'), 'date')).toBe(true);
    expect(fitsRole(lookup('singleSelect'), 'label')).toBe(true);
    // A lookup of links names people (the validator checks the linked table), a lookup of names too.
    expect(fitsRole(lookup('multipleRecordLinks'), 'label')).toBe(true);
    expect(fitsRole({type: 'formula', resultType: 'percent'}, 'rating')).toBe(true);
    expect(fitsRole({type: 'rollup', resultType: 'singleLineText'}, 'money')).toBe(false);
    // No result type (a lookup not set up): nothing can be read from it, only 'any' takes it.
    expect(fitsRole(lookup(undefined), 'number')).toBe(false);
    expect(fitsRole(lookup(undefined), 'any')).toBe(true);
    expect(valueType(lookup('rating'))).toBe('rating');
    expect(valueType({type: 'duration'})).toBe('duration');
  });

  it('refuses computed fields and unfitting types as results', () => {
    expect(fitsResult({type: 'currency', isComputed: false}, 'bonus')).toBe(true);
    expect(fitsResult({type: 'formula', isComputed: true}, 'bonus')).toBe(false);
    expect(fitsResult({type: 'singleLineText', isComputed: false}, 'bonus')).toBe(false);
    expect(fitsResult({type: 'singleSelect', isComputed: false}, 'grade')).toBe(true);
    expect(fitsResult({type: 'dateTime', isComputed: false}, 'calculatedAt')).toBe(true);
  });
});

describe('matching the demo base', () => {
  const schema = demoSchema();
  const byName = (name: string) => schema.tables.find((t) => t.name === name)!;

  it('finds every concept table, 客户 and 客户评价 kept apart', () => {
    const found = matchTables(schema.tables);
    expect(Object.fromEntries(Object.entries(found).map(([k, t]) => [k, t!.id]))).toEqual({
      people: 'tblReps',
      orders: 'tblOrders',
      customers: 'tblCustomers',
      reviews: 'tblReviews',
      evaluations: 'tblEvals',
      teamwork: 'tblTeamwork',
    });
  });

  it('finds the participant link to the people table and the self-link upline', () => {
    expect(matchParticipantLink(byName('订单'), 'tblReps')?.id).toBe('fldOrdersRep');
    expect(matchParticipantLink(byName('客户'), 'tblReps')?.id).toBe('fldCustomersOwner');
    expect(matchUpline(byName('销售人员'))?.id).toBe('fldRepsUpline');
  });

  it('takes a link to the people table over a text field of the same name', () => {
    const orders = {
      id: 't',
      name: 'Orders',
      fields: [
        {id: 'a', name: 'Rep', type: 'singleLineText', isComputed: false},
        {id: 'b', name: 'Seller link', type: 'multipleRecordLinks', isComputed: false, linkedTableId: 'people'},
        {id: 'c', name: 'Customer', type: 'multipleRecordLinks', isComputed: false, linkedTableId: 'customers'},
      ],
    };
    expect(matchParticipantLink(orders, 'people')?.id).toBe('b');
    expect(matchParticipantLink(orders, 'other')?.id).toBe('a');
  });

  it('finds the result fields and refuses the computed 销售额汇总', () => {
    const results = matchResultFields(byName('销售人员'));
    expect(Object.keys(results).sort()).toHaveLength(12);
    expect(results.totalScore?.id).toBe('fldRepsTotalScore');
    expect(results.performancePay?.id).toBe('fldRepsPerfPay');
    expect(results.bonus?.id).toBe('fldRepsBonus');
    expect(results.teamBonus?.id).toBe('fldRepsTeamBonus');
    expect(Object.values(results).map((f) => f!.id)).not.toContain('fldRepsSalesRollup');
  });

  it('never proposes an input field as a result', () => {
    const results = matchResultFields(byName('销售人员'), new Set(['fldRepsTotalScore']));
    expect(results.totalScore).toBeUndefined();
  });

  it('never proposes the primary field as a result, even when its name fits one', () => {
    const people = byName('销售人员');
    // A base whose people are named in a text field called "明细" (breakdown) as primary.
    const renamed = {...people, fields: people.fields.map((f, i) => (i === 0 ? {...f, name: '绩效明细 (name)'} : f)).filter((f) => f.id !== 'fldRepsBreakdown')};
    expect(primaryFieldId(renamed)).toBe(people.fields[0].id);
    expect(matchResultFields(renamed).breakdown).toBeUndefined();
    expect(primaryFieldId({...renamed, primaryFieldId: 'fldOther'})).toBe('fldOther');
  });

  it('finds select choices by name', () => {
    const origin = byName('客户').fields.find((f) => f.name === '来源');
    expect(matchChoice(origin, ['转介绍', 'Referral'])).toBe('转介绍');
    expect(matchChoice(undefined, ['转介绍'])).toBeUndefined();
  });
});

describe('matching an English base', () => {
  const schema = englishSchema();
  it('finds tables and results by English names, exact names first', () => {
    const found = matchTables(schema.tables);
    expect(found.people?.id).toBe('tblP');
    expect(found.reviews?.id).toBe('tblR');
    expect(found.teamwork?.id).toBe('tblA');
    const results = matchResultFields(found.people!);
    expect(results.bonus?.name).toBe('Bonus');
    expect(results.teamBonus?.name).toBe('Team bonus');
    // "Total pay" is a formula there: refused, left for the user to create.
    expect(results.totalPay).toBeUndefined();
    expect(results.calculatedAt?.name).toBe('Calculated at');
  });
});
