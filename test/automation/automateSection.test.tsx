/** @jest-environment jsdom */
/**
 * Settings → 自动化: the section shows the steps and the script's size, copies the script, and
 * the text copied is a working script: run against the scripting API over the same base, it
 * writes the period's results. Without a saved plan free of errors it makes no script.
 */
import {act, fireEvent, screen, waitFor} from '@testing-library/react';
// The simulated SDK must be loaded before the SDK itself (the views below import it).
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {AutomateSection} from '../../frontend/settings/AutomateSection';
import {SettingsView} from '../../frontend/settings/SettingsView';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
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
});
