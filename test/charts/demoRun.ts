/**
 * A run of the template plan on the demo base, made headlessly as a preview makes it (read the
 * base for the period, then the engine), with each participant's team from the facts read.
 * Shared by the charts' jest tests and their browser check. In plain Node, import
 * sim/nodeWindow first (the SDK needs a window).
 */
import {demoBase, type DemoBaseOptions} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {baseSchema} from '../../frontend/adapter/schema';
import {readFacts} from '../../frontend/adapter/readFacts';
import {createTemplate} from '../../src/template';
import {runPlan} from '../../src/engine';
import type {PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';

export interface DemoRun {
  plan: PlanDocument;
  run: RunResult;
  /** Participant record id -> team (null: none). */
  teams: Map<string, string | null>;
}

export async function demoRun(base: DemoBaseOptions = {size: 'small'}, periodId = '2026-03'): Promise<DemoRun> {
  const driver = createDriver(demoBase(base));
  const plan = createTemplate(baseSchema(driver.base), '2026-03-31');
  const {facts} = await readFacts(driver.base, plan, undefined, {periodId});
  const teams = new Map(facts.participants.map((p) => [p.id, p.team]));
  return {plan, run: runPlan(plan, periodId, facts), teams};
}
