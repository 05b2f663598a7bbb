/** @jest-environment jsdom */
/**
 * Reliability catalogue, group "plan" (docs/reliability.md): a plan that is wrong, comes from
 * another base or an older extension, or would not fit in globalConfig. The validator's errors
 * keep settings open and Refresh disabled, so each case below is "what the user reads, and
 * nothing is computed with it"; the storage case also checks that nothing is saved.
 */
import {act, screen} from '@testing-library/react';
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import {migratePlan} from '../../src/migrate';
import {rematchPlan} from '../../src/planImport';
import {readPlanFile} from '../../frontend/settings/importPlan';
import {checkStorage, parseStoredPlan, PLAN_BYTE_BUDGET, PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {createTemplate} from '../../src/template';
import {validatePlan} from '../../src/validate';
import type {PlanDocument} from '../../src/plan';
import {baseSchema} from '../../frontend/adapter/schema';
import {usePlan, type PlanStore} from '../../frontend/state/planStore';
import {demoSchema, englishSchema} from '../planSchemas';
import {errorCodes, theIssue} from '../support/reliability';
import {renderInBase} from '../support/renderInBase';

const template = (): PlanDocument => createTemplate(demoSchema(), '2026-03-10');

/** The template with every improvement action `chars` Chinese characters long (3 bytes each). */
function bloated(chars: number): PlanDocument {
  const plan = template();
  for (const m of plan.versions[0].metrics) m.improvement = {zh: '培'.repeat(chars), en: 'Training'};
  return plan;
}

/** The plan as the first prototype stored it: rules at the top, no versions, currency as a code. */
function asVersion0(plan: PlanDocument): Record<string, unknown> {
  const [version] = plan.versions;
  return JSON.parse(
    JSON.stringify({name: plan.name, mapping: plan.mapping, periods: plan.periods, metrics: version.metrics, grades: version.grades, incentives: version.incentives, feedback: version.feedback, currency: 'CNY'}),
  );
}

describe('reliability: plan', () => {
  it('P1 weights not 100%: one error with the sum, at the version\'s metric list', () => {
    const plan = template();
    plan.versions[0].metrics[0].weight = '50';
    const issue = theIssue(validatePlan(plan, demoSchema()), 'plan.weights.sum');
    expect(issue).toMatchObject({severity: 'error', path: 'versions[0].metrics'});
    const version = plan.versions[0].label;
    expect(issue.message).toEqual({
      zh: `方案版本“${version}”的指标权重合计为 90%，必须正好是 100%`,
      en: `The metric weights of plan version "${version}" add up to 90%, they must make exactly 100%`,
    });
  });

  it('P2 overlapping grade bands: an error naming both grades and the bounds', () => {
    const plan = template();
    const grades = plan.versions[0].grades;
    const a = grades.findIndex((g) => g.grade === 'A');
    const b = grades.findIndex((g) => g.grade === 'B');
    grades[b].max = String(Number(grades[a].min) + 5);
    const issue = theIssue(validatePlan(plan, demoSchema()), 'plan.grades.overlap');
    expect(issue.severity).toBe('error');
    expect(issue.message.en).toBe(`Grades "B" and "A" overlap (B ends at ${grades[b].max}, A starts at ${grades[a].min})`);
    expect(issue.message.zh).toBe(`等级“B”与“A”的分数区间重叠（B 止于 ${grades[b].max}，A 始于 ${grades[a].min}）`);
  });

  it('P3 overlapping score bands of a metric (the same start twice): an error at the metric', () => {
    const plan = template();
    const metric = plan.versions[0].metrics[0];
    metric.scoring = {kind: 'bands', on: 'value', bands: [{from: '0', score: '0'}, {from: '30000', score: '60'}, {from: '30000', score: '80'}]};
    const issue = theIssue(validatePlan(plan, demoSchema()), 'plan.scoring.bands.order');
    expect(issue.message).toEqual({
      zh: '指标“销售额”的分档起点必须从小到大且不重复（30000 之后是 30000）',
      en: 'Metric "Sales amount": band starts must rise without repeats (30000 follows 30000)',
    });
  });

  it('P4 bonus tiers out of order: an error at the tier, with both thresholds', () => {
    const plan = template();
    const bonus = plan.versions[0].incentives.bonuses[0];
    bonus.tiers = [{fromAttainment: '100', rate: '0.03'}, {fromAttainment: '80', rate: '0.02'}];
    const issue = theIssue(validatePlan(plan, demoSchema()), 'plan.bonus.tiers.order');
    expect(issue).toMatchObject({severity: 'error', path: 'versions[0].incentives.bonuses[0].tiers[1].fromAttainment'});
    expect(issue.message).toEqual({
      zh: `奖金“${bonus.label.zh}”的分档起点必须从小到大且不重复（100% 之后是 80%）`,
      en: `Bonus "${bonus.label.en}": tier starts must rise without repeats (80% follows 100%)`,
    });
  });

  it('P5 import from another base whose names do not match: a report, one error per unmatched reference, nothing guessed', () => {
    const {plan, report} = rematchPlan(template(), englishSchema());
    const unmatched = report.unmatched.map((u) => u.path);
    expect(unmatched).toContain('mapping.people.table');
    expect(unmatched).toContain('mapping.sources[0].table');
    // Nothing is re-pointed to a field of another meaning: unmatched references keep their old id.
    expect(plan.mapping.sources[0].table).toEqual({id: 'tblOrders', name: '订单'});
    // The import panel lists every unmatched reference; the validator names each beside its picker.
    const outcome = readPlanFile(JSON.stringify(template()), englishSchema());
    expect(outcome.unmatched.map((u) => u.path)).toEqual(unmatched);
    const people = theIssue(validatePlan(plan, englishSchema()), 'mapping.table.unknown', 'mapping.people.table');
    expect(people.message).toEqual({
      zh: '参与人表“销售人员”在当前数据库中不存在（可能已被删除）',
      en: 'The people table "销售人员" does not exist in this base (it may have been deleted)',
    });
    // Until the user chooses, the imported plan does not validate against this base.
    expect(errorCodes(validatePlan(plan, englishSchema()))).toContain('mapping.table.unknown');
  });

  it('P6 import where the tables match but a field does not: the field is named with its table', () => {
    const schema = demoSchema();
    const orders = schema.tables.find((t) => t.id === 'tblOrders')!;
    // Another base: other ids everywhere, and 订单金额 is called 成交额 there.
    for (const table of schema.tables) {
      table.id = `${table.id}X`;
      for (const f of table.fields) {
        f.id = `${f.id}X`;
        if (f.linkedTableId) f.linkedTableId = `${f.linkedTableId}X`;
      }
    }
    orders.fields.find((f) => f.name === '订单金额')!.name = '成交额';
    const {plan, report} = rematchPlan(template(), schema);
    expect(report.unmatched).toEqual([{path: 'versions[0].metrics[0].source.field', kind: 'field', name: '订单金额', tableName: '订单'}]);
    const issue = theIssue(validatePlan(plan, schema), 'mapping.field.unknown', 'versions[0].metrics[0].source.field');
    expect(issue.message).toEqual({
      zh: '指标“销售额”的数值字段“订单金额”在表“订单”中不存在（可能已被删除）',
      en: 'Value field of metric "Sales amount" "订单金额" does not exist in table "订单" (it may have been deleted)',
    });
    expect(plan.mapping.people?.table.id).toBe('tblRepsX');
    expect(errorCodes(validatePlan(plan, schema))).toEqual(['mapping.field.unknown']);
  });

  it('P7 a plan document from an older version (format 0): read, upgraded with a notice, valid', () => {
    const v0 = asVersion0(template()) as {metrics: Record<string, unknown>[]};
    v0.metrics[0].weight = 60;
    v0.metrics[0].label = '销售额';
    const {plan, issues} = parseStoredPlan(JSON.stringify(v0));
    expect(plan).not.toBeNull();
    const notice = theIssue(issues, 'migrate.upgraded');
    expect(notice.severity).toBe('warning');
    expect(notice.message).toEqual({zh: '方案已从格式版本 0 升级到 1，保存后生效', en: 'The plan was upgraded from format version 0 to 1; save it to keep the upgrade'});
    expect(plan!.versions[0].metrics[0]).toMatchObject({weight: '60', label: {zh: '销售额', en: '销售额'}});
    expect(errorCodes(validatePlan(plan!, demoSchema()))).toEqual([]);
  });

  it('P8 a plan document from a newer extension: refused with a message, never half-read', () => {
    const {plan, issues} = migratePlan({...template(), schemaVersion: 7});
    expect(plan).toBeNull();
    expect(theIssue(issues, 'migrate.version.future').message).toEqual({
      zh: '方案格式版本 7 比本扩展支持的版本 1 更新，请先升级扩展',
      en: 'Plan format version 7 is newer than the version 1 this extension reads: update the extension first',
    });
  });

  it('P9 a stored plan that is not JSON: no plan, and a message saying so', () => {
    const {plan, issues} = parseStoredPlan('{"schemaVersion": 1, "name": "半个方案');
    expect(plan).toBeNull();
    const issue = theIssue(issues, 'storage.plan.unreadable');
    expect(issue.message.zh).toMatch(/^保存的方案无法读取（.+），请重新导入或使用模板$/);
    expect(issue.message.en).toMatch(/^The saved plan cannot be read \(.+\): import it again or start from the template$/);
  });

  it('P10 a plan that would exceed globalConfig\'s budget: an error with its size; a plan near it, a warning', () => {
    const huge = bloated(4000);
    const [error] = checkStorage(huge);
    expect(error).toMatchObject({code: 'storage.plan.tooLarge', severity: 'error'});
    const kB = (Buffer.byteLength(serializePlan(huge), 'utf8') / 1000).toFixed(1);
    expect(error.message).toEqual({
      zh: `方案大小为 ${kB} KB，超过了可保存的上限 ${(PLAN_BYTE_BUDGET / 1000).toFixed(1)} KB（扩展设置总共只有 150 KB）；请删除不用的指标、版本或缩短文字`,
      en: `The plan takes ${kB} kB, over the ${(PLAN_BYTE_BUDGET / 1000).toFixed(1)} kB it may use (extension settings hold 150 kB in all): remove unused metrics or versions, or shorten texts`,
    });
    expect(checkStorage(bloated(2300)).map((i) => [i.code, i.severity])).toEqual([['storage.plan.nearLimit', 'warning']]);
    expect(checkStorage(template())).toEqual([]);
  });

  it('P11 saving a plan over the budget through the extension: refused with the message, globalConfig unchanged', async () => {
    const stored = serializePlan(template());
    const driver = createDriver({...demoBase({reps: 4, orders: 6}), globalConfig: {[PLAN_CONFIG_KEY]: stored}});
    let store: PlanStore | null = null;
    function Probe() {
      store = usePlan();
      return null;
    }
    renderInBase(driver, 'zh', <Probe />);
    const writes: string[] = [];
    driver.watch('mutation', (m) => writes.push(m.type));
    let failure: unknown = null;
    await act(async () => {
      await store!.save(bloated(4000)).catch((error: unknown) => {
        failure = error;
      });
    });
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^方案大小为 [\d.]+ KB，超过了可保存的上限 100\.0 KB/);
    expect(driver.globalConfig.get(PLAN_CONFIG_KEY)).toBe(stored);
    expect(writes).toEqual([]);
    expect(store!.plan).toEqual(template());
  });

  // Open: see /work/notes/bugs.md "upgraded plan: the notice is never shown". A valid format-0
  // plan opens the run view, and the upgrade notice of P7 is shown nowhere.
  it('P12 a stored format-0 plan: the extension tells the user it was upgraded and should be saved', async () => {
    const fixture = demoBase({reps: 4, orders: 6});
    const current = createTemplate(baseSchema(createDriver(fixture).base), '2026-03-10');
    const driver = createDriver({...fixture, globalConfig: {[PLAN_CONFIG_KEY]: JSON.stringify(asVersion0(current))}});
    renderInBase(driver, 'en');
    await screen.findByRole('button', {name: 'Preview'});
    expect(screen.getByText(/The plan was upgraded from format version 0 to 1; save it to keep the upgrade/)).toBeInTheDocument();
  });
});
