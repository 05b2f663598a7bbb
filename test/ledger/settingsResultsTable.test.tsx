/** @jest-environment jsdom */
/**
 * Settings, "绩效结果表 / Results table": the one-click creation through the screen (field types
 * checked in the simulated base, the mapping saved), a table of the user's own matched by name,
 * and a user who may not create tables seeing the SDK's reason with the button off.
 */
import {screen, waitFor} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import type TestDriver from '@airtable/blocks-testing';
import {FieldType} from '@airtable/blocks/models';
import {createDriver} from '../../sim/driver';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {SettingsView} from '../../frontend/settings/SettingsView';
import type {Lang, PlanDocument} from '../../src/plan';
import {LEDGER_CONFIG_KEY} from '../../src/ledger/state';
import {LEDGER_KEYS} from '../../src/ledger/fields';
import {demoPlan} from '../support/demoPlan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60000);

const user = () => userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});

function button(label: string | RegExp): HTMLButtonElement {
  const found = screen.getByText(label).closest('button');
  if (!found) throw new Error(`no button for ${String(label)}`);
  return found;
}

function renderSettings(driver: TestDriver, lang: Lang = 'zh') {
  const saved: PlanDocument[] = [];
  renderInBase(driver, lang, <SettingsView plan={demoPlan()} onSave={async (plan) => void saved.push(plan)} canSave={{ok: true}} />);
  return saved;
}

describe('settings: the results table', () => {
  it('creates the table in one click with a type suited to each value, maps it and saves it', async () => {
    const driver = createDriver(demoBase({reps: 6, orders: 20, months: 1}));
    const saved = renderSettings(driver);
    const u = user();
    await u.click(button('绩效结果表'));
    await u.click(button('一键创建“绩效结果”表'));
    await screen.findByText(`已创建表“绩效结果”（${LEDGER_KEYS.length} 个字段），保存设置后生效`);

    const table = driver.base.getTableByName('绩效结果');
    const type = (name: string) => table.getFieldByName(name).type;
    expect(table.primaryField.name).toBe('考核周期');
    expect(type('参与人')).toBe(FieldType.MULTIPLE_RECORD_LINKS);
    expect((table.getFieldByName('参与人').options as {linkedTableId: string}).linkedTableId).toBe(TABLE_IDS.reps);
    expect(type('状态')).toBe(FieldType.SINGLE_SELECT);
    expect(type('总分')).toBe(FieldType.NUMBER);
    expect(type('总收入')).toBe(FieldType.CURRENCY);
    expect(type('绩效明细')).toBe(FieldType.MULTILINE_TEXT);
    expect(type('关账时间')).toBe(FieldType.DATE_TIME);
    expect(screen.getByTestId('results-table-fields').textContent).toContain(`已匹配 ${LEDGER_KEYS.length}/${LEDGER_KEYS.length} 个字段`);
    // Creating it again is not offered: the section now shows the mapped table.
    expect(screen.queryByText('一键创建“绩效结果”表')).toBeNull();

    await u.click(button('保存方案'));
    await waitFor(() => expect(saved).toHaveLength(1));
    const mapping = saved[0].mapping.resultsTable!;
    expect(mapping.table).toEqual({id: table.id, name: '绩效结果'});
    expect(mapping.fields.participant).toEqual({id: table.getFieldByName('参与人').id, name: '参与人'});
    expect(mapping.fields.period).toEqual({id: table.primaryField.id, name: '考核周期'});
  });

  it('matches a table of the user own by name in either language, naming fields of the wrong type', async () => {
    const driver = createDriver(demoBase({reps: 6, orders: 20, months: 1}));
    await driver.base.createTableAsync('Pay history', [
      {name: 'Period', type: FieldType.SINGLE_LINE_TEXT},
      {name: 'Participant', type: FieldType.MULTIPLE_RECORD_LINKS, options: {linkedTableId: TABLE_IDS.reps}},
      {name: '总收入', type: FieldType.CURRENCY, options: {precision: 2, symbol: '¥'}},
      {name: 'Breakdown', type: FieldType.SINGLE_LINE_TEXT},
    ]);
    renderSettings(driver, 'en');
    const u = user();
    await u.click(button('Results table'));
    await u.selectOptions(screen.getByRole('combobox', {name: ''}) as HTMLSelectElement, 'Pay history');
    const shown = await screen.findByTestId('results-table-fields');
    expect(shown.textContent).toContain(`3 of ${LEDGER_KEYS.length} fields matched: Period, Participant, and Total pay`);
    expect(shown.textContent).toContain('These fields have the right name but a type that cannot hold the value, and are not used: Breakdown');
  });

  it('shows a user who may not create tables the SDK reason, with the button off', async () => {
    const driver = createDriver(demoBase({reps: 6, orders: 20, months: 1}));
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'createSingleTable');
    renderSettings(driver, 'en');
    await user().click(button('Results table'));
    expect(screen.getByTestId('results-table-denied').textContent).toBe(
      'The results table cannot be created: The testing environment has been configured to deny this mutation.',
    );
    expect(button('Create the "Results" table').disabled).toBe(true);
  });
});

describe('settings: a plan version frozen by a closed period', () => {
  it('is read-only with the reason, and offers a new version from the next open period', async () => {
    const driver = createDriver(demoBase({reps: 6, orders: 20, months: 1}));
    const closed = {status: 'closed', approved: {by: '李娜', at: '2026-02-02T01:00:00.000Z'}, closed: {by: '李娜', at: '2026-02-03T01:00:00.000Z'}, frozenVersionId: 'v1'};
    await driver.globalConfig.setAsync(LEDGER_CONFIG_KEY, JSON.stringify({version: 1, periods: {'2026-01': closed}}));
    const saved = renderSettings(driver, 'en');
    const notice = screen.getByTestId('version-frozen');
    expect(notice).toHaveTextContent('Plan version "2026 标准版" was used by the closed periods 2026-01 and is locked');
    const frozenInputs = screen.getByTestId('version-frozen').parentElement!.querySelector('fieldset')!;
    expect(frozenInputs.disabled).toBe(true);

    await user().click(button('New version from 2026-02-01'));
    await waitFor(() => expect(screen.queryByTestId('version-frozen')).toBeNull());
    await user().click(button('Save plan'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].versions.map((v) => [v.id, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['v1', '2026-01-01', '2026-01-31'],
      ['v2', '2026-02-01', undefined],
    ]);
  });
});
