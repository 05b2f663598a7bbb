import fc from 'fast-check';
import {checkStorage, parseStoredPlan, PLAN_BYTE_BUDGET, planByteSize, serializePlan, utf8Bytes} from '../src/storage';
import {createTemplate} from '../src/template';
import {PLAN_SCHEMA_VERSION, type PlanDocument} from '../src/plan';
import {demoSchema} from './planSchemas';

const template = () => createTemplate(demoSchema(), '2026-03-01');

/** The template with every metric's improvement action made `chars` Chinese characters long. */
function padded(chars: number): PlanDocument {
  const plan = template();
  for (const m of plan.versions[0].metrics) m.improvement = {zh: '培'.repeat(chars), en: 'x'};
  return plan;
}

describe('size', () => {
  it('counts UTF-8 bytes as globalConfig does', () => {
    expect(utf8Bytes('销售a')).toBe(7);
    expect(utf8Bytes('é😀')).toBe(6);
    fc.assert(fc.property(fc.string({unit: 'grapheme'}), (s) => utf8Bytes(s) === Buffer.byteLength(s, 'utf8')));
  });

  it('measures the stored JSON', () => {
    const plan = template();
    expect(planByteSize(plan)).toBe(Buffer.byteLength(serializePlan(plan), 'utf8'));
    // Chinese text costs 3 bytes a character: 12 metrics x 1000 characters add 36,000 bytes at least.
    expect(planByteSize(padded(1000)) - planByteSize(plan)).toBeGreaterThan(36_000 - 12 * 200);
  });

  it('leaves the template far below the budget', () => {
    expect(planByteSize(template())).toBeLessThan(PLAN_BYTE_BUDGET / 3);
    expect(checkStorage(template())).toEqual([]);
  });

  it('refuses a plan over the budget and warns close to it', () => {
    const big = padded(3000);
    const size = planByteSize(big);
    expect(size).toBeGreaterThan(PLAN_BYTE_BUDGET);
    const [issue] = checkStorage(big);
    expect(issue).toMatchObject({code: 'storage.plan.tooLarge', severity: 'error'});
    expect(issue.message.en).toContain(`${(size / 1000).toFixed(1)} kB`);
    expect(issue.message.zh).toContain('100.0 KB');
    const near = checkStorage(padded(2300));
    expect(near.map((i) => [i.code, i.severity])).toEqual([['storage.plan.nearLimit', 'warning']]);
  });

  it('draws the line exactly at the budget', () => {
    const plan = template();
    const size = planByteSize(plan);
    expect(checkStorage(plan, size, size)).toEqual([]);
    expect(checkStorage(plan, size - 1, size)[0].code).toBe('storage.plan.tooLarge');
  });
});

describe('reading the stored plan', () => {
  it('reads back exactly what was stored', () => {
    const plan = template();
    expect(parseStoredPlan(serializePlan(plan))).toEqual({plan, issues: []});
  });

  it('has no plan and no complaint when nothing is stored', () => {
    expect(parseStoredPlan(undefined)).toEqual({plan: null, issues: []});
    expect(parseStoredPlan(null)).toEqual({plan: null, issues: []});
  });

  it('says why a stored value cannot be read, without throwing', () => {
    const broken = parseStoredPlan('{"schemaVersion": 1, "name": ');
    expect(broken.plan).toBeNull();
    expect(broken.issues.map((i) => i.code)).toEqual(['storage.plan.unreadable']);
    expect(broken.issues[0].message.zh).toContain('无法读取');
    expect(parseStoredPlan('"a string"').issues.map((i) => i.code)).toEqual(['migrate.notObject']);
    expect(parseStoredPlan(42).issues.map((i) => i.code)).toEqual(['migrate.notObject']);
    expect(parseStoredPlan(JSON.stringify({schemaVersion: PLAN_SCHEMA_VERSION + 1})).issues.map((i) => i.code)).toEqual(['migrate.version.future']);
  });

  it('migrates an older document, stored as text or as an object', () => {
    const old = {name: 'old', metrics: [{id: 'm', label: '销售额', weight: 100}], grades: [], periods: []};
    for (const stored of [JSON.stringify(old), old]) {
      const {plan, issues} = parseStoredPlan(stored);
      expect(plan?.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
      expect(plan?.versions[0].metrics[0].weight).toBe('100');
      expect(issues.map((i) => i.code)).toEqual(['migrate.upgraded']);
    }
  });

  it('never throws on any stored text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (value) => {
        const {plan, issues} = parseStoredPlan(value);
        expect(plan !== null || issues.length > 0 || value === null || value === undefined).toBe(true);
      }),
      {numRuns: 300},
    );
  });
});
