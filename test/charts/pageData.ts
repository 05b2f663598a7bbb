/**
 * What the charts' check page shows: three months of the template plan on the small demo base,
 * the last month's run with its teams, and the first participant's trend across the three.
 */
import {trendRow, type TrendRow} from '../../src/charts';
import type {PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import {demoRuns} from './demoRun';

export interface ChartsPageData {
  plan: Pick<PlanDocument, 'versions' | 'currency'>;
  run: RunResult;
  teams: [string, string | null][];
  trend: {name: string; rows: TrendRow[]};
}

export const CHART_PERIODS = ['2026-01', '2026-02', '2026-03'] as const;

export async function chartsPageData(): Promise<ChartsPageData> {
  const {plan, runs, teams} = await demoRuns(CHART_PERIODS);
  const run = runs[runs.length - 1];
  const person = run.results[0];
  const rows = runs.flatMap((r, i) => {
    const result = r.results.find((x) => x.participantId === person.participantId);
    const period = plan.periods.find((p) => p.id === CHART_PERIODS[i]);
    return result ? [trendRow(CHART_PERIODS[i], period?.label || CHART_PERIODS[i], result)] : [];
  });
  return {plan: {versions: plan.versions, currency: plan.currency}, run, teams: [...teams], trend: {name: person.name, rows}};
}
