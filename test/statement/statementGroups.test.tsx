/** @jest-environment jsdom */
/**
 * Everyone's statements at scale: the print view holds one group of STATEMENTS_PER_PRINT pages at
 * a time (a page is some 53 elements; 10,000 at once would be 530,000), and the chooser moves to
 * the next people by rank.
 */
// The simulated SDK before the SDK itself (it is what the SDK finds as its host).
import {createDriver} from '../../sim/driver';
import {screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {StatementView} from '../../frontend/statement/StatementView';
import {printGroups, STATEMENTS_PER_PRINT} from '../../frontend/statement/statements';
import {runPlan} from '../../src/engine';
import {buildStatement, type Statement} from '../../src/statement/statement';
import {demoBase} from '../../sim/demoBase';
import {PERIOD, workedExamplePlan} from '../support/planFixtures';
import {renderInBase} from '../support/renderInBase';
import {workedExampleFacts} from './workedExample';

jest.setTimeout(120_000);

const PEOPLE = 1200;

/** 1,200 statements built from the worked example's results, each person named by rank. */
function manyStatements(): {plan: ReturnType<typeof workedExamplePlan>; statements: Statement[]} {
  const plan = {...workedExamplePlan(), name: '华东直销 2026', resultLanguage: 'en' as const};
  const results = runPlan(plan, PERIOD.id, workedExampleFacts()).results;
  const statements = Array.from({length: PEOPLE}, (_, i) => {
    const result = {...results[i % results.length], participantId: `recP${i + 1}`, name: `Rep ${i + 1}`, rank: i + 1};
    return buildStatement({planName: plan.name, period: PERIOD, status: 'open', result, currency: plan.currency});
  });
  return {plan, statements};
}

const shownNames = () => screen.getAllByTestId('statement-page').map((page) => page.getAttribute('aria-label'));

describe('everyone\'s statements, a group at a time', () => {
  it('splits by rank into groups of the print size, the last one shorter', () => {
    expect(printGroups(1200, 500)).toEqual([
      {start: 0, end: 500},
      {start: 500, end: 1000},
      {start: 1000, end: 1200},
    ]);
    expect(printGroups(12)).toEqual([{start: 0, end: 12}]);
    expect(printGroups(0)).toEqual([{start: 0, end: 0}]);
  });

  it('holds at most one group of pages at 1,200 people, and the chooser shows the next people', async () => {
    const {plan, statements} = manyStatements();
    const driver = createDriver(demoBase({reps: 4, orders: 10, months: 1}));
    renderInBase(driver, 'en', <StatementView plan={plan} statements={statements} onClose={() => undefined} />);
    const user = userEvent.setup({pointerEventsCheck: 0});

    expect(STATEMENTS_PER_PRINT).toBe(500);
    let names = shownNames();
    expect(names).toHaveLength(500);
    expect(names[0]).toBe('Statement of Rep 1');
    expect(names[499]).toBe('Statement of Rep 500');
    expect(screen.getByText(/^1,200 statements, one page per person/)).toBeInTheDocument();

    const chooser = screen.getByRole('combobox', {name: 'People to print (by rank)'}) as HTMLSelectElement;
    expect(Array.from(chooser.options).map((option) => option.textContent)).toEqual([
      '1–500: Rep 1 … Rep 500',
      '501–1,000: Rep 501 … Rep 1000',
      '1,001–1,200: Rep 1001 … Rep 1200',
    ]);

    await user.click(within(screen.getByTestId('statement-groups')).getByRole('button', {name: 'Next group'}));
    names = shownNames();
    expect(names).toHaveLength(500);
    expect(names[0]).toBe('Statement of Rep 501');
    expect(names[499]).toBe('Statement of Rep 1000');

    await user.selectOptions(chooser, '1,001–1,200: Rep 1001 … Rep 1200');
    names = shownNames();
    expect(names).toHaveLength(200);
    expect(names[0]).toBe('Statement of Rep 1001');
    expect(names[199]).toBe('Statement of Rep 1200');
    expect(screen.getByRole('button', {name: 'Next group'})).toBeDisabled();
    // The whole view, toolbar included, stays bounded: far from the 1,200 pages' elements.
    expect(screen.getByTestId('statements').querySelectorAll('*').length).toBeLessThan(200 * 80);
  });
});
