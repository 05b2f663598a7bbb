/**
 * The set-up the command-line tests share: a simulated base given a results table as the
 * settings' one click makes it, then saved, with its plan, as the files `npm run score` reads.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type TestDriver from '@airtable/blocks-testing';
import {createResultsTable} from '../../frontend/adapter/resultsTable';
import {TABLE_IDS} from '../../sim/demoBase';
import {snapshotFixture} from '../../sim/driver';
import type {PlanDocument} from '../../src/plan';
import {serializePlan} from '../../src/storage';

/** Creates the results table in `driver`'s base (fields named in Chinese) and maps it in `plan`. */
export async function addResultsTable(driver: TestDriver, plan: PlanDocument): Promise<void> {
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('results table not created');
  plan.mapping.resultsTable = created.mapping;
}

/** Writes `base.json` (the base as it is now) and `plan.json` into `dir`. */
export function saveForCli(dir: string, driver: TestDriver, plan: PlanDocument): void {
  writeFileSync(path.join(dir, 'base.json'), JSON.stringify(snapshotFixture(driver)));
  writeFileSync(path.join(dir, 'plan.json'), serializePlan(plan));
}
