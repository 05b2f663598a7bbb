/** @jest-environment jsdom */
/**
 * The run view shows the charts of the previewed period on demand, with each team's pay read from
 * the people table's team field. jsdom has no canvas, so react-chartjs-2's components record the
 * data chart.js would draw (as in test/charts/ChartsPanel.test.tsx).
 */
import {screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {ChartData} from 'chart.js';
import type {FixtureData} from '../../sim/fixture';
import {createDriver} from '../../sim/driver';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {baseSchema} from '../../frontend/adapter/schema';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {createTemplate} from '../../src/template';
import {renderInBase} from '../support/renderInBase';

const drawn: {label: string; data: ChartData}[] = [];

jest.mock('react-chartjs-2', () => {
  const record = () =>
    function Recorded({data, options: _options, type: _type, ...canvas}: {data: ChartData; options: unknown; type?: string} & Record<string, unknown>) {
      drawn.push({label: String(canvas['aria-label'] ?? ''), data});
      return <canvas {...canvas} />;
    };
  return {Bar: record(), Chart: record(), Line: record()};
});

jest.setTimeout(120_000);

const DEMO = {reps: 30, orders: 300, months: 2};

it('draws the period’s charts on demand, pay grouped by the teams of the people table', async () => {
  const fixture = demoBase(DEMO);
  const plan = createTemplate(baseSchema(createDriver(demoBase(DEMO)).base), '2026-02-15');
  const driver = createDriver({...fixture, globalConfig: {[PLAN_CONFIG_KEY]: serializePlan(plan)}} as FixtureData);
  renderInBase(driver, 'en');
  const user = userEvent.setup({pointerEventsCheck: 0});
  const february = plan.periods.find((p) => p.id === '2026-02')!;
  await user.selectOptions(await screen.findByRole('combobox', {name: 'Period'}), february.label);
  await user.click(screen.getByRole('button', {name: 'Preview'}));
  await screen.findByTestId('preview-totals', {}, {timeout: 60_000});

  expect(drawn).toHaveLength(0);
  await user.click(screen.getByRole('button', {name: 'Charts'}));
  expect(drawn.length).toBeGreaterThanOrEqual(4);

  // The teams the people table names (single select), each a bar of the pay-by-team chart.
  const reps = fixture.base.tables.find((table) => table.id === TABLE_IDS.reps)!;
  const teams = new Set(reps.records.map((record) => (record.cellValuesByFieldId[FIELD_IDS.reps.team] as {name: string} | null)?.name).filter(Boolean));
  const teamChart = drawn.find((chart) => chart.label.startsWith('Pay by team'));
  expect(teamChart).toBeDefined();
  expect(new Set(teamChart!.data.labels as string[])).toEqual(teams);
  expect(within(document.body).getAllByRole('img').length).toBeGreaterThanOrEqual(4);
});
