/** @jest-environment jsdom */
/**
 * A plan import may not change the plan version a closed period was paid under (issue 12): an
 * import that changes its rules, drops it, or takes a closed period out of its dates is refused
 * with the reason in zh and en and changes nothing; ending it and adding a new version from the
 * next open period (what the editor offers) is imported.
 */
import {screen, waitFor, within} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import {createDriver} from '../../sim/driver';
import {demoBase} from '../../sim/demoBase';
import {SettingsView} from '../../frontend/settings/SettingsView';
import {messageText} from '../../src/ledger/messages';
import {LEDGER_CONFIG_KEY, type LedgerState} from '../../src/ledger/state';
import type {PlanDocument} from '../../src/plan';
import {frozenVersionChanges} from '../../src/planImport';
import {demoPlan} from '../support/demoPlan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60000);

const closedJanuary = {status: 'closed', approved: {by: '李娜', at: '2026-02-02T01:00:00.000Z'}, closed: {by: '李娜', at: '2026-02-03T01:00:00.000Z'}, frozenVersionId: 'v1'} as const;
const ledger: LedgerState = {version: 1, periods: {'2026-01': closedJanuary}} as LedgerState;

const copy = (plan: PlanDocument): PlanDocument => JSON.parse(JSON.stringify(plan));

/** The plan with v1 ended in January and a new version from February, as the editor makes it. */
function withNewVersion(plan: PlanDocument, weight: string): PlanDocument {
  const next = copy(plan);
  const v2 = {...copy(plan).versions[0], id: 'v2', label: '2026 二月起', effectiveFrom: '2026-02-01'};
  v2.metrics[0].weight = weight;
  next.versions[0].effectiveTo = '2026-01-31';
  next.versions.push(v2);
  return next;
}

describe('frozenVersionChanges', () => {
  it('names a changed, a removed and a moved frozen version, in zh and en', () => {
    const current = demoPlan();
    const changed = copy(current);
    changed.versions[0].metrics[0].weight = '50';
    const [message] = frozenVersionChanges(current, changed, ledger);
    expect(messageText(message)).toEqual({
      zh: '导入的方案修改了方案版本“2026 标准版”，而已关账周期 2026-01 是按此版本发放的：导入已取消，未做任何更改。请在文件中保持此版本不变，并从下一个开放周期起新增一个版本；或先重新打开这些周期',
      en: 'The imported plan changes plan version "2026 标准版", under which closed period 2026-01 was paid: the import was cancelled and nothing changed. Keep that version as it is in the file and add a new version from the next open period, or reopen those periods first',
    });

    const removed = copy(current);
    removed.versions[0].id = 'v9';
    expect(frozenVersionChanges(current, removed, ledger).map((m) => m.key)).toEqual(['ledger.import.frozenRemoved']);

    const moved = copy(current);
    moved.versions[0].effectiveFrom = '2026-02-01';
    expect(frozenVersionChanges(current, moved, ledger).map((m) => messageText(m).en)).toEqual([
      'In the imported plan, plan version "2026 标准版" is no longer in force for closed period 2026-01: the import was cancelled and nothing changed. A closed period must still be computed with the version it was paid under',
    ]);
  });

  it('lets through the same version (keys in another order), a new version after it, and any change when nothing is closed', () => {
    const current = demoPlan();
    const reordered = JSON.parse(JSON.stringify(current, Object.keys(current).sort())) as PlanDocument;
    reordered.versions = current.versions.map((v) => Object.fromEntries(Object.entries(v).reverse()) as unknown as PlanDocument['versions'][number]);
    expect(frozenVersionChanges(current, reordered, ledger)).toEqual([]);
    expect(frozenVersionChanges(current, withNewVersion(current, '50'), ledger)).toEqual([]);
    const changed = copy(current);
    changed.versions[0].metrics[0].weight = '50';
    expect(frozenVersionChanges(current, changed, {version: 1, periods: {'2026-01': {status: 'approved'}}} as LedgerState)).toEqual([]);
  });
});

describe('settings: importing a plan over a closed period', () => {
  it('refuses a file that changes the frozen version, with the reason, and imports one that adds a version after it', async () => {
    const driver = createDriver(demoBase({reps: 6, orders: 20, months: 1}));
    await driver.globalConfig.setAsync(LEDGER_CONFIG_KEY, JSON.stringify(ledger));
    const saved: PlanDocument[] = [];
    renderInBase(driver, 'en', <SettingsView plan={demoPlan()} onSave={async (plan) => void saved.push(plan)} canSave={{ok: true}} />);
    const u = userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});
    const button = (label: string | RegExp) => screen.getByText(label).closest('button')!;
    await u.click(button(/Export \/ import/));

    const changed = copy(demoPlan());
    changed.versions[0].metrics[0].weight = '50';
    changed.versions[0].metrics[1].weight = '40';
    await u.upload(screen.getByLabelText('Plan file'), new File([JSON.stringify(changed)], 'plan.json', {type: 'application/json'}));
    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText(/The imported plan changes plan version "2026 标准版", under which closed period 2026-01 was paid/)).toBeInTheDocument();
    // Nothing reached the draft: the frozen version is still the one shown, with its weights.
    expect(screen.queryAllByText(/Weight 50%/)).toEqual([]);
    expect(screen.getAllByText(/Weight 60%/).length).toBeGreaterThan(0);

    await u.upload(screen.getByLabelText('Plan file'), new File([JSON.stringify(withNewVersion(demoPlan(), '60'))], 'plan.json', {type: 'application/json'}));
    await waitFor(() => expect(within(screen.getByTestId('import-report')).queryByText(/changes plan version/)).toBeNull());
    await u.click(button('Save plan'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].versions.map((v) => [v.id, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['v1', '2026-01-01', '2026-01-31'],
      ['v2', '2026-02-01', undefined],
    ]);
  });
});
