/**
 * Runs of the template plan on the demo base, made headlessly as a preview makes them (read the
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

export interface DemoRuns {
  plan: PlanDocument;
  /** One run per period asked for, in that order. */
  runs: RunResult[];
  /** Participant record id -> team (null: none), as read for the last period. */
  teams: Map<string, string | null>;
}

export async function demoRuns(periodIds: readonly string[] = ['2026-03'], base: DemoBaseOptions = {size: 'small'}): Promise<DemoRuns> {
  const driver = createDriver(demoBase(base));
  const plan = createTemplate(baseSchema(driver.base), '2026-03-31');
  const runs: RunResult[] = [];
  let teams = new Map<string, string | null>();
  for (const periodId of periodIds) {
    const {facts} = await readFacts(driver.base, plan, undefined, {periodId});
    teams = new Map(facts.participants.map((p) => [p.id, p.team]));
    runs.push(runPlan(plan, periodId, facts));
  }
  return {plan, runs, teams};
}
