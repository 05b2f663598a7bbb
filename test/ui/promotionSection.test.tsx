/** @jest-environment jsdom */
/**
 * The promotion rules in the settings screen, on the simulated demo base: the template's rule is
 * shown, an empty tier is an error at its input that blocks saving, a tier the plan names nowhere
 * else is a warning, and the rules saved are the ones edited.
 */
import {screen, waitFor, within} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import {SettingsView} from '../../frontend/settings/SettingsView';
import type {PlanDocument} from '../../src/plan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60000);

function button(label: string | RegExp): HTMLButtonElement {
  const found = screen.getAllByText(label).map((node) => node.closest('button')).find((b) => b !== null);
  if (!found) throw new Error(`no button for ${String(label)}`);
  return found;
}

it("shows the template's rule, refuses an empty tier, warns about an unknown one, and saves the rules edited", async () => {
  const user = userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});
  const onSave = jest.fn(async (_plan: PlanDocument) => undefined);
  renderInBase(createDriver(demoBase({reps: 8, orders: 20, months: 1})), 'zh', <SettingsView plan={null} onSave={onSave} canSave={{ok: true}} />);
  await user.click(button('使用直销模板'));

  await user.click(button('晋升建议'));
  expect(screen.getByText(/参与人表的级别不会被修改/)).toBeInTheDocument();
  expect(screen.getByLabelText('适用级别（可空）')).toHaveValue('新人');
  expect(screen.getByLabelText('连续期数')).toHaveValue('3');
  const toTier = screen.getByLabelText('建议晋升为');
  expect(toTier).toHaveValue('资深');

  await user.clear(toTier);
  expect(screen.getByText('✖ 第 1 条晋升规则未填写建议晋升的级别')).toBeInTheDocument();
  expect(button('保存方案')).toBeDisabled();
  await user.type(toTier, '高级');
  expect(screen.getByText(/第 1 条晋升规则的级别“高级”未出现在方案其他地方/)).toBeInTheDocument();
  expect(button('保存方案')).toBeEnabled();

  await user.click(button('添加晋升规则'));
  const grades = screen.getAllByLabelText('等级不低于') as HTMLSelectElement[];
  expect(grades).toHaveLength(2);
  expect(within(grades[1]).getAllByRole('option').map((o) => o.textContent)).toEqual(['S', 'A', 'B', 'C', 'D']);
  await user.selectOptions(grades[1], 'S');
  const second = screen.getAllByLabelText('建议晋升为')[1];
  await user.type(second, '资深');
  const periods = screen.getAllByLabelText('连续期数')[1];
  await user.clear(periods);
  await user.type(periods, '2');

  await user.click(button('保存方案'));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  expect(onSave.mock.calls[0][0].promotion).toEqual([
    {fromTier: '新人', minGrade: 'A', periods: 3, toTier: '高级'},
    {minGrade: 'S', periods: 2, toTier: '资深'},
  ]);

  // Removing both rules leaves no promotion part in the plan.
  await user.click(screen.getAllByLabelText('删除晋升规则')[0]);
  // The second rule is now the only one, with its own values.
  expect(screen.getByLabelText('连续期数')).toHaveValue('2');
  expect(screen.getByLabelText('建议晋升为')).toHaveValue('资深');
  await user.click(screen.getByLabelText('删除晋升规则'));
  await user.click(button('保存方案'));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
  expect(onSave.mock.calls[1][0]).not.toHaveProperty('promotion');
});
