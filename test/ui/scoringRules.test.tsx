/** @jest-environment jsdom */
/**
 * The plan options of issue 15 in the settings screen, on the simulated demo base: score rounding,
 * target proration (which needs the people table's start date) and split credit per source.
 */
import {screen, waitFor} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import {createDriver} from '../../sim/driver';
import {demoBase, FIELD_IDS} from '../../sim/demoBase';
import {SettingsView} from '../../frontend/settings/SettingsView';
import type {PlanDocument} from '../../src/plan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60000);

function button(label: string | RegExp): HTMLButtonElement {
  const found = screen.getByText(label).closest('button');
  if (!found) throw new Error(`no button for ${String(label)}`);
  return found;
}

it('sets score rounding, proration with its start date, and split credit, and saves them', async () => {
  const user = userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});
  const onSave = jest.fn(async (_plan: PlanDocument) => undefined);
  renderInBase(createDriver(demoBase({reps: 8, orders: 20, months: 1})), 'zh', <SettingsView plan={null} onSave={onSave} canSave={{ok: true}} />);
  await user.click(button('使用直销模板'));

  await user.click(button('得分舍入与目标折算'));
  await user.selectOptions(screen.getByLabelText('得分舍入'), '各项加权得分先舍入再相加');
  await user.selectOptions(screen.getByLabelText('目标按在岗天数折算'), '按在岗天数折算');
  // Proration without a start date field is an error, shown at the field's picker, and blocks saving.
  expect(screen.getByText(/目标按在岗天数折算需要参与人表的入职日期字段/)).toBeInTheDocument();
  expect(button('保存方案')).toBeDisabled();
  await user.selectOptions(screen.getByLabelText('入职日期（折算目标用）'), '入职日期');

  await user.selectOptions(screen.getAllByLabelText('关联多人的记录')[0], '金额平均分配');
  expect(screen.getByText('只有求和类指标（金额）会分配；计数、平均和比率按整条记录计入第一位关联人员。')).toBeInTheDocument();

  expect(button('保存方案')).toBeEnabled();
  await user.click(button('保存方案'));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  const saved = onSave.mock.calls[0][0];
  expect(saved.scoreRounding).toEqual({mode: 'eachWeighted', places: 2});
  expect(saved.proration).toEqual({enabled: true});
  expect(saved.mapping.people?.start).toEqual({id: FIELD_IDS.reps.joined, name: '入职日期'});
  expect(saved.mapping.sources[0].credit).toEqual({kind: 'equal'});
});
