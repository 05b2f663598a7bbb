/** @jest-environment jsdom */
/**
 * The run view with the article's template on the demo base (Chinese names, a four-level tree,
 * refunds, orphans): write calls of at most 50 records, exactly ceil(changed / 50) of them, none on
 * a second refresh, and a call failing half-way reported and completed by the next refresh.
 */
import type TestDriver from '@airtable/blocks-testing';
import {screen, waitFor, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {FixtureData} from '../../sim/fixture';
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import {baseSchema} from '../../frontend/adapter/schema';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {createTemplate} from '../../src/template';
import type {PlanDocument} from '../../src/plan';
import * as numbers from '../../src/i18n/numbers';
import {LIST_HEIGHT, ROW_HEIGHT} from '../../frontend/run/PreviewTable';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(180_000);

// Counts row renders: every preview row formats its rank and its score (decimalText) once per render.
jest.mock('../../src/i18n/numbers', () => {
  const actual = jest.requireActual('../../src/i18n/numbers');
  return {...actual, decimalText: jest.fn(actual.decimalText)};
});
const decimalText = numbers.decimalText as jest.MockedFunction<typeof numbers.decimalText>;
/** Rows the virtualised list renders at most: those in its height, and its overscan on each side. */
const ROWS_IN_DOM = Math.ceil(LIST_HEIGHT / ROW_HEIGHT) + 2 * 8;

const DEMO = {reps: 120, orders: 600, months: 2};
const TODAY = '2026-02-15';

function templateSetup(): {driver: TestDriver; plan: PlanDocument} {
  // The template reads the base's schema to match fields by their Chinese names.
  const plan = createTemplate(baseSchema(createDriver(demoBase(DEMO)).base), TODAY);
  const driver = createDriver({...demoBase(DEMO), globalConfig: {[PLAN_CONFIG_KEY]: serializePlan(plan)}} as FixtureData);
  renderInBase(driver, 'en');
  return {driver, plan};
}

function watchUpdateCalls(driver: TestDriver): number[] {
  const sizes: number[] = [];
  driver.watch('mutation', (mutation) => {
    if (mutation.type === 'setMultipleRecordsCellValues') sizes.push((mutation as unknown as {records: unknown[]}).records.length);
  });
  return sizes;
}

async function previewFebruary(plan: PlanDocument) {
  const user = userEvent.setup({pointerEventsCheck: 0});
  const february = plan.periods.find((p) => p.id === '2026-02');
  if (!february) throw new Error('the template has no February period');
  await user.selectOptions(await screen.findByRole('combobox', {name: 'Period'}), february.label);
  await user.click(screen.getByRole('button', {name: 'Preview'}));
  const totals = await screen.findByTestId('preview-totals', {}, {timeout: 60_000});
  const changing = Number(/cells of (\d+) participants will change/.exec(totals.textContent ?? '')?.[1]);
  return {user, changing};
}

async function refreshAndWait(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', {name: 'Refresh'}));
  return screen.findByTestId('refresh-summary', {}, {timeout: 60_000});
}

describe('the template on the demo base', () => {
  it('writes in calls of at most 50 records, ceil(changed / 50) of them, and none the second time', async () => {
    const {driver, plan} = templateSetup();
    const calls = watchUpdateCalls(driver);
    const {user, changing} = await previewFebruary(plan);
    expect(changing).toBe(DEMO.reps);
    const rows = within(screen.getByRole('table', {name: /Preview/})).getAllByRole('row');
    expect(rows.length - 1).toBeGreaterThan(0);
    expect(rows.length - 1).toBeLessThanOrEqual(ROWS_IN_DOM);

    decimalText.mockClear();
    const summary = await refreshAndWait(user);
    expect(summary).toHaveTextContent(`${DEMO.reps} participants updated`);
    expect(calls).toEqual([50, 50, 20]);
    // Progress re-rendered the bar on each of the 3 batches, but the rows in view rendered once,
    // when the written cells stopped being changes (two numbers a row, plus the run log's line).
    expect(decimalText.mock.calls.length).toBeLessThan(2 * 2 * ROWS_IN_DOM);

    await user.click(screen.getByRole('button', {name: 'Refresh'}));
    await waitFor(() => expect(screen.getByTestId('refresh-summary')).toHaveTextContent(`0 participants updated`), {timeout: 60_000});
    expect(calls).toHaveLength(3);
  });

  it('a call failing at batch 2 of 3: the summary says what was written, and the next refresh completes only the rest', async () => {
    const {driver, plan} = templateSetup();
    const calls = watchUpdateCalls(driver);
    const reps = driver.base.getTableById('tblReps');
    const original = reps.updateRecordsAsync.bind(reps);
    let attempt = 0;
    const spy = jest.spyOn(reps, 'updateRecordsAsync').mockImplementation((records) => {
      attempt++;
      return attempt === 2 ? Promise.reject(new Error('simulated network failure')) : original(records);
    });
    const {user} = await previewFebruary(plan);

    const summary = await refreshAndWait(user);
    // Batch 1 (50 records) was written; batch 2 failed, and batch 3 was not attempted.
    expect(summary).toHaveTextContent('50 participants updated');
    expect(summary).toHaveTextContent(`${DEMO.reps - 50} failed`);
    expect(summary).toHaveTextContent('simulated network failure');
    expect(calls).toEqual([50]);
    expect(screen.getByTestId('preview-totals')).toHaveTextContent(`cells of ${DEMO.reps - 50} participants will change`);

    spy.mockRestore();
    await user.click(screen.getByRole('button', {name: 'Refresh'}));
    await waitFor(() => expect(screen.getByTestId('refresh-summary')).toHaveTextContent(`${DEMO.reps - 50} participants updated`), {
      timeout: 60_000,
    });
    expect(calls).toEqual([50, 50, 20]);
  });
});
