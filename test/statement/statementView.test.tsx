/** @jest-environment jsdom */
/**
 * The statements' print view: rendered inside the simulated base as the extension shows it, from
 * the worked example of docs/plan.md (known totals), and reached from the run view for one person
 * and for everyone.
 */
// The simulated SDK before the SDK itself (it is what the SDK finds as its host).
import {createDriver} from '../../sim/driver';
import {screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type TestDriver from '@airtable/blocks-testing';
import {StatementView} from '../../frontend/statement/StatementView';
import {baseSchema} from '../../frontend/adapter/schema';
import {runPlan} from '../../src/engine';
import {groupDigits, sayEach} from '../../src/i18n';
import type {Lang, PlanDocument} from '../../src/plan';
import {buildStatement} from '../../src/statement/statement';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {createTemplate} from '../../src/template';
import {demoBase} from '../../sim/demoBase';
import type {FixtureData} from '../../sim/fixture';
import {PERIOD, workedExamplePlan} from '../support/planFixtures';
import {renderInBase} from '../support/renderInBase';
import {workedExampleFacts} from './workedExample';

jest.setTimeout(120_000);

function workedStatements(currency: string, status: 'closed' | 'provisional' = 'closed') {
  const plan = workedExamplePlan();
  const priced = {...plan, name: '华东直销 2026', currency: {...plan.currency, code: currency}};
  const run = runPlan(priced, PERIOD.id, workedExampleFacts());
  return {plan: priced, run, statements: run.results.map((result) => buildStatement({planName: priced.name, period: PERIOD, status, result, currency: priced.currency}))};
}

/** The page-break rule as the document's style sheets hold it (jsdom parses the <style>). */
function breakAfterOf(selector: string): string | null {
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSStyleRule && rule.selectorText === selector) return rule.style.getPropertyValue('break-after');
    }
  }
  return null;
}

/** The print-only rules: what is hidden and shown when printing. */
function printRules(): string[] {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSMediaRule && rule.conditionText === 'print') rules.push(...Array.from(rule.cssRules).map((r) => r.cssText));
    }
  }
  return rules;
}

function renderView(driver: TestDriver, readerLang: Lang, plan: PlanDocument, statements: ReturnType<typeof workedStatements>['statements'], onClose = () => undefined) {
  return renderInBase(driver, readerLang, <StatementView plan={plan} statements={statements} onClose={onClose} />);
}

describe('the statements print view', () => {
  const driver = () => createDriver(demoBase({reps: 4, orders: 10, months: 1}));

  it('prints one page per person with a page break after each, in Chinese with ¥ totals, and the Print button opens the print dialog', async () => {
    const d = driver();
    let fullscreen = 0;
    d.watch('enterFullscreen', () => fullscreen++);
    const {plan, run, statements} = workedStatements('CNY');
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    renderView(d, 'zh', {...plan, resultLanguage: 'zh'}, statements);

    const pages = screen.getAllByTestId('statement-page');
    expect(pages).toHaveLength(run.results.length);
    expect(pages.map((page) => page.className)).toEqual(pages.map(() => 'spb-statement-page'));
    expect(breakAfterOf('.spb-statements .spb-statement-page')).toBe('page');
    expect(breakAfterOf('.spb-statements .spb-statement-page:last-child')).toBe('auto');
    expect(printRules()).toEqual(
      expect.arrayContaining([
        // Everything but the pages and their ancestors leaves the layout (what it hides is checked in Chromium: test/e2e/statement.e2e.ts).
        'body *:not(.spb-statements):not(.spb-statements *):not(:has(.spb-statements)) {display: none !important;}',
        '.spb-statements .spb-statement-toolbar {display: none !important;}',
      ]),
    );
    expect(fullscreen).toBe(1);

    const li = within(screen.getByRole('article', {name: '李雷 的绩效单'}));
    expect(li.getByText('方案：华东直销 2026')).toBeInTheDocument();
    expect(li.getByText('考核周期：2026-03（已关账）')).toBeInTheDocument();
    expect(li.getByTestId('statement-totalPay').textContent).toBe('总收入¥10,165.97');
    expect(li.getByTestId('statement-baseSalary').textContent).toBe('基本工资¥3,000.00');
    expect(li.getByTestId('statement-award').textContent).toBe('冠军奖¥3,070.97');
    const liResult = run.results.find((r) => r.name === '李雷')!;
    const breakdown = screen.getByRole('article', {name: '李雷 的绩效单'}).querySelector('[data-section="breakdown"]') as HTMLElement;
    expect(within(breakdown).getAllByRole('listitem').map((item) => item.textContent)).toEqual(sayEach(liResult.breakdown, 'zh'));
    expect(li.getByText('优势：销售额（得分 113.33）')).toBeInTheDocument();
    expect(li.getByText('本期无调整。')).toBeInTheDocument();
    // Every page's total is that person's total pay.
    for (const result of run.results) {
      const page = within(screen.getByRole('article', {name: `${result.name} 的绩效单`}));
      expect(page.getByTestId('statement-totalPay').textContent).toBe(`总收入¥${groupDigits(result.totalPay)}`);
    }

    await userEvent.setup().click(screen.getByRole('button', {name: '打印 / 导出 PDF'}));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('shows statements in the plan\'s result language, not the reader\'s: English with $ for a reader in Chinese', () => {
    const {plan, statements} = workedStatements('USD', 'provisional');
    renderView(driver(), 'zh', {...plan, resultLanguage: 'en'}, statements);
    // The toolbar is the reader's; the pages are the plan's.
    expect(screen.getByText(/4 份绩效单，每人一页 · 按方案的结果语言（英文）显示/)).toBeInTheDocument();
    const li = within(screen.getByRole('article', {name: 'Statement of 李雷'}));
    expect(li.getByTestId('statement-totalPay').textContent).toBe('Total pay$10,165.97');
    expect(li.getByText('Period: 2026-03 (Provisional)')).toBeInTheDocument();
    expect(li.getByRole('note').textContent).toBe('This period has not ended yet: these amounts are provisional and may change.');
    expect(screen.queryByText(/¥/)).toBeNull();
  });

  it('is opened from the run view for one person (the detail\'s Statement button) and for everyone, and closes back to the run', async () => {
    const fixture = demoBase({reps: 12, orders: 120, months: 2});
    const plan = createTemplate(baseSchema(createDriver(demoBase({reps: 12, orders: 120, months: 2})).base), '2026-02-15');
    const d = createDriver({...fixture, globalConfig: {[PLAN_CONFIG_KEY]: serializePlan({...plan, resultLanguage: 'en'})}} as FixtureData);
    renderInBase(d, 'en');
    const user = userEvent.setup({pointerEventsCheck: 0});
    const february = plan.periods.find((p) => p.id === '2026-02')!;
    await user.selectOptions(await screen.findByRole('combobox', {name: 'Period'}), february.label);
    await user.click(screen.getByRole('button', {name: 'Preview'}));
    await screen.findByTestId('preview-totals', {}, {timeout: 60_000});

    const open = screen.getAllByTitle(/^Open the breakdown for /)[0];
    const name = open.textContent!;
    await user.click(open);
    const detail = screen.getByRole('region', {name: `Breakdown for ${name}`});
    const shownTotal = within(detail).getByTestId('detail-totalPay').textContent;
    await user.click(within(detail).getByRole('button', {name: 'Statement'}));
    const pages = screen.getAllByTestId('statement-page');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toHaveAccessibleName(`Statement of ${name}`);
    expect(within(pages[0]).getByTestId('statement-totalPay').textContent).toBe(`Total pay${shownTotal}`);
    expect(within(pages[0]).getByText(`Period: ${february.label} (Open)`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', {name: 'Close'}));
    expect(screen.queryByTestId('statements')).toBeNull();
    await user.click(screen.getByRole('button', {name: 'All statements'}));
    expect(screen.getAllByTestId('statement-page')).toHaveLength(12);
    expect(screen.getByText(/^12 statements, one page per person/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', {name: 'Close'}));
    expect(await screen.findByTestId('preview-totals')).toBeInTheDocument();
  });
});
