/** @jest-environment jsdom */
/**
 * The run log panel shows what a refresh carried from closed periods (issue 13): the adjustments
 * total, the people concerned and the balance carried forward, in the reader's language and the
 * plan's currency; an entry without adjustments says nothing about them.
 */
import TestDriver from '@airtable/blocks-testing';
import {screen} from '@testing-library/react';
import {FormatProvider} from '../../frontend/run/FormatProvider';
import {RunLogPanel} from '../../frontend/run/RunLogPanel';
import type {RunLogEntry} from '../../frontend/state/runLog';
import {shellBase} from '../support/shellBase';
import {renderInBase} from '../support/renderInBase';

const entry = (extra: Partial<RunLogEntry> = {}): RunLogEntry => ({
  at: '2026-03-05T08:00:00.000Z',
  user: '财务 张晓红',
  periodId: '2026-02',
  periodLabel: '2026-02',
  versionId: 'v1',
  planRevision: 'abcd1234',
  participants: 20,
  changed: 3,
  unchanged: 17,
  failed: 0,
  totals: {totalPay: '98765.40', bonus: '0', teamBonus: '0', award: '0'},
  ledger: {created: 0, updated: 3},
  ...extra,
});

const cny = {code: 'CNY', precision: 2};

describe('the run log shows adjustments and balances carried', () => {
  it('in Chinese and in English, with the plan currency', () => {
    const withAdjustments = entry({adjustments: {total: '-1250.5', balance: '-2000', people: 2}});
    const zh = renderInBase(new TestDriver(shellBase()), 'zh', <FormatProvider currency={cny}><RunLogPanel entries={[withAdjustments]} /></FormatProvider>);
    expect(screen.getByTestId('run-log')).toHaveTextContent('；以前周期调整 -¥1,250.50（2 人），结转余额 -¥2,000.00');
    zh.unmount();
    renderInBase(new TestDriver(shellBase()), 'en', <FormatProvider currency={cny}><RunLogPanel entries={[withAdjustments]} /></FormatProvider>);
    expect(screen.getByTestId('run-log')).toHaveTextContent(/adjustments from earlier periods -?(CN)?¥-?1,250\.50 \(2 people\), balance carried forward -?(CN)?¥-?2,000\.00/);
  });

  it('says nothing of adjustments when none were carried', () => {
    renderInBase(new TestDriver(shellBase()), 'en', <RunLogPanel entries={[entry()]} />);
    expect(screen.getByTestId('run-log')).toHaveTextContent('results table: 0 rows created, 3 updated');
    expect(screen.getByTestId('run-log')).not.toHaveTextContent('adjustments');
  });
});
