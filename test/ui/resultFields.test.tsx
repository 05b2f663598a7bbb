/** @jest-environment jsdom */
/**
 * The settings pickers through the real SDK on the simulated demo base (issue 10):
 * - the primary field 姓名 is never offered as a result field, with the name field chosen or not,
 *   and a pick that gets past the list anyway is refused with the reason and never saved;
 * - a lookup is offered for a role by the type it looks up: a lookup of a select as the team, a
 *   lookup of amounts as the base salary, never the other way round.
 */
import {fireEvent, screen, waitFor, within} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import type TestDriver from '@airtable/blocks-testing';
import {createDriver} from '../../sim/driver';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {SettingsView} from '../../frontend/settings/SettingsView';
import {baseSchema} from '../../frontend/adapter/schema';
import {createTemplate} from '../../src/template';
import type {PlanDocument} from '../../src/plan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60000);

const setupUser = () => userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});

/** The demo base with two lookups on the people table: a team looked up from a teams table, sales looked up from orders. */
function demoWithLookups() {
  const fixture = demoBase({reps: 8, orders: 20, months: 1});
  const reps = fixture.base.tables.find((t) => t.id === TABLE_IDS.reps)!;
  const lookup = (id: string, name: string, result: {type: string; options: Record<string, unknown>}) => ({
    id,
    name,
    description: null,
    type: 'multipleLookupValues' as (typeof reps.fields)[number]['type'],
    options: {isValid: true, recordLinkFieldId: FIELD_IDS.reps.upline, fieldIdInLinkedTable: 'fldX', result},
  });
  reps.fields.push(
    lookup('fldRepsTeamLookup', '团队（查找）', {type: 'singleSelect', options: {choices: [{id: 'selE', name: '华东', color: 'blueLight2'}]}}),
    lookup('fldRepsSalesLookup', '业绩（查找）', {type: 'currency', options: {precision: 2, symbol: '¥'}}),
  );
  for (const view of reps.views) view.fieldOrder.fieldIds.push('fldRepsTeamLookup', 'fldRepsSalesLookup');
  for (const [i, record] of reps.records.entries()) {
    record.cellValuesByFieldId.fldRepsTeamLookup = [{linkedRecordId: `recTeam${i}`, value: {id: 'selE', name: '华东', color: 'blueLight2'}}];
    record.cellValuesByFieldId.fldRepsSalesLookup = [{linkedRecordId: `recOrd${i}`, value: 1000 + i}];
  }
  return fixture;
}

function renderSettings(driver: TestDriver, plan: PlanDocument) {
  const onSave = jest.fn(async (_plan: PlanDocument) => undefined);
  renderInBase(driver, 'zh', <SettingsView plan={plan} onSave={onSave} canSave={{ok: true}} />);
  return onSave;
}

function button(label: string | RegExp): HTMLButtonElement {
  const found = screen.getByText(label).closest('button');
  if (!found) throw new Error(`no button for ${String(label)}`);
  return found;
}

const section = (title: string) => button(title).parentElement as HTMLElement;
const picker = (container: HTMLElement, label: string) => within(container).getByLabelText(label) as HTMLSelectElement;
const option = (select: HTMLSelectElement, name: string) => [...select.options].find((o) => o.textContent?.startsWith(name))!;

describe('settings: the primary field is never a result field', () => {
  it.each([
    ['with the name field left empty', true],
    ['with the name field chosen', false],
  ])('does not offer 姓名 for any result, %s', async (_case, withoutName) => {
    const driver = createDriver(demoWithLookups());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    if (withoutName) delete plan.mapping.people!.name;
    renderSettings(driver, plan);
    const results = section('结果字段');
    for (const label of ['绩效明细', '反馈', '荣誉', '等级', '计算时间']) {
      expect(option(picker(results, label), '姓名')).toMatchObject({disabled: true, textContent: '姓名（主字段）'});
    }
  });

  it('refuses 姓名 with the reason if a pick gets past the list, and saves the field it had', async () => {
    const user = setupUser();
    const driver = createDriver(demoWithLookups());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    delete plan.mapping.people!.name;
    const onSave = renderSettings(driver, plan);
    const results = section('结果字段');
    const breakdown = picker(results, '绩效明细');
    // What a keyboard or an old browser could do: choose the disabled option's value anyway.
    fireEvent.change(breakdown, {target: {value: option(breakdown, '姓名').value}});
    expect(await within(results).findByText('✖ “姓名”是人员表的主字段（每个人的名字），不能作为结果字段（否则每次计算都会覆盖名字）。')).toBeInTheDocument();

    await user.click(button('保存方案'));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const saved = onSave.mock.calls[0][0];
    expect(saved.mapping.results.breakdown?.id).toBe(FIELD_IDS.reps.breakdown);
    expect(Object.values(saved.mapping.results).map((ref) => ref?.id)).not.toContain(FIELD_IDS.reps.name);
  });
});

describe('settings: lookups are offered by the type they look up', () => {
  it('offers a lookup of a select as the team and a lookup of amounts as the base salary, not the other way round', async () => {
    const user = setupUser();
    const driver = createDriver(demoWithLookups());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    const onSave = renderSettings(driver, plan);
    const mapping = section('数据映射');
    const team = picker(mapping, '团队');
    const salary = picker(mapping, '基本工资');
    expect(option(team, '团队（查找）').disabled).toBe(false);
    expect(option(team, '业绩（查找）').disabled).toBe(true);
    expect(option(salary, '业绩（查找）').disabled).toBe(false);
    expect(option(salary, '团队（查找）').disabled).toBe(true);

    await user.selectOptions(team, option(team, '团队（查找）'));
    await user.selectOptions(salary, option(salary, '业绩（查找）'));
    await user.click(button('保存方案'));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const saved = onSave.mock.calls[0][0];
    expect(saved.mapping.people?.team).toEqual({id: 'fldRepsTeamLookup', name: '团队（查找）'});
    expect(saved.mapping.people?.baseSalary).toEqual({id: 'fldRepsSalesLookup', name: '业绩（查找）'});
  });
});
