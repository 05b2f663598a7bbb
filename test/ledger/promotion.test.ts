/**
 * Promotion suggestions (docs/plan.md §14) from rows as the SDK reads them: the grades written,
 * the periods closed in the ledger's state, the plan's period order and grade bands.
 */
import fc from 'fast-check';
import {readRow, type ResultRow} from '../../src/ledger/rows';
import {closedStretch, periodOrder, promotionFor, promotionSuggestions, withPromotions} from '../../src/ledger/promotion';
import type {PeriodState} from '../../src/ledger/status';
import {monthPeriod} from '../../src/period';
import type {GradeBand, PlanVersion, PromotionRule} from '../../src/plan';
import {feedbackLines} from '../../src/i18n/results';
import {ledgerCells} from '../../src/ledger/cells';
import type {ParticipantResult} from '../../src/results';

const GRADES: GradeBand[] = [
  {grade: 'S', min: '110', coefficient: '1.5'},
  {grade: 'A', min: '100', max: '110', coefficient: '1.2'},
  {grade: 'B', min: '85', max: '100', coefficient: '1'},
  {grade: 'C', min: '70', max: '85', coefficient: '0.8'},
  {grade: 'D', min: '0', max: '70', coefficient: '0.5'},
];
const version = (id: string, effectiveFrom: string, grades: GradeBand[], effectiveTo?: string): PlanVersion =>
  ({id, label: id, effectiveFrom, effectiveTo, metrics: [], grades, incentives: {} as PlanVersion['incentives'], feedback: {strengths: 0, weakest: 0}}) as PlanVersion;

/** Twelve months of 2026, the plan's periods. */
const PERIODS = Array.from({length: 12}, (_, i) => monthPeriod(2026, i + 1));
const ids = (from: number, to: number) => PERIODS.slice(from - 1, to).map((p) => p.id);
const NEW_TO_SENIOR: PromotionRule = {fromTier: '新人', minGrade: 'A', periods: 3, toTier: '资深'};
const plan = (promotion: PromotionRule[] = [NEW_TO_SENIOR], versions = [version('v2026', '2026-01-01', GRADES)]) => ({periods: PERIODS, versions, promotion});

const CLOSED: PeriodState = {status: 'closed'};
const closed = (...periodIds: string[]): Record<string, PeriodState> => Object.fromEntries(periodIds.map((id) => [id, CLOSED]));

/** A row as the SDK reads it: the link `[{id, name}]`, the period and grade as text. */
const row = (periodId: string, grade: string | null, participant = 'recLi', name = '李娜'): ResultRow =>
  readRow(`rec-${participant}-${periodId}-${Math.random()}`, {participant: [{id: participant, name}], period: periodId, grade}, {grade: 'singleLineText'});
/** One row per month from January, graded in order. */
const graded = (grades: (string | null)[], participant?: string) => grades.map((grade, i) => row(PERIODS[i].id, grade, participant));

describe('promotionFor', () => {
  it('suggests the tier after three closed periods at A or better, naming them oldest first', () => {
    const suggestion = promotionFor({plan: plan(), periodId: '2026-04', states: closed(...ids(1, 3)), rows: graded(['A', 'S', 'A']), tier: '新人'});
    expect(suggestion).toEqual({toTier: '资深', minGrade: 'A', periods: ['2026-01', '2026-02', '2026-03']});
  });

  it('does not suggest when a period of the run is graded below, its row is missing, or it has two rows', () => {
    const states = closed(...ids(1, 3));
    expect(promotionFor({plan: plan(), periodId: '2026-04', states, rows: graded(['A', 'B', 'A']), tier: '新人'})).toBeNull();
    expect(promotionFor({plan: plan(), periodId: '2026-04', states, rows: [row('2026-01', 'A'), row('2026-03', 'A')], tier: '新人'})).toBeNull();
    expect(promotionFor({plan: plan(), periodId: '2026-04', states, rows: [...graded(['A', 'A', 'A']), row('2026-02', 'A')], tier: '新人'})).toBeNull();
    // An empty grade (a total in a gap) is below every grade.
    expect(promotionFor({plan: plan(), periodId: '2026-04', states, rows: graded(['A', null, 'A']), tier: '新人'})).toBeNull();
  });

  it('counts only closed periods: an approved one in the run breaks it, one after the latest closed does not', () => {
    const rows = graded(['A', 'A', 'A', 'A']);
    const approvedMarch = {...closed('2026-01', '2026-02', '2026-04'), '2026-03': {status: 'approved' as const}};
    expect(promotionFor({plan: plan(), periodId: '2026-05', states: approvedMarch, rows, tier: '新人'})).toBeNull();
    const approvedApril = {...closed(...ids(1, 3)), '2026-04': {status: 'approved' as const}};
    expect(promotionFor({plan: plan(), periodId: '2026-05', states: approvedApril, rows, tier: '新人'})?.periods).toEqual(ids(1, 3));
    // Nothing closed yet: nothing to judge.
    expect(promotionFor({plan: plan(), periodId: '2026-04', states: {}, rows, tier: '新人'})).toBeNull();
  });

  it('ends at the latest closed period before the one computed: later closed periods do not count', () => {
    const rows = graded(['A', 'A', 'A', 'A', 'D']);
    expect(promotionFor({plan: plan(), periodId: '2026-04', states: closed(...ids(1, 5)), rows, tier: '新人'})?.periods).toEqual(ids(1, 3));
    expect(promotionFor({plan: plan(), periodId: '2026-06', states: closed(...ids(1, 5)), rows, tier: '新人'})).toBeNull();
  });

  it('suggests from the latest N of a longer run', () => {
    const suggestion = promotionFor({plan: plan(), periodId: '2026-07', states: closed(...ids(1, 6)), rows: graded(['A', 'A', 'A', 'A', 'S', 'A']), tier: '新人'});
    expect(suggestion?.periods).toEqual(ids(4, 6));
  });

  it('applies a rule to its tier only, never to a person already at the tier suggested; a rule without tier to any', () => {
    const input = {plan: plan(), periodId: '2026-04', states: closed(...ids(1, 3)), rows: graded(['A', 'A', 'A'])};
    expect(promotionFor({...input, tier: '资深'})).toBeNull();
    expect(promotionFor({...input, tier: null})).toBeNull();
    const anyTier: PromotionRule = {minGrade: 'S', periods: 2, toTier: '高级经理'};
    expect(promotionFor({...input, plan: plan([anyTier]), tier: null})).toBeNull();
    expect(promotionFor({...input, plan: plan([anyTier]), rows: graded(['B', 'S', 'S']), tier: null})).toEqual({toTier: '高级经理', minGrade: 'S', periods: ['2026-02', '2026-03']});
    expect(promotionFor({...input, plan: plan([anyTier]), rows: graded(['B', 'S', 'S']), tier: '高级经理'})).toBeNull();
  });

  it('takes the first rule that suggests', () => {
    const rules: PromotionRule[] = [{minGrade: 'S', periods: 3, toTier: '高级经理'}, NEW_TO_SENIOR, {minGrade: 'B', periods: 1, toTier: '组长'}];
    const input = {plan: plan(rules), periodId: '2026-04', states: closed(...ids(1, 3)), tier: '新人'};
    expect(promotionFor({...input, rows: graded(['S', 'S', 'S'])})?.toTier).toBe('高级经理');
    expect(promotionFor({...input, rows: graded(['S', 'A', 'S'])})?.toTier).toBe('资深');
    expect(promotionFor({...input, rows: graded(['D', 'D', 'B'])})?.toTier).toBe('组长');
  });

  it("ranks each period's grade by the bands of the version in force for it", () => {
    // From March the plan grades with words; "A" is not among them, so March cannot count as A or better.
    const words: GradeBand[] = [
      {grade: '优秀', min: '100', coefficient: '1.2'},
      {grade: '合格', min: '0', max: '100', coefficient: '1'},
    ];
    const versions = [version('v1', '2026-01-01', GRADES, '2026-02-28'), version('v2', '2026-03-01', words)];
    const input = {periodId: '2026-04', states: closed(...ids(1, 3)), tier: '新人'};
    expect(promotionFor({...input, plan: plan([NEW_TO_SENIOR], versions), rows: graded(['A', 'A', '优秀'])})).toBeNull();
    expect(promotionFor({...input, plan: plan([{...NEW_TO_SENIOR, periods: 2}], [version('v1', '2026-01-01', GRADES, '2026-03-31'), version('v2', '2026-04-01', words)]), rows: graded(['B', 'A', 'S'])})?.periods).toEqual(['2026-02', '2026-03']);
  });

  it('follows the plan order by start date, not the order the periods are listed in', () => {
    const shuffled = [PERIODS[2], PERIODS[0], PERIODS[3], PERIODS[1]];
    expect(periodOrder(shuffled).map((p) => p.id)).toEqual(ids(1, 4));
    const suggestion = promotionFor({plan: {...plan(), periods: shuffled}, periodId: '2026-04', states: closed(...ids(1, 3)), rows: graded(['A', 'A', 'A']), tier: '新人'});
    expect(suggestion?.periods).toEqual(ids(1, 3));
    expect(closedStretch(shuffled, '2026-04', closed('2026-01', '2026-03')).map((p) => p.id)).toEqual(['2026-03']);
  });
});

describe('promotion properties', () => {
  const GOOD = ['S', 'A'];
  const BELOW = ['B', 'C', 'D'];
  /** A period as the test builds it: closed or not, and its rows. */
  type Shape = {closed: boolean; rows: readonly (string | null)[]};
  const anyPeriod: fc.Arbitrary<Shape> = fc.record({
    closed: fc.boolean(),
    rows: fc.oneof(fc.constant([] as (string | null)[]), fc.constantFrom(...GOOD, ...BELOW).map((g) => [g]), fc.constant([null]), fc.constant(['A', 'A'])),
  });
  const good: fc.Arbitrary<Shape> = fc.constantFrom(...GOOD).map((grade) => ({closed: true, rows: [grade]}));

  function judge(shapes: Shape[], rule: PromotionRule) {
    const periodId = PERIODS[shapes.length].id;
    const states = Object.fromEntries(shapes.flatMap((shape, i) => (shape.closed ? [[PERIODS[i].id, CLOSED]] : [])));
    const rows = shapes.flatMap((shape, i) => shape.rows.map((grade) => row(PERIODS[i].id, grade)));
    return promotionFor({plan: plan([rule]), periodId, states, rows, tier: '新人'});
  }

  it('a run of N good closed periods right before the open one always suggests, naming exactly those N', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 5}), fc.array(anyPeriod, {maxLength: 5}), fc.array(good, {minLength: 5, maxLength: 5}), (n, before, run) => {
        const shapes = [...before, ...run.slice(0, n)];
        const suggestion = judge(shapes, {...NEW_TO_SENIOR, periods: n});
        expect(suggestion).toEqual({toTier: '资深', minGrade: 'A', periods: PERIODS.slice(before.length, shapes.length).map((p) => p.id)});
      }),
    );
  });

  it('any break (a lower grade, no row, two rows, not closed) followed by fewer than N good periods suggests nothing', () => {
    const breaks: fc.Arbitrary<Shape> = fc.oneof(
      fc.constantFrom(...BELOW).map((grade) => ({closed: true, rows: [grade]})),
      fc.constant({closed: true, rows: []}),
      fc.constant({closed: true, rows: [null]}),
      fc.constant({closed: true, rows: ['A', 'S']}),
      fc.constant({closed: false, rows: ['A']}),
    );
    fc.assert(
      fc.property(fc.integer({min: 1, max: 5}), fc.array(anyPeriod, {maxLength: 5}), breaks, fc.array(good, {maxLength: 4}), (n, before, broken, after) => {
        const kept = after.slice(0, n - 1);
        // A period left open with nothing closed after it is no break: the run then ends before it.
        fc.pre(broken.closed || kept.length > 0);
        expect(judge([...before, broken, ...kept], {...NEW_TO_SENIOR, periods: n})).toBeNull();
      }),
    );
  });
});

describe('suggestions for a run', () => {
  const result = (participantId: string, name: string): ParticipantResult =>
    ({participantId, name, metrics: [], totalScore: '105.00', grade: 'A', rank: 1, performancePay: '0', bonuses: [], bonus: '0', teamBonus: '0', award: '0', totalPay: '0', honours: [], feedback: {strengths: [], weakest: []}, breakdown: [], inCycle: false}) as ParticipantResult;

  it("suggests per person from the whole table's rows, writes the tier to the promotion cell and a line in the feedback", () => {
    const rows = [...graded(['A', 'S', 'A'], 'recLi'), ...graded(['A', 'B', 'A'], 'recWang'), ...graded(['S', 'S', 'S'], 'recZhao')];
    const tiers = new Map([['recLi', '新人'], ['recWang', '新人'], ['recZhao', '资深']]);
    const suggestions = promotionSuggestions({plan: plan(), periodId: '2026-04', states: closed(...ids(1, 3)), rows, tiers, participantIds: ['recLi', 'recWang', 'recZhao']});
    expect([...suggestions.keys()]).toEqual(['recLi']);
    const [li, wang] = withPromotions([result('recLi', '李娜'), result('recWang', '王强')], suggestions);
    expect(feedbackLines(li.feedback, 'zh')).toEqual(['连续 3 期 A 级及以上，建议晋升为 资深']);
    expect(feedbackLines(li.feedback, 'en')).toEqual(['3 consecutive periods at grade A or better: suggested for 资深']);
    expect(feedbackLines(wang.feedback, 'zh')).toEqual([]);
    const context = {lang: 'zh' as const, calculatedAt: '2026-04-01T08:00:00.000Z', versionLabel: '2026'};
    expect(ledgerCells(li, context)).toMatchObject({promotion: '资深', feedback: '连续 3 期 A 级及以上，建议晋升为 资深'});
    expect(ledgerCells(wang, context)).toMatchObject({promotion: null, feedback: null});
  });

  it('reads the example of the brief: 3 periods at A or better, suggested for 高级经理', () => {
    const line = feedbackLines({strengths: [], weakest: [], promotion: {toTier: '高级经理', minGrade: 'A', periods: ids(1, 3)}}, 'zh');
    expect(line).toEqual(['连续 3 期 A 级及以上，建议晋升为 高级经理']);
    expect(feedbackLines({strengths: [], weakest: [], promotion: {toTier: 'Senior Manager', minGrade: 'A', periods: ids(1, 3)}}, 'en')).toEqual([
      '3 consecutive periods at grade A or better: suggested for Senior Manager',
    ]);
  });
});
