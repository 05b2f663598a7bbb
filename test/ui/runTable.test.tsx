/** @jest-environment jsdom */
import TestDriver from '@airtable/blocks-testing';
import {screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {PreviewTable} from '../../frontend/run/PreviewTable';
import type {PreviewRow} from '../../frontend/run/previewRows';
import {barWidths} from '../../frontend/run/Leaderboard';
import {groupThousands, cellText} from '../../frontend/run/format';
import {shellBase} from '../support/shellBase';
import {renderInBase} from '../support/renderInBase';

const rows: PreviewRow[] = [
  {participantId: 'recLi', rank: 1, name: '李娜', totalScore: '120.00', grade: 'S', totalPay: '8000.00', changes: [{resultKey: 'grade', old: null, new: 'S'}]},
  {participantId: 'recZhao', rank: 2, name: '赵敏', totalScore: '60.00', grade: 'C', totalPay: '4800.00', changes: []},
  {participantId: 'recWang', rank: 3, name: '王强', totalScore: '40.00', grade: 'D', totalPay: '14500.00', changes: [{resultKey: 'totalPay', old: 4000, new: 14500}]},
];

function renderTable(lang: 'zh' | 'en', onSelect = jest.fn()) {
  const driver = new TestDriver(shellBase());
  renderInBase(driver, lang, <PreviewTable rows={rows} selectedId={null} onSelect={onSelect} />);
  return onSelect;
}

const names = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[1].textContent);

describe('the preview table', () => {
  it('lists every participant in rank order and shows each changing cell as old -> new', () => {
    renderTable('en');
    expect(names()).toEqual(['李娜', '赵敏', '王强']);
    expect(screen.getByTestId('change-recWang-totalPay')).toHaveTextContent('Total pay: 4,000 → 14,500');
    expect(screen.getByTestId('change-recLi-grade')).toHaveTextContent('Grade: — → S');
    expect(within(screen.getByTestId('preview-row-recZhao')).getByText('No change')).toBeInTheDocument();
  });

  it('sorts by a clicked header, comparing money exactly, and flips on a second click', async () => {
    const user = userEvent.setup({pointerEventsCheck: 0});
    renderTable('en');
    await user.click(screen.getByRole('button', {name: /Total pay/}));
    // Descending first for money: 14,500 > 8,000 > 4,800 (a text sort would put 8000 first).
    expect(names()).toEqual(['王强', '李娜', '赵敏']);
    await user.click(screen.getByRole('button', {name: /Total pay/}));
    expect(names()).toEqual(['赵敏', '李娜', '王强']);
  });

  it('speaks Chinese when the user chose it, and reports the clicked participant', async () => {
    const user = userEvent.setup({pointerEventsCheck: 0});
    const onSelect = renderTable('zh');
    expect(screen.getByRole('button', {name: /总收入/})).toBeInTheDocument();
    await user.click(screen.getByRole('button', {name: '赵敏'}));
    expect(onSelect).toHaveBeenCalledWith('recZhao');
  });
});

describe('display helpers', () => {
  it('groups thousands on the text of a decimal, never through a float', () => {
    expect(groupThousands('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
    expect(groupThousands('-9000')).toBe('-9,000');
    expect(cellText({id: 'selS', name: 'S'})).toBe('S');
  });

  it('scales leaderboard bars to the best score and never below zero', () => {
    expect(barWidths(['120', '60', '-5'])).toEqual([100, 50, 0]);
    expect(barWidths(['0', '0'])).toEqual([0, 0]);
  });
});
