/**
 * The written cells of whole refreshes, reduced to digests: the reference that a refactoring must
 * reproduce cell for cell (issue 11: "the same results as before on the bench's 10k base and on
 * the demo bases"). Each scenario refreshes the demo base period after period, as a user would,
 * and after each refresh takes every result cell of the people table (what the base now holds),
 * per result field, as a SHA-256 of its cells in record order.
 *
 * A digest per field, not one per run, so that a difference names the field that moved; the
 * expected set lives in test/golden/written-cells.json and is rewritten only by
 * `npx tsx scripts/golden.ts --write` (a deliberate change of results, said in the commit).
 */
import {createHash} from 'node:crypto';
import type TestDriver from '@airtable/blocks-testing';
import {demoBase, TABLE_IDS, type DemoBaseOptions} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {baseSchema} from '../../frontend/adapter/schema';
import {refresh} from '../../frontend/run/pipeline';
import {createTemplate} from '../../src/template';
import {benchPlan} from '../../bench/plan';
import type {Lang, PlanDocument} from '../../src/plan';
import type {BaseSchema} from '../../src/schema';

export interface Scenario {
  name: string;
  base: DemoBaseOptions;
  plan: 'template' | 'bench';
  lang: Lang;
  periods: string[];
}

/** The demo bases of the tests (small, messy) and the bench's plan on 1k; 10k only from the script. */
export const SCENARIOS: Scenario[] = [
  {name: 'small-template-zh', base: {size: 'small'}, plan: 'template', lang: 'zh', periods: ['2026-01', '2026-02', '2026-03']},
  {name: 'small-template-en', base: {size: 'small'}, plan: 'template', lang: 'en', periods: ['2026-03']},
  {name: 'messy-template-zh', base: {size: 'small', messy: true}, plan: 'template', lang: 'zh', periods: ['2026-02']},
  {name: '1k-bench-zh', base: {size: '1k', levels: 6}, plan: 'bench', lang: 'zh', periods: ['2026-03']},
];

/** The bench's own base and plan (bench/entry.ts: 10k, 6 levels, period 2026-03). */
export const BENCH_10K: Scenario = {name: '10k-bench-zh', base: {size: '10k', levels: 6}, plan: 'bench', lang: 'zh', periods: ['2026-03']};

/**
 * Every refresh of a scenario happens at this instant and in this zone (a text calculation time
 * is local time), so the calculation time is part of the reference on any machine.
 */
export const FIXED_NOW = new Date('2026-04-02T03:04:05.000Z');
export const FIXED_ZONE = 'Asia/Shanghai';

export type Digests = Record<string, Record<string, string>>;

function planFor(scenario: Scenario, schema: BaseSchema): PlanDocument {
  return scenario.plan === 'bench' ? benchPlan(schema) : createTemplate(schema, '2026-03-31');
}

/** Per period, per result field name: the digest of that field's cells over the people table. */
function digestResults(driver: TestDriver, plan: PlanDocument): Record<string, string> {
  const fixture = snapshotFixture(driver);
  const people = fixture.base.tables.find((table) => table.id === TABLE_IDS.reps)!;
  const out: Record<string, string> = {};
  for (const [key, ref] of Object.entries(plan.mapping.results)) {
    if (!ref) continue;
    const cells = people.records.map((record) => [record.id, record.cellValuesByFieldId[ref.id] ?? null]);
    out[key] = createHash('sha256').update(JSON.stringify(cells)).digest('hex').slice(0, 16);
  }
  return out;
}

/** Runs a scenario: a refresh per period, in order, each digested after it wrote. */
export async function runScenario(scenario: Scenario): Promise<Digests> {
  const driver = createDriver(demoBase(scenario.base));
  const plan = planFor(scenario, baseSchema(driver.base));
  const digests: Digests = {};
  for (const period of scenario.periods) {
    const outcome = await refresh(driver.base, plan, period, 'golden', {now: FIXED_NOW, timeZone: FIXED_ZONE, lang: scenario.lang});
    if (outcome.kind !== 'written') throw new Error(`${scenario.name} ${period}: refresh ${outcome.kind}`);
    digests[period] = digestResults(driver, plan);
  }
  return digests;
}
