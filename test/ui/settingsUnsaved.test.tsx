/** @jest-environment jsdom */
/**
 * Settings through the whole App on a simulated base (issue 14): Close with unsaved edits asks,
 * and each answer does what it says (save writes the plan to globalConfig, discard closes without
 * writing, keep editing stays with the edit); the save bar says whether edits are unsaved; after
 * the wizard's template the "no plan yet" notice gives way to the next steps; the template's plan
 * name is in the reader's language only.
 */
import type TestDriver from '@airtable/blocks-testing';
import {act, screen, waitFor, within} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import type {FixtureData} from '../../sim/fixture';
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import {PLAN_CONFIG_KEY, parseStoredPlan, serializePlan} from '../../src/storage';
import {catalogue, t} from '../../src/i18n';
import type {Lang} from '../../src/plan';
import {shellBase} from '../support/shellBase';
import {shellPlan} from '../support/shellPlan';
import {renderInBase} from '../support/renderInBase';

// The whole settings editor through the SDK's components is slow in jsdom.
jest.setTimeout(120_000);

function setupUser() {
  // Pointer-events checks walk every ancestor's computed style: slow in jsdom, and nothing here is hidden by CSS.
  return userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});
}

/**
 * The button showing `label`, found by its text (accessible-name queries over the SDK's large DOM
 * take seconds each in jsdom).
 */
function button(label: string, container: HTMLElement = document.body): HTMLButtonElement {
  const found = within(container).getByText(label, {exact: true}).closest('button');
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

function storedPlanText(driver: TestDriver): unknown {
  return driver.globalConfig.get(PLAN_CONFIG_KEY);
}

/** The App on the shell base with its plan stored, the settings opened from the run view. */
async function openSettingsOnSavedPlan(lang: Lang, {mayWritePlan = true} = {}) {
  const stored = serializePlan(shellPlan());
  const driver = createDriver({...shellBase(), globalConfig: {[PLAN_CONFIG_KEY]: stored}} as FixtureData);
  // A collaborator who may not change the extension's settings (globalConfig), set before render.
  if (!mayWritePlan) driver.simulatePermissionCheck((mutation) => mutation.type !== 'setMultipleGlobalConfigPaths');
  renderInBase(driver, lang);
  const user = setupUser();
  await user.click(await screen.findByRole('button', {name: t(lang, 'ui.settings.open')}));
  await screen.findByTestId('save-bar');
  return {driver, user, stored};
}

async function renamePlan(user: ReturnType<typeof setupUser>, lang: Lang, name: string) {
  const input = screen.getByLabelText(t(lang, 'settings.planName')) as HTMLInputElement;
  await user.clear(input);
  await user.type(input, name);
}

/**
 * The SDK's settings button (outside the extension) pressed. The test driver has no public way to
 * press it: this calls the button model's own click handler, which the SDK calls on Airtable's
 * click message.
 */
function pressSettingsButton(driver: TestDriver) {
  const sdk = (driver as unknown as {_sdk: {settingsButton: {isVisible: boolean; __onClick: () => void}}})._sdk;
  if (!sdk.settingsButton.isVisible) throw new Error('the settings button is not shown');
  act(() => sdk.settingsButton.__onClick());
}

const saveState = () => screen.getByTestId('save-state');
const dialog = () => screen.queryByTestId('unsaved-dialog');

describe('settings: Close with unsaved edits', () => {
  it('closes at once when nothing was edited, and the save bar says all changes are saved', async () => {
    const {user, driver, stored} = await openSettingsOnSavedPlan('en');
    expect(saveState()).toHaveTextContent('All changes saved');
    await user.click(button('Close'));
    expect(dialog()).not.toBeInTheDocument();
    expect(await screen.findByRole('button', {name: 'Preview'})).toBeInTheDocument();
    expect(storedPlanText(driver)).toBe(stored);
  });

  it('keep editing: the question goes, settings stay open with the edit, nothing is written', async () => {
    const {user, driver, stored} = await openSettingsOnSavedPlan('en');
    await renamePlan(user, 'en', 'Q3 plan');
    expect(saveState()).toHaveTextContent('Unsaved changes');

    await user.click(button('Close'));
    const asked = await screen.findByTestId('unsaved-dialog');
    expect(asked).toHaveTextContent('Unsaved changes');
    expect(asked).toHaveTextContent('Changes that are not saved are lost.');
    await user.click(button('Keep editing', asked));

    expect(dialog()).not.toBeInTheDocument();
    expect(screen.getByLabelText('Plan name')).toHaveValue('Q3 plan');
    expect(saveState()).toHaveTextContent('Unsaved changes');
    expect(screen.queryByRole('button', {name: 'Preview'})).not.toBeInTheDocument();
    expect(storedPlanText(driver)).toBe(stored);
  });

  it('the SDK settings button asks the same question as Close, and closes at once when nothing is unsaved', async () => {
    const {user, driver, stored} = await openSettingsOnSavedPlan('en');
    await renamePlan(user, 'en', 'Q3 plan');
    pressSettingsButton(driver);
    const asked = await screen.findByTestId('unsaved-dialog');
    await user.click(button('Keep editing', asked));
    expect(screen.getByLabelText('Plan name')).toHaveValue('Q3 plan');
    await user.click(button('Save plan'));
    await waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(parseStoredPlan(storedPlanText(driver)).plan?.name).toBe('Q3 plan');
    expect(storedPlanText(driver)).not.toBe(stored);
    pressSettingsButton(driver);
    expect(dialog()).not.toBeInTheDocument();
    expect(await screen.findByRole('button', {name: 'Preview'})).toBeInTheDocument();
    // Pressed on the run view, it opens the settings again.
    pressSettingsButton(driver);
    expect(await screen.findByTestId('save-bar')).toBeInTheDocument();
  });

  it('discard: closes to the run view without writing, and settings reopen on the saved plan', async () => {
    const {user, driver, stored} = await openSettingsOnSavedPlan('en');
    await renamePlan(user, 'en', 'Q3 plan');
    await user.click(button('Close'));
    await user.click(button('Discard changes', (await screen.findByTestId('unsaved-dialog'))));

    expect(await screen.findByRole('button', {name: 'Preview'})).toBeInTheDocument();
    expect(storedPlanText(driver)).toBe(stored);
    await user.click(screen.getByRole('button', {name: 'Settings'}));
    expect(await screen.findByLabelText('Plan name')).toHaveValue(shellPlan().name);
    expect(saveState()).toHaveTextContent('All changes saved');
  });

  it('save: writes the edited plan to globalConfig, then closes to the run view', async () => {
    const {user, driver, stored} = await openSettingsOnSavedPlan('zh');
    await renamePlan(user, 'zh', '第三季度方案');
    expect(saveState()).toHaveTextContent('有未保存的修改');
    await user.click(button('关闭'));
    const asked = await screen.findByTestId('unsaved-dialog');
    expect(asked).toHaveTextContent('关闭设置之前，要保存对方案的修改吗？');
    await user.click(button('保存并关闭', asked));

    expect(await screen.findByRole('button', {name: '预览'})).toBeInTheDocument();
    const written = storedPlanText(driver);
    expect(written).not.toBe(stored);
    const {plan} = parseStoredPlan(written);
    expect(plan?.name).toBe('第三季度方案');
    // Only the edit changed: the rest of the plan is the one that was stored.
    expect({...plan, name: shellPlan().name}).toEqual(parseStoredPlan(stored).plan);
  });

  it('save is refused in the question when the user may not save: the reason is shown, nothing is written', async () => {
    const {user, driver, stored} = await openSettingsOnSavedPlan('en', {mayWritePlan: false});
    await renamePlan(user, 'en', 'Q3 plan');
    await user.click(button('Close'));
    const asked = await screen.findByTestId('unsaved-dialog');
    const check = driver.globalConfig.checkPermissionsForSet(PLAN_CONFIG_KEY);
    if (check.hasPermission) throw new Error('the simulated permission did not apply');
    expect(asked).toHaveTextContent(`The plan cannot be saved yet: ${check.reasonDisplayString}`);
    expect(button('Save and close', asked)).toBeDisabled();
    await user.click(button('Discard changes', asked));
    expect(await screen.findByRole('button', {name: 'Preview'})).toBeInTheDocument();
    expect(storedPlanText(driver)).toBe(stored);
  });
});

describe('settings: first run with the template', () => {
  const small = () => demoBase({reps: 8, orders: 20, months: 1});

  it.each(['zh', 'en'] as const)('%s: the no-plan notice gives way to the next steps, and the plan is named in one language', async (lang) => {
    const driver = createDriver(small());
    renderInBase(driver, lang);
    const user = setupUser();
    expect(await screen.findByTestId('no-plan-notice')).toHaveTextContent(t(lang, 'ui.forced.noPlan'));
    await user.click(button(t(lang, 'settings.wizard.useTemplate')));

    expect(screen.queryByTestId('no-plan-notice')).not.toBeInTheDocument();
    expect(screen.queryByText(t(lang, 'ui.forced.noPlan'))).not.toBeInTheDocument();
    const next = screen.getByTestId('next-steps');
    expect(next).toHaveTextContent(t(lang, 'settings.next.template'));
    const steps = within(next).getAllByRole('listitem').map((item) => item.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[1]).toBe(t(lang, 'settings.next.save', {save: t(lang, 'settings.save.button')}));
    expect(steps[2]).toBe(t(lang, 'settings.next.preview', {preview: t(lang, 'run.preview.button')}));
    // The check step counts the errors the save bar counts.
    const errors = Number(/\d+/.exec(screen.getByTestId('save-bar').textContent ?? '')?.[0]);
    expect(steps[0]).toEqual(errors === 0 ? t(lang, 'settings.next.check.done') : expect.stringContaining(String(errors)));
    expect(screen.getByTestId('save-state')).toHaveTextContent(t(lang, 'settings.save.state.neverSaved'));

    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const name = (screen.getByLabelText(t(lang, 'settings.planName')) as HTMLInputElement).value;
    expect(name).toBe(catalogue['template.name'][lang]);
    expect(name).not.toContain(catalogue['template.name'][other]);
  });

  it('en: the template saved from the wizard keeps its English name, and the next steps go once it is saved', async () => {
    const driver = createDriver(small());
    renderInBase(driver, 'en');
    const user = setupUser();
    await user.click(button('Use the direct-sales template'));
    await waitFor(() => expect(button('Save plan')).toBeEnabled());
    await user.click(button('Save plan'));
    await waitFor(() => expect(parseStoredPlan(storedPlanText(driver)).plan?.name).toBe('Direct-sales performance and bonus plan'));
    expect(screen.queryByTestId('next-steps')).not.toBeInTheDocument();
  });
});
