/** @jest-environment jsdom */
/**
 * English plurals through Intl.PluralRules (issue 14): "1 error", "2 errors", never "error(s)";
 * zh says the same in both forms. Checked in the catalogue, in messages that travel as data and on
 * the settings screen.
 */
import {screen} from '@testing-library/react';
import {catalogue, say, t} from '../../src/i18n';
import {countText} from '../../src/i18n/numbers';
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import {SettingsView} from '../../frontend/settings/SettingsView';
import {baseSchema} from '../../frontend/adapter/schema';
import {createTemplate} from '../../src/template';
import type {PlanDocument} from '../../src/plan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60000);

describe('English plurals', () => {
  it('leaves no "(s)" in the English catalogue', () => {
    const hedged = Object.entries(catalogue).filter(([, entry]) => /\w\((s|es)\)/.test(entry.en)).map(([key]) => key);
    expect(hedged).toEqual([]);
  });

  it('says a warning about one record in the singular, noun and verb, and the same words in zh', () => {
    const about = (count: number) => ({key: 'engine.record.noDate' as const, params: {source: 'Orders', count, ids: 'o1'}});
    expect(say(about(1), 'en')).toBe('1 record of source "Orders" has no date and was not credited: o1');
    expect(say(about(2), 'en')).toBe('2 records of source "Orders" have no date and were not credited: o1');
    expect(say(about(1), 'zh')).toBe(say(about(2), 'zh').replace('2 条', '1 条'));
    // Every message with a singular sentence counts with `{count}` in both.
    const unpaired = Object.entries(catalogue).filter(([, entry]) => 'enOne' in entry && !(entry.enOne.includes('{count}') && entry.en.includes('{count}')));
    expect(unpaired).toEqual([]);
  });

  it('picks the form by the count, grouped in the locale, and the same words in zh', () => {
    expect(countText('en', 1, 'settings.n.problems')).toBe('1 problem');
    expect(countText('en', 0, 'settings.n.problems')).toBe('0 problems');
    expect(countText('en', 1200, 'settings.n.resultFields', 'en-US')).toBe('1,200 result fields');
    expect(countText('zh', 1, 'settings.n.problems')).toBe('1 个问题');
    expect(countText('zh', 3, 'settings.n.problems')).toBe('3 个问题');
  });

  it('counts inside messages that are data until read: the settings summary and a plan import refusal', () => {
    const summary = (errors: number, warnings: number) => ({
      key: 'settings.summary' as const,
      params: {errors: {count: errors, noun: 'settings.n.errors' as const}, warnings: {count: warnings, noun: 'settings.n.warnings' as const}},
    });
    expect(say(summary(1, 2), 'en')).toBe('1 error, 2 warnings');
    expect(say(summary(2, 1), 'en')).toBe('2 errors, 1 warning');
    expect(say(summary(1, 2), 'zh')).toBe('1 个错误，2 个警告');
    const refused = (periods: string[]) =>
      t('en', 'ledger.import.frozenRemoved', {version: 'v1', paid: {count: periods.length, noun: 'ledger.n.paidUnder', params: {periods: {list: periods}}}});
    expect(refused(['2026-01'])).toContain('under which closed period 2026-01 was paid:');
    expect(refused(['2026-01', '2026-02'])).toContain('under which closed periods 2026-01 and 2026-02 were paid:');
  });

  it('shows the settings save bar with one error as "1 error" in English', async () => {
    const driver = createDriver(demoBase({reps: 8, orders: 20, months: 1}));
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15', {}, 'en');
    // One error: the template's sales weight 60% made 50%, so the weights sum to 90%.
    const broken: PlanDocument = {...plan, versions: plan.versions.map((v, i) => (i === 0 ? {...v, metrics: v.metrics.map((m, j) => (j === 0 ? {...m, weight: '50'} : m))} : v))};
    renderInBase(driver, 'en', <SettingsView plan={broken} onSave={async () => undefined} canSave={{ok: true}} />);
    expect(await screen.findByText(/^1 error, \d+ warnings?$/)).toBeInTheDocument();
    expect(screen.getByText('Fix 1 error before saving.')).toBeInTheDocument();
  });
});
