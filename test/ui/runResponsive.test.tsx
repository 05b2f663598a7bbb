/** @jest-environment jsdom */
/**
 * Issue 5: during a refresh the progress bar moves through every phase while the preview table,
 * the leaderboard and the warnings do not re-render: a 10,000-row preview must not be rebuilt for
 * each written batch. Runs the real App, pipeline and SDK on a simulated base whose refresh
 * writes in three calls.
 */
import type TestDriver from '@airtable/blocks-testing';
import type {FixtureData} from '../../sim/fixture';
import {screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {NamedExoticComponent, ReactElement} from 'react';
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import type {Progress, RunHooks} from '../../frontend/run/pipeline';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {demoPlan} from '../support/demoPlan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60_000);

type Counted = 'table' | 'leaderboard' | 'warnings';
const mockRenders: Record<Counted, number> = {table: 0, leaderboard: 0, warnings: 0};

/** What the user saw at one progress update of the refresh, and how often each part had rendered by then. */
interface Seen {
  progress: Progress;
  label: string | null;
  renders: Record<Counted, number>;
}
const mockSeen: Seen[] = [];

/**
 * The real memoised component with a render counter inside the memo: the component's own
 * comparison decides, so a prop RunView rebuilds on every render (a new array, an inline
 * callback) shows up as a render here.
 */
function mockCounting<P extends object>(real: NamedExoticComponent<P>, name: Counted): unknown {
  const react = jest.requireActual('react') as typeof import('react');
  const memoised = real as unknown as {type?: (props: P) => ReactElement | null; compare?: null | ((a: P, b: P) => boolean)};
  if (typeof memoised.type !== 'function') throw new Error(`${name} is not a memoised component`);
  const render = memoised.type;
  return react.memo((props: P) => {
    mockRenders[name]++;
    return render(props);
  }, memoised.compare ?? undefined);
}

jest.mock('../../frontend/run/PreviewTable', () => {
  const actual = jest.requireActual('../../frontend/run/PreviewTable');
  return {...actual, PreviewTable: mockCounting(actual.PreviewTable, 'table')};
});
jest.mock('../../frontend/run/Leaderboard', () => {
  const actual = jest.requireActual('../../frontend/run/Leaderboard');
  return {...actual, Leaderboard: mockCounting(actual.Leaderboard, 'leaderboard')};
});
jest.mock('../../frontend/run/Warnings', () => {
  const actual = jest.requireActual('../../frontend/run/Warnings');
  return {...actual, Warnings: mockCounting(actual.Warnings, 'warnings')};
});
// The real refresh; after RunView has handled each progress update, note what the page shows.
jest.mock('../../frontend/run/pipeline', () => {
  const actual = jest.requireActual('../../frontend/run/pipeline');
  return {
    ...actual,
    refresh: (...args: unknown[]) => {
      const hooks = (args[5] ?? {}) as RunHooks;
      const onProgress = (progress: Progress) => {
        hooks.onProgress?.(progress);
        const label = document.querySelector('[data-testid="progress"]')?.textContent ?? null;
        mockSeen.push({progress, label, renders: {...mockRenders}});
      };
      return actual.refresh(...args.slice(0, 5), {...hooks, onProgress});
    },
  };
});

function mountWith(fixture: FixtureData): TestDriver {
  const driver = createDriver({...fixture, globalConfig: {[PLAN_CONFIG_KEY]: serializePlan(demoPlan())}} as FixtureData);
  renderInBase(driver, 'en');
  return driver;
}

describe('the run view during a refresh', () => {
  it('moves the progress bar through every phase and each write batch without re-rendering the table, leaderboard or warnings', async () => {
    // 130 participants, none written yet: write calls of 50, 50 and 30 records.
    mountWith(demoBase({reps: 130, orders: 260}));
    const user = userEvent.setup({pointerEventsCheck: 0});
    await user.selectOptions(await screen.findByRole('combobox', {name: 'Period'}), '2026-02');
    await user.click(screen.getByRole('button', {name: 'Preview'}));
    expect(await screen.findByTestId('preview-totals', {}, {timeout: 30_000})).toHaveTextContent('of 130 participants will change');
    expect(mockRenders.table).toBeGreaterThan(0);
    const before = {...mockRenders};

    await user.click(screen.getByRole('button', {name: 'Refresh'}));
    expect(await screen.findByTestId('refresh-summary', {}, {timeout: 30_000})).toHaveTextContent('Done: 130 participants updated');

    // The bar named each phase, and moved with each of the three write calls.
    const labels = mockSeen.map((s) => s.label);
    for (const phase of ['Reading the base', 'Computing scores and pay', 'Comparing with the result cells', 'Writing results']) {
      expect(labels.some((label) => label?.startsWith(phase))).toBe(true);
    }
    expect(labels).toEqual(expect.arrayContaining(['Writing results… 38%', 'Writing results… 77%', 'Writing results… 100%']));

    // Not one render of the preview's parts while the run was going.
    expect(mockSeen.length).toBeGreaterThan(5);
    for (const seen of mockSeen) expect(seen.renders).toEqual(before);

    // Once written, each part renders once: the refresh recomputed the results, and the table's
    // rows now show no change.
    expect(mockRenders).toEqual({table: before.table + 1, leaderboard: before.leaderboard + 1, warnings: before.warnings + 1});
    const firstRow = screen.getAllByRole('row')[1];
    expect(within(firstRow).getByLabelText('No change')).toBeInTheDocument();
  });
});
