/**
 * The typed parse of a plan document: each fault that used to pass the validator and break (or
 * silently bend) the engine is refused with a coded zh/en message at its control's path, and any
 * plan the validator accepts is one the engine computes without throwing.
 */
import fc from 'fast-check';
import {runPlan} from '../src/engine';
import {parsePlan, validatePlan} from '../src/validate';
import {PLAN_DECIMAL_BOUND} from '../src/planRules';
import type {PlanDocument} from '../src/plan';
import type {Issue} from '../src/results';
import {customer, makeFacts, order, person, PERIOD, review, workedExamplePlan} from './support/planFixtures';

/** The worked example with the people fields its team bonus, award and honours need: valid without a schema. */
function fullPlan(): PlanDocument {
  const plan = workedExamplePlan();
  plan.mapping.people = {
    table: {id: 'tblReps', name: '销售人员'},
    upline: {id: 'fldRepsUpline', name: '上级'},
    team: {id: 'fldRepsTeam', name: '团队'},
    tier: {id: 'fldRepsTier', name: '级别'},
    baseSalary: {id: 'fldRepsSalary', name: '基本工资'},
    performancePayBase: {id: 'fldRepsPayBase', name: '绩效工资基数'},
  };
  // The fixtures share some parts (grades, field refs) between plans: mutations must not leak.
  return JSON.parse(JSON.stringify(plan)) as PlanDocument;
}

const facts = makeFacts(
  [
    person('r1', '王芳', {team: '华东', tier: '资深'}),
    person('r2', '李雷', {team: '华东', tier: '新人', uplineId: 'r1'}),
    person('r3', '韩梅', {team: '华南', tier: '新人', uplineId: 'r2'}),
  ],
  {
    orders: [order('o1', 'r1', 46000), order('o2', 'r2', 24000), order('o3', 'r3', 52000)],
    reviews: [review('v1', 'r1', 5), review('v2', 'r1', 4), review('v3', 'r2', 3)],
    customers: [customer('c1', 'r1'), customer('c2', 'r3')],
  },
);

const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');
const at = (issues: Issue[], code: string, path: string) => {
  const found = issues.filter((i) => i.code === code && i.path === path);
  expect(found.map((i) => `${i.code} ${i.path}`)).toEqual([`${code} ${path}`]);
  return found[0];
};
type Loose = Record<string, unknown>;
const loose = (plan: PlanDocument) => plan as unknown as {mapping: Loose & {sources: Loose[]}; versions: (Loose & {metrics: Loose[]; incentives: Loose & {honours: Loose[]; bonuses: Loose[]}})[]};

describe('the parse refuses what the engine cannot compute', () => {
  it('accepts the full worked example as it is, and the engine computes it', () => {
    const plan = fullPlan();
    expect(validatePlan(plan)).toEqual([{code: 'mapping.results.none', severity: 'warning', path: 'mapping.results', message: expect.anything()}]);
    expect(parsePlan(plan)).toEqual({plan, issues: []});
    expect(runPlan(plan, PERIOD.id, facts).results).toHaveLength(3);
  });

  it('score rounding, proration and split credit: a known mode with 0..4 places, a boolean, a known kind with its field', () => {
    const plan = fullPlan() as unknown as Loose;
    plan.scoreRounding = {mode: 'each', places: 2};
    plan.proration = {enabled: 'yes'};
    loose(plan as unknown as PlanDocument).mapping.sources[0].credit = {kind: 'shared'};
    loose(plan as unknown as PlanDocument).mapping.sources[1].credit = {kind: 'splitField'};
    const issues = validatePlan(plan);
    at(issues, 'plan.scoreRounding.invalid', 'scoreRounding');
    at(issues, 'plan.boolean.invalid', 'proration.enabled');
    at(issues, 'plan.credit.kind', 'mapping.sources[0].credit');
    at(issues, 'mapping.field.missing', 'mapping.sources[1].credit.field');
    plan.scoreRounding = {mode: 'eachWeighted', places: 5};
    at(validatePlan(plan), 'plan.scoreRounding.invalid', 'scoreRounding');

    const good = fullPlan();
    good.scoreRounding = {mode: 'eachWeighted', places: 0};
    good.proration = {enabled: false};
    good.mapping.sources[0].credit = {kind: 'splitField', field: {id: 'fldSplit', name: '分成比例'}};
    expect(errors(validatePlan(good))).toEqual([]);
    expect(runPlan(good, PERIOD.id, facts).results.map((r) => r.totalScore).every((t) => /^\d+$/.test(t))).toBe(true);
  });

  it('promotion rules: a list of {fromTier?, minGrade, periods >= 1, toTier}, a known grade, a tier to suggest other than the one it starts from', () => {
    const plan = fullPlan() as unknown as Loose;
    plan.promotion = {minGrade: 'A'};
    at(validatePlan(plan), 'plan.part.invalid', 'promotion');
    plan.promotion = ['A', {minGrade: 'A', periods: 0, toTier: '资深'}, {minGrade: 3, periods: 2, toTier: '资深'}, {fromTier: 1, minGrade: 'A', periods: 2.5, toTier: '资深'}];
    let issues = validatePlan(plan);
    at(issues, 'plan.part.invalid', 'promotion[0]');
    const periods = at(issues, 'plan.integer.invalid', 'promotion[1].periods');
    expect(periods.message).toEqual({zh: '第 2 条晋升规则的连续期数应为不小于 1 的整数（现为 0）', en: 'Number of consecutive periods of promotion rule 2 must be a whole number of at least 1 (now 0)'});
    at(issues, 'plan.part.invalid', 'promotion[2].minGrade');
    at(issues, 'plan.part.invalid', 'promotion[3].fromTier');
    at(issues, 'plan.integer.invalid', 'promotion[3].periods');
    expect(parsePlan(plan).plan).toBeNull();

    plan.promotion = [
      {fromTier: '新人', minGrade: 'A+', periods: 3, toTier: '资深'},
      {fromTier: '新人', minGrade: 'A', periods: 3, toTier: ' '},
      {fromTier: '资深', minGrade: 'A', periods: 3, toTier: '资深'},
      {minGrade: 'S', periods: 2, toTier: '高级'},
      {minGrade: 'S', periods: 13, toTier: '资深'},
    ];
    issues = validatePlan(plan);
    const grade = at(issues, 'plan.promotion.grade.unknown', 'promotion[0].minGrade');
    expect(grade.message).toEqual({zh: '第 1 条晋升规则的最低等级“A+”不在任何方案版本的等级划分中', en: 'Promotion rule 1 names grade "A+", which is not among the grade bands of any plan version'});
    at(issues, 'plan.promotion.tier.empty', 'promotion[1].toTier');
    at(issues, 'plan.promotion.tier.same', 'promotion[2].toTier');
    // The worked example names 新人 and 资深 (targets per tier, an honour): 高级 is probably misspelt.
    expect(at(issues, 'plan.promotion.tier.unknown', 'promotion[3].toTier').severity).toBe('warning');
    expect(at(issues, 'plan.promotion.periods.tooMany', 'promotion[4].periods').severity).toBe('warning');

    const good = fullPlan();
    good.promotion = [{fromTier: '新人', minGrade: 'A', periods: 1, toTier: '资深'}, {minGrade: 'S', periods: 1, toTier: '资深'}];
    expect(validatePlan(good)).toEqual(validatePlan(fullPlan()));
    expect(runPlan(good, PERIOD.id, facts).results).toHaveLength(3);
    // A rule for one tier needs the tier field.
    delete good.mapping.people!.tier;
    at(validatePlan(good), 'mapping.people.tier.needed', 'mapping.people.tier');
  });

  it('a plain string where a {zh, en} label is expected: refused, not normalised (it would write "undefined")', () => {
    const plan = fullPlan();
    loose(plan).versions[0].metrics[0].label = 'Sales';
    const issue = at(validatePlan(plan), 'plan.text.invalid', 'versions[0].metrics[0].label');
    expect(issue.message).toEqual({
      zh: '指标“sales”的“label”应为中英文两种文字（zh 和 en）（现为 Sales）',
      en: 'The "label" of metric "sales" must be a text in Chinese and English (zh and en) (now Sales)',
    });
    expect(parsePlan(plan).plan).toBeNull();
  });

  it('a source or a metric without a label, an honour without a title or with title null', () => {
    const plan = fullPlan();
    delete loose(plan).mapping.sources[1].label;
    delete loose(plan).versions[0].metrics[1].label;
    delete loose(plan).versions[0].incentives.honours[0].title;
    loose(plan).versions[0].incentives.honours[1].title = null;
    loose(plan).versions[0].metrics[2].improvement = 'Visit customers';
    const issues = validatePlan(plan);
    at(issues, 'plan.text.invalid', 'mapping.sources[1].label');
    at(issues, 'plan.text.invalid', 'versions[0].metrics[1].label');
    at(issues, 'plan.text.invalid', 'versions[0].incentives.honours[0].title');
    at(issues, 'plan.text.invalid', 'versions[0].incentives.honours[1].title');
    at(issues, 'plan.text.invalid', 'versions[0].metrics[2].improvement');
    expect(errors(issues)).toHaveLength(5);
  });

  it('`enabled: 1` is not "on": refused, so a leader share of 1.5 cannot pay 1,500 out of a 1,000 pool', () => {
    const plan = fullPlan();
    const champion = loose(plan).versions[0].incentives.championAward as Loose;
    Object.assign(champion, {enabled: 1, pool: '1000', leaderShare: '1.5'});
    const issue = at(validatePlan(plan), 'plan.boolean.invalid', 'versions[0].incentives.championAward.enabled');
    expect(issue.message).toEqual({
      zh: '团队冠军奖的“enabled”应为 true 或 false（现为 1）',
      en: 'The "enabled" of the team champion award must be true or false (now 1)',
    });
    // Switched on for real, the share itself is refused.
    champion.enabled = true;
    at(validatePlan(plan), 'plan.champion.leaderShare.range', 'versions[0].incentives.championAward.leaderShare');
  });

  it('`teamBonus: {enabled: 1}` without levels, `teamBonus: null`, no `bonuses`', () => {
    const plan = fullPlan();
    loose(plan).versions[0].incentives.teamBonus = {enabled: 1, metricId: 'sales'};
    let issues = validatePlan(plan);
    at(issues, 'plan.boolean.invalid', 'versions[0].incentives.teamBonus.enabled');
    at(issues, 'plan.part.invalid', 'versions[0].incentives.teamBonus.levels');
    loose(plan).versions[0].incentives.teamBonus = null;
    delete (loose(plan).versions[0].incentives as Loose).bonuses;
    issues = validatePlan(plan);
    const team = at(issues, 'plan.part.invalid', 'versions[0].incentives.teamBonus');
    expect(team.message.en).toBe('The "incentives.teamBonus" of the plan is missing or malformed (now —)');
    at(issues, 'plan.part.invalid', 'versions[0].incentives.bonuses');
  });

  it('no `results`: refused (the run diffs and writes the result fields)', () => {
    const plan = fullPlan();
    delete (loose(plan).mapping as Loose).results;
    const issue = at(validatePlan(plan), 'plan.part.invalid', 'mapping.results');
    expect(issue.message.zh).toBe('结果字段的“results”缺失或格式错误（现为 —）');
  });

  it('a metric without scope', () => {
    const plan = fullPlan();
    delete loose(plan).versions[0].metrics[0].scope;
    const issue = at(validatePlan(plan), 'plan.scope.kind', 'versions[0].metrics[0].scope');
    expect(issue.message).toEqual({
      zh: '指标“销售额”的口径无效，应为个人（personal）或团队（team）（现为 —）',
      en: 'Metric "Sales" has an invalid scope: personal or team (now —)',
    });
  });

  it('a field reference without an id is incomplete wherever it stands: the run would read a salary of nothing', () => {
    const plan = fullPlan();
    plan.mapping.people!.baseSalary = {name: '基本工资'} as never;
    const issue = at(validatePlan(plan), 'mapping.field.missing', 'mapping.people.baseSalary');
    expect(issue.message).toEqual({zh: '参与人表的基本工资字段：请选择字段', en: 'Base salary field of the people table: choose a field'});
  });

  it(`bounds plan decimals to ${PLAN_DECIMAL_BOUND.integerDigits} digits before the point and ${PLAN_DECIMAL_BOUND.decimalPlaces} after`, () => {
    const plan = fullPlan();
    plan.versions[0].incentives.championAward.pool = '999999999999.999999';
    expect(errors(validatePlan(plan))).toEqual([]);
    plan.versions[0].incentives.championAward.pool = '1000000000000';
    plan.versions[0].incentives.bonuses[0].tiers[0].rate = '0.0000001';
    const issues = validatePlan(plan);
    const pool = at(issues, 'plan.decimal.range', 'versions[0].incentives.championAward.pool');
    expect(pool.message.en).toBe('Pool of the team champion award "1000000000000" has too many digits: at most 12 before the decimal point and 6 after');
    at(issues, 'plan.decimal.range', 'versions[0].incentives.bonuses[0].tiers[0].rate');
  });

  it('reports every shape fault at once and still checks the sound parts', () => {
    const plan = fullPlan();
    loose(plan).versions[0].incentives.honours[0].direction = 'up';
    (plan as unknown as Loose).currency = {code: 'CNY', precision: 9, rounding: 'ceil'};
    plan.versions[0].metrics[1].weight = '31';
    const codes = validatePlan(plan).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['plan.honour.direction', 'plan.currency.precision', 'plan.currency.rounding', 'plan.weights.sum']));
  });
});

/** Every path of a JSON value, for the mutations below. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const JUNK: unknown[] = [undefined, null, 1, 0, true, 'x', '', 'Sales', '1.5', '-1', {}, [], {zh: 'a'}, {id: ''}, 1.5];

function mutate(plan: PlanDocument, path: (string | number)[], junk: unknown) {
  let parent = plan as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (junk === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = junk;
}

describe('a plan that validates is a plan the engine computes', () => {
  const allPaths = paths(fullPlan());

  it('random mutations of the worked example: the validator refuses it, or the engine computes it without a stray text', () => {
    let computed = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({min: 0, max: allPaths.length - 1}), fc.integer({min: 0, max: JUNK.length - 1})), {minLength: 1, maxLength: 3}),
        (changes) => {
          const plan = fullPlan();
          for (const [p, j] of changes) {
            try {
              mutate(plan, allPaths[p], JUNK[j]);
            } catch {
              // An earlier mutation removed the parent: this one has nothing to change.
            }
          }
          if (errors(validatePlan(plan)).length > 0) return;
          computed++;
          const run = runPlan(plan, PERIOD.id, facts);
          expect(JSON.stringify(run)).not.toMatch(/undefined|\[object Object\]|NaN/);
        },
      ),
      {numRuns: Number(process.env.PLAN_FUZZ_RUNS ?? 600), seed: Number(process.env.PLAN_FUZZ_SEED ?? 20260310)},
    );
    // The property means something only if some mutated plans pass (optional parts, texts...).
    if (process.env.PLAN_FUZZ_RUNS) console.log(`computed ${computed}`);
    expect(computed).toBeGreaterThan(20);
  });
});
