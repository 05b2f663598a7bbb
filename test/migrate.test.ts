import fc from 'fast-check';
import {migratePlan} from '../src/migrate';
import {createTemplate} from '../src/template';
import {validatePlan} from '../src/validate';
import {PLAN_SCHEMA_VERSION, type PlanDocument} from '../src/plan';
import {demoSchema} from './planSchemas';

const DECIMAL_KEYS = new Set(['weight', 'value', 'fallback', 'cap', 'min', 'max', 'from', 'score', 'coefficient', 'minScore', 'fromAttainment', 'rate', 'pool', 'leaderShare', 'fixedOnTarget', 'levels']);

/** What the version-0 prototype wrote: numbers for decimals (perTier values included). */
function withNumbers(value: unknown, key = '', inValues = false): unknown {
  const numeric = (s: string) => /^-?\d+(\.\d+)?$/.test(s);
  if (typeof value === 'string' && (DECIMAL_KEYS.has(key) || inValues) && numeric(value)) return Number(value);
  if (Array.isArray(value)) return value.map((v) => withNumbers(v, key));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNumbers(v, k, key === 'values')]));
}

/** The template as a version-0 document: rules at the top, numbers, currency as a code. */
function asVersion0(plan: PlanDocument): Record<string, unknown> {
  const [version] = plan.versions;
  return {
    name: plan.name,
    mapping: plan.mapping,
    periods: plan.periods,
    metrics: withNumbers(version.metrics),
    grades: withNumbers(version.grades),
    incentives: withNumbers(version.incentives),
    feedback: version.feedback,
    currency: 'CNY',
  };
}

describe('migrating a version-0 document', () => {
  const template = createTemplate(demoSchema(), '2026-03-01');
  const {plan, issues} = migratePlan(JSON.parse(JSON.stringify(asVersion0(template))));

  it('rebuilds the template exactly, as one version from the first period', () => {
    expect(plan).not.toBeNull();
    expect(plan!.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(plan!.versions).toHaveLength(1);
    expect(plan!.versions[0].effectiveFrom).toBe('2026-01-01');
    expect({...plan!.versions[0], label: template.versions[0].label}).toEqual(template.versions[0]);
    expect(plan!.currency).toEqual(template.currency);
    expect(plan!.mapping).toEqual(template.mapping);
  });

  it('says it upgraded, and the result is valid', () => {
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['migrate.upgraded', 'warning']]);
    expect(issues[0].message.zh).toContain('0');
    expect(validatePlan(plan!, demoSchema())).toEqual([]);
  });

  it('keeps decimals exact and counts as numbers', () => {
    const {plan: migrated} = migratePlan({
      metrics: [
        {id: 'm', label: '销售额', weight: 0.1, target: 1e21, improvement: 'Train', scope: {kind: 'team', depth: 2}, scoring: {kind: 'attainment', cap: 150}},
      ],
      grades: [{grade: 'A', min: 0, coefficient: 1.25}],
      incentives: {teamBonus: {enabled: true, metricId: 'm', levels: [0.05, 0.02]}},
      feedback: {strengths: 1, weakest: 3},
      currency: {code: 'USD', precision: 0, rounding: 'down'},
      periods: [{id: 'b', kind: 'month', label: 'Feb', start: '2026-02-01', end: '2026-02-28'}, {id: 'a', kind: 'month', label: 'Jan', start: '2026-01-01', end: '2026-01-31'}],
    });
    const version = migrated!.versions[0];
    expect(version.metrics[0]).toMatchObject({
      label: {zh: '销售额', en: '销售额'},
      weight: '0.1',
      target: {kind: 'fixed', value: '1000000000000000000000'},
      improvement: {zh: 'Train', en: 'Train'},
      scope: {kind: 'team', depth: 2},
      scoring: {kind: 'attainment', cap: '150'},
    });
    expect(version.grades[0].coefficient).toBe('1.25');
    expect(version.incentives.teamBonus.levels).toEqual(['0.05', '0.02']);
    expect(version.incentives.bonuses).toEqual([]);
    expect(version.incentives.championAward.enabled).toBe(false);
    expect(version.feedback).toEqual({strengths: 1, weakest: 3});
    expect(version.effectiveFrom).toBe('2026-01-01');
    expect(migrated!.currency).toEqual({code: 'USD', precision: 0, rounding: 'down'});
    expect(migrated!.periods[0].label).toBe('Feb');
  });
});

describe('current and unknown versions', () => {
  it('returns a current document as it is, without issues', () => {
    const template = createTemplate(undefined, '2026-01-01');
    expect(migratePlan(template)).toEqual({plan: template, issues: []});
  });

  it('reads a document with versions but no schemaVersion as version 1', () => {
    const {schemaVersion: _ignored, ...rest} = createTemplate(undefined, '2026-01-01');
    const {plan, issues} = migratePlan(rest);
    expect(issues).toEqual([]);
    expect(plan!.schemaVersion).toBe(1);
    expect(plan!.versions[0].metrics).toHaveLength(12);
  });

  it('refuses a document from a newer extension, saying so', () => {
    const {plan, issues} = migratePlan({schemaVersion: PLAN_SCHEMA_VERSION + 1, versions: []});
    expect(plan).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(['migrate.version.future']);
    expect(issues[0].message.en).toContain(`version ${PLAN_SCHEMA_VERSION + 1} is newer`);
  });

  it.each([null, undefined, 'plan', 42, [], [{}]])('refuses %p as not a plan', (doc) => {
    const {plan, issues} = migratePlan(doc);
    expect(plan).toBeNull();
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['migrate.notObject', 'error']]);
  });

  it.each(['1', -1, 1.5, null])('refuses schemaVersion %p', (schemaVersion) => {
    const {plan, issues} = migratePlan({schemaVersion});
    expect(plan).toBeNull();
    expect(issues[0].code).toBe('migrate.version.invalid');
  });

  it('never throws, and what it returns the validator can read', () => {
    fc.assert(
      fc.property(fc.anything(), (doc) => {
        const {plan, issues} = migratePlan(doc);
        if (plan === null) expect(issues.some((i) => i.severity === 'error')).toBe(true);
        else expect(Array.isArray(validatePlan(plan))).toBe(true);
      }),
      {numRuns: 300},
    );
  });
});
