/** @jest-environment jsdom */
/**
 * Warnings in business words: records named by their primary value (as the read gives them),
 * the same warning on the same table and field grouped with a count, and a link that opens the
 * record in Airtable.
 */
import TestDriver from '@airtable/blocks-testing';
import {screen, waitFor, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {Warnings} from '../../frontend/run/Warnings';
import {groupWarnings, issueText} from '../../frontend/run/warningGroups';
import {makeIssue, idList} from '../../src/engine/issues';
import {shellBase} from '../support/shellBase';
import {renderInBase} from '../support/renderInBase';

const orders = {zh: '订单', en: 'Orders'};
const orphan = (ids: string[]) =>
  makeIssue('warning', 'engine.record.orphan', {source: orders, count: ids.length, ids: idList(ids)}, {tableId: 'tblOrders', recordIds: ids});
const notNumber = (ids: string[]) =>
  makeIssue('warning', 'engine.value.notNumber', {source: orders, field: '金额', count: ids.length, ids: idList(ids)}, {
    tableId: 'tblOrders',
    fieldId: 'fldOrdersAmount',
    recordIds: ids,
  });

// Primary values of the named records, as readFacts returns them in `recordNames`.
const names = new Map([
  ['recO5', 'SO-5'],
  ['recO6', 'SO-6'],
  ['recO7', 'SO-7'],
]);

describe('warnings in business words', () => {
  it('names records by their primary value in the message and the links, and opens the record', async () => {
    const driver = new TestDriver(shellBase());
    const expanded: string[] = [];
    driver.watch('expandRecord', ({recordId}) => expanded.push(recordId));
    renderInBase(driver, 'zh', <Warnings issues={[orphan(['recO5'])]} names={names} />);
    const item = screen.getByTestId('issue-engine.record.orphan');
    expect(item).toHaveTextContent('未计入：SO-5');
    expect(item).not.toHaveTextContent('recO5');
    await userEvent.setup({pointerEventsCheck: 0}).click(within(item).getByRole('button', {name: '打开“SO-5”'}));
    await waitFor(() => expect(expanded).toEqual(['recO5']));
  });

  it('groups the same warning on the same field once, with a count and every record', () => {
    const driver = new TestDriver(shellBase());
    renderInBase(driver, 'en', <Warnings issues={[notNumber(['recO5']), notNumber(['recO6', 'recO7']), orphan(['recO5'])]} names={names} />);
    expect(screen.getByRole('heading')).toHaveTextContent('Warnings (3)');
    expect(screen.getAllByRole('listitem').filter((li) => li.dataset.testid?.startsWith('issue-'))).toHaveLength(2);
    const group = screen.getByTestId('issue-engine.value.notNumber');
    expect(within(group).getByTestId('issue-group-count')).toHaveTextContent('2 warnings of this kind');
    expect(within(group).getAllByRole('button', {name: /^Open/}).map((b) => b.textContent)).toEqual(['Open “SO-5”', 'Open “SO-6”', 'Open “SO-7”']);
  });

  it('counts the records beyond the links with the plural of the language', () => {
    const ids = Array.from({length: 7}, (_, i) => `recX${i}`);
    const driver = new TestDriver(shellBase());
    renderInBase(driver, 'en', <Warnings issues={[orphan(ids)]} names={new Map()} />);
    expect(screen.getByTestId('issue-engine.record.orphan')).toHaveTextContent('… and 2 records not shown');
    const [group] = groupWarnings([orphan(['recO5', 'recNoName'])]);
    // A record the read could not name (an empty primary cell) keeps its id.
    expect(issueText(group.issues[0], 'en', names)).toMatch(/credited: SO-5 and recNoName$/);
    expect(issueText(group.issues[0], 'zh', names)).toMatch(/SO-5和recNoName$/);
  });
});
