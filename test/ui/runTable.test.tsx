/** @jest-environment jsdom */
import TestDriver from '@airtable/blocks-testing';
import {screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {LIST_HEIGHT, PreviewTable, ROW_HEIGHT, matchingRows} from '../../frontend/run/PreviewTable';
import type {PreviewRow} from '../../frontend/run/previewRows';
import {barWidths} from '../../frontend/run/Leaderboard';
import {cellText, groupThousands, makeFormats} from '../../frontend/run/format';
import {FormatProvider} from '../../frontend/run/FormatProvider';
import {countText} from '../../src/i18n/numbers';
import type {Currency, Lang} from '../../src/plan';
import {shellBase} from '../support/shellBase';
import {renderInBase} from '../support/renderInBase';

const rows: PreviewRow[] = [
  {participantId: 'recLi', rank: 1, name: '李娜', totalScore: '120', grade: 'S', totalPay: '8000.00', changes: [{resultKey: 'grade', old: null, new: {name: 'S'}}]},
  {participantId: 'recZhao', rank: 2, name: '赵敏', totalScore: '60.00', grade: 'C', totalPay: '4800.00', changes: []},
  {
    participantId: 'recWang',
    rank: 3,
    name: 'Wang Qiang',
    totalScore: '40.5',
    grade: 'D',
    totalPay: '14500.00',
    changes: [
      {resultKey: 'totalPay', old: 4000, new: 14500},
      {resultKey: 'bonus', old: 124.5, new: 3000},
      {resultKey: 'totalScore', old: 38, new: 40.5},
      {resultKey: 'calculatedAt', old: null, new: '2026-03-28T09:00:02.085Z (plan version 2026)'},
    ],
  },
];

const YUAN: Pick<Currency, 'code' | 'precision'> = {code: 'CNY', precision: 2};
const DOLLARS: Pick<Currency, 'code' | 'precision'> = {code: 'USD', precision: 2};

function renderTable(lang: Lang, currency: Pick<Currency, 'code' | 'precision'> = YUAN, shown: PreviewRow[] = rows, onSelect = jest.fn()) {
  const driver = new TestDriver(shellBase());
  renderInBase(
    driver,
    lang,
    <FormatProvider currency={currency}>
      <PreviewTable rows={shown} selectedId={null} onSelect={onSelect} />
    </FormatProvider>,
  );
  return onSelect;
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const column = (name: string) => bodyRows().map((row) => row.querySelector(`[data-col="${name}"]`)?.textContent);

describe('the preview table', () => {
  it('shows one compact row per person in rank order, with money in the plan currency and scores at two places', () => {
    renderTable('zh');
    expect(column('name')).toEqual(['李娜', '赵敏', 'Wang Qiang']);
    expect(column('totalScore')).toEqual(['120.00', '60.00', '40.50']);
    expect(column('totalPay')).toEqual(['¥8,000.00', '¥4,800.00', '¥14,500.00']);
    expect(column('changes')).toEqual(['▸ 1', '—', '▸ 4']);
    // Collapsed: no change line is in the page.
    expect(screen.queryByTestId('change-recWang-totalPay')).not.toBeInTheDocument();
  });

  it('expands a row to its changes, each formatted like its column (¥)', async () => {
    const user = userEvent.setup({pointerEventsCheck: 0});
    renderTable('zh');
    await user.click(screen.getByRole('button', {name: '展开 Wang Qiang 的变更'}));
    expect(screen.getByTestId('change-recWang-totalPay')).toHaveTextContent('总收入: ¥4,000.00 → ¥14,500.00');
    expect(screen.getByTestId('change-recWang-bonus')).toHaveTextContent('奖金: ¥124.50 → ¥3,000.00');
    expect(screen.getByTestId('change-recWang-totalScore')).toHaveTextContent('总分: 38.00 → 40.50');
    // The calculation time in local time with its zone, not an ISO UTC string.
    expect(screen.getByTestId('change-recWang-calculatedAt').textContent).not.toMatch(/T09:00:02\.085Z/);
    expect(screen.getByTestId('change-recWang-calculatedAt').textContent).toMatch(/2026/);
    await user.click(screen.getByRole('button', {name: '收起 Wang Qiang 的变更'}));
    expect(screen.queryByTestId('change-recWang-totalPay')).not.toBeInTheDocument();
  });

  it('formats every amount in dollars for a USD plan, in English', async () => {
    const user = userEvent.setup({pointerEventsCheck: 0});
    renderTable('en', DOLLARS);
    expect(column('totalPay')).toEqual(['$8,000.00', '$4,800.00', '$14,500.00']);
    await user.click(screen.getByRole('button', {name: 'Show the changes for Wang Qiang'}));
    expect(screen.getByTestId('change-recWang-bonus')).toHaveTextContent('Bonus: $124.50 → $3,000.00');
    await user.click(screen.getByRole('button', {name: 'Show the changes for 李娜'}));
    expect(screen.getByTestId('change-recLi-grade')).toHaveTextContent('Grade: — → S');
  });

  it('sorts by a clicked header, comparing money exactly, and flips on a second click', async () => {
    const user = userEvent.setup({pointerEventsCheck: 0});
    renderTable('en');
    await user.click(screen.getByRole('button', {name: /Total pay/}));
    // Descending first for money: 14,500 > 8,000 > 4,800 (a text sort would put 8000 first).
    expect(column('name')).toEqual(['Wang Qiang', '李娜', '赵敏']);
    await user.click(screen.getByRole('button', {name: /Total pay/}));
    expect(column('name')).toEqual(['赵敏', '李娜', 'Wang Qiang']);
    await user.click(screen.getByRole('button', {name: /Changes/}));
    expect(column('name')).toEqual(['Wang Qiang', '李娜', '赵敏']);
  });

  it('finds people by name, ignoring case', async () => {
    const user = userEvent.setup({pointerEventsCheck: 0});
    renderTable('en');
    await user.type(screen.getByRole('searchbox', {name: 'Search by name'}), 'wang');
    expect(column('name')).toEqual(['Wang Qiang']);
    expect(screen.getByTestId('preview-shown')).toHaveTextContent('1 of 3 participants shown');
    await user.clear(screen.getByRole('searchbox', {name: 'Search by name'}));
    await user.type(screen.getByRole('searchbox', {name: 'Search by name'}), '赵');
    expect(column('name')).toEqual(['赵敏']);
    expect(matchingRows(rows, '  LI ')).toEqual([]);
  });

  it('speaks Chinese when the user chose it, and reports the clicked participant', async () => {
    const user = userEvent.setup({pointerEventsCheck: 0});
    const onSelect = renderTable('zh');
    expect(screen.getByRole('button', {name: /总收入/})).toBeInTheDocument();
    await user.click(screen.getByRole('button', {name: '赵敏'}));
    expect(onSelect).toHaveBeenCalledWith('recZhao');
  });

  it('keeps a few dozen rows in the page for 10,000 people', () => {
    const many: PreviewRow[] = Array.from({length: 10_000}, (_, i) => ({
      participantId: `rec${i}`,
      rank: i + 1,
      name: `Rep ${i + 1}`,
      totalScore: '50',
      grade: 'B',
      totalPay: '1000',
      changes: [],
    }));
    renderTable('en', YUAN, many);
    const inPage = bodyRows().length;
    expect(inPage).toBeGreaterThan(5);
    expect(inPage).toBeLessThanOrEqual(Math.ceil(LIST_HEIGHT / ROW_HEIGHT) + 16);
    expect(screen.getByTestId('preview-shown')).toHaveTextContent('10,000 of 10,000 participants shown');
  });
});

describe('display helpers', () => {
  it('groups thousands on the text of a decimal, never through a float', () => {
    expect(groupThousands('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
    expect(groupThousands('-9000')).toBe('-9,000');
    expect(cellText({id: 'selS', name: 'S'})).toBe('S');
  });

  it('formats money exactly in ¥ and $ and counts with English plurals', () => {
    expect(makeFormats('zh', YUAN, 'zh-CN').money('12345678901234567.89')).toBe('¥12,345,678,901,234,567.89');
    expect(makeFormats('en', DOLLARS, 'en-US').money('-3000')).toBe('-$3,000.00');
    expect(makeFormats('en', {code: 'JPY', precision: 0}, 'en-US').cell('totalPay', 1500)).toBe('¥1,500');
    expect(countText('en', 1, 'run.n.records')).toBe('1 record');
    expect(countText('en', 2, 'run.n.records')).toBe('2 records');
    expect(countText('en', 0, 'run.n.records')).toBe('0 records');
    expect(countText('en', 12345, 'run.n.participants', 'en-US')).toBe('12,345 participants');
    expect(countText('zh', 1, 'run.n.records')).toBe('1 条记录');
    expect(countText('zh', 2, 'run.n.cells')).toBe('2 个单元格');
  });

  it('scales leaderboard bars to the best score and never below zero', () => {
    expect(barWidths(['120', '60', '-5'])).toEqual([100, 50, 0]);
    expect(barWidths(['0', '0'])).toEqual([0, 0]);
  });
});
