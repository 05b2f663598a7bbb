/** @jest-environment jsdom */
/**
 * Settings → 自动化: the section shows the steps and the script's size, copies the script, and
 * the text copied is a working script: run against the scripting API over the same base, it
 * writes the period's results. Without a saved plan free of errors it makes no script.
 *
 * The plan marker, on the simulated base (sim/driver.ts applies description updates as Airtable
 * does): copying writes it into the people table's calculated-at field (the demo plan maps no
 * results table), a plan saved from the settings screen moves it, and the script copied before
 * then refuses while the one copied after runs. A user who may not change field descriptions is
 * told why, with the SDK's reason, and gets no script; a save by such a user says that the
 * automation's marker was not updated and what that means.
 */
import {act, fireEvent, screen, waitFor} from '@testing-library/react';
// The simulated SDK must be loaded before the SDK itself (the views below import it).
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {AutomateSection} from '../../frontend/settings/AutomateSection';
import {SettingsView} from '../../frontend/settings/SettingsView';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {FIELD_IDS} from '../../sim/demoBase';
import {readMarker} from '../../src/planMarker';
import {AUTOMATION_CONFIG_KEY, writeMarker} from '../../frontend/adapter/planMarker';
import {planRevision} from '../../frontend/state/planRevision';
import {usePlan} from '../../frontend/state/planStore';
import type {PlanDocument} from '../../src/plan';
import {demoPlan} from '../support/demoPlan';
import {renderInBase} from '../support/renderInBase';
import {FakeScripting, runScript} from './fakeScripting';

jest.setTimeout(60_000);

const NOW = new Date(2026, 3, 15, 9, 0, 0);

/** Only Date is faked: the SDK's own timers keep running. */
beforeEach(() => {
  jest.useFakeTimers({
    now: NOW,
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'hrtime', 'performance'],
  });
});
afterEach(() => jest.useRealTimers());

async function savedBase(plan: PlanDocument | null) {
  const driver = createDriver(demoBase({reps: 30, orders: 120}));
  if (plan) await act(() => driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(plan)));
  return driver;
}

function clipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', {value: {writeText}, configurable: true});
}

const openSection = () => fireEvent.click(screen.getByText('自动化').closest('button')!);

/** The settings screen over the stored plan, saved through the extension's own store. */
function StoredSettings() {
  const store = usePlan();
  return <SettingsView plan={store.plan} onSave={store.save} canSave={store.canSave} />;
}

type Driver = Awaited<ReturnType<typeof savedBase>>;
const calculatedAt = (driver: Driver) => driver.base.getTableById(TABLE_IDS.reps).getFieldById(FIELD_IDS.reps.calculatedAt);

async function copyScript(writeText: jest.Mock): Promise<string> {
  const before = writeText.mock.calls.length;
  fireEvent.click(screen.getByText('复制脚本').closest('button')!);
  await waitFor(() => expect(writeText).toHaveBeenCalledTimes(before + 1));
  return writeText.mock.calls[before][0] as string;
}

describe('Settings → 自动化 / Automate', () => {
  it('shows the steps and size, and copies a script that refreshes the period', async () => {
    const plan = demoPlan();
    const driver = await savedBase(plan);
    const writeText = jest.fn(async (_text: string) => undefined);
    clipboard(writeText);
    renderInBase(driver, 'zh', <AutomateSection plan={plan} />);
    openSection();

    expect(screen.getByText(/触发器选“在预定时间”/, {selector: 'li'})).toBeInTheDocument();
    expect(screen.getByText(/添加操作“运行脚本”/, {selector: 'li'})).toBeInTheDocument();
    expect(screen.getByText(/每次运行计算当前周期（现在是 2026-03）/, {selector: 'p'})).toBeInTheDocument();
    expect(screen.getByText(/^脚本大小：\d+ KB$/)).toBeInTheDocument();

    fireEvent.click(screen.getByText('复制脚本').closest('button')!);
    await waitFor(() => expect(screen.getByText('已复制')).toBeInTheDocument());
    expect(writeText).toHaveBeenCalledTimes(1);
    const script = writeText.mock.calls[0][0];
    expect(script).toBe((screen.getByLabelText('自动化') as HTMLTextAreaElement).value);
    expect(screen.getByText(/^脚本大小：/).textContent).toBe(`脚本大小：${Math.round(script.length / 1024)} KB`);

    // Copying wrote the marker into the calculated-at field's description, and recorded the automation.
    const stored = driver.globalConfig.get(PLAN_CONFIG_KEY) as string;
    expect(readMarker(calculatedAt(driver).description)).toEqual({revision: planRevision(stored), ledger: expect.stringMatching(/^[0-9a-f]{8}$/)});
    expect(driver.globalConfig.get(AUTOMATION_CONFIG_KEY)).toEqual({tableId: TABLE_IDS.reps, fieldId: FIELD_IDS.reps.calculatedAt});
    expect(screen.getByText(/脚本每次运行前会读取表“销售人员”中字段“计算时间”描述末尾的方案标记 \[销售绩效 plan r:/)).toBeInTheDocument();

    // The copied text, pasted into an automation: it writes the period's results.
    const fake = new FakeScripting(snapshotFixture(driver), {now: NOW.getTime()});
    await runScript(script, fake);
    expect(fake.outputs.get('status')).toBe('written');
    expect(fake.calls.filter((call) => call.tableId === TABLE_IDS.reps).reduce((n, call) => n + call.records.length, 0)).toBe(30);
  });

  it('says so when the clipboard cannot be written', async () => {
    const plan = demoPlan();
    const driver = await savedBase(plan);
    clipboard(async () => Promise.reject(new Error('denied')));
    renderInBase(driver, 'en', <AutomateSection plan={plan} />);
    fireEvent.click(screen.getByText('Automate').closest('button')!);
    fireEvent.click(screen.getByText('Copy script').closest('button')!);
    expect(await screen.findByRole('alert')).toHaveTextContent('The clipboard is not available: select everything in the box below and copy it.');
    expect(screen.getByText(/Trigger: “At a scheduled time”/, {selector: 'li'})).toBeInTheDocument();
  });

  it('makes no script without a saved plan free of errors', async () => {
    const broken = demoPlan();
    broken.versions[0].metrics[0].weight = '10';
    const driver = await savedBase(broken);
    renderInBase(driver, 'zh', <AutomateSection plan={broken} />);
    openSection();
    expect(screen.getByText('先保存一个没有错误的方案：脚本由已保存的方案生成。')).toBeInTheDocument();
    expect(screen.queryByText('复制脚本')).toBeNull();
  });

  it('is a section of the settings screen', async () => {
    const plan = demoPlan();
    const driver = await savedBase(plan);
    renderInBase(driver, 'zh', <SettingsView plan={plan} onSave={async () => undefined} canSave={{ok: true}} />);
    openSection();
    expect(screen.getByText('复制脚本')).toBeInTheDocument();
  });

  it('moves the marker when the plan is saved: the script copied before refuses, the one copied after runs', async () => {
    const driver = await savedBase(demoPlan());
    const writeText = jest.fn(async (_text: string) => undefined);
    clipboard(writeText);
    renderInBase(driver, 'zh', <StoredSettings />);
    openSection();
    const first = await copyScript(writeText);
    const marked = readMarker(calculatedAt(driver).description)!;

    // The plan renamed and saved from the settings screen.
    fireEvent.change(screen.getByLabelText('方案名称'), {target: {value: '2026 销售方案（修订）'}});
    fireEvent.click(screen.getByText('保存方案').closest('button')!);
    expect(await screen.findByText('方案已保存。')).toBeInTheDocument();
    const stored = driver.globalConfig.get(PLAN_CONFIG_KEY) as string;
    expect(stored).toContain('2026 销售方案（修订）');
    await waitFor(() => expect(readMarker(calculatedAt(driver).description)).toEqual({revision: planRevision(stored), ledger: marked.ledger}));

    const fake = new FakeScripting(snapshotFixture(driver), {now: NOW.getTime()});
    await runScript(first, fake);
    expect(fake.calls).toEqual([]);
    expect(fake.outputs.get('status')).toBe('planChanged');
    expect(fake.printed).toContain(`未写入任何内容：脚本生成之后，扩展中的方案又保存过（脚本带的是修订 ${marked.revision}，现在是修订 ${planRevision(stored)}）。按旧方案写入会覆盖新方案的结果。`);

    const second = await copyScript(writeText);
    expect(second).toContain('2026 销售方案（修订）');
    await runScript(second, fake);
    expect(fake.outputs.get('status')).toBe('written');
  });

  it('offers no script to a user who may not change field descriptions, and says why', async () => {
    const plan = demoPlan();
    const driver = await savedBase(plan);
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'updateSingleFieldDescription');
    renderInBase(driver, 'zh', <AutomateSection plan={plan} />);
    openSection();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^你无法写入方案标记：.+。没有与已保存方案相符的标记，脚本每次运行都会拒绝写入，所以这里不提供脚本。/);
    // The SDK's own reason is shown, not one of ours.
    const reason = calculatedAt(driver).checkPermissionsForUpdateDescription('x');
    expect(reason.hasPermission).toBe(false);
    if (!reason.hasPermission) expect(alert.textContent).toContain(reason.reasonDisplayString);
    expect(screen.queryByText('复制脚本')).toBeNull();
    expect(screen.queryByLabelText('自动化')).toBeNull();
    expect(calculatedAt(driver).description ?? '').toBe('');
  });

  it('says after a save that the marker could not follow, when the saver may not change field descriptions', async () => {
    const plan = demoPlan();
    const driver = await savedBase(plan);
    let written: Awaited<ReturnType<typeof writeMarker>> | null = null;
    await act(async () => void (written = await writeMarker(driver.base, driver.globalConfig, plan)));
    expect(written).toMatchObject({ok: true, written: true});
    const before = calculatedAt(driver).description;
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'updateSingleFieldDescription');
    renderInBase(driver, 'zh', <StoredSettings />);
    fireEvent.change(screen.getByLabelText('方案名称'), {target: {value: '2026 销售方案（修订）'}});
    fireEvent.click(screen.getByText('保存方案').closest('button')!);
    const message = await screen.findByText(/^方案已保存。 自动化脚本的方案标记没有更新/);
    expect(message.textContent).toContain('之前复制的脚本看不到这次更改，会照旧运行，直到有权修改字段的人（基础创建者）打开 设置 → 自动化 重新复制脚本。');
    expect(calculatedAt(driver).description).toBe(before);
  });
});
