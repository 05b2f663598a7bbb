/** @jest-environment jsdom */
/**
 * The settings screen through the real SDK on the simulated Chinese demo base: what the user sees
 * after the template, the live weight sum gating Save, refused result fields, both languages,
 * result field creation and plan import from another base.
 */
import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import type TestDriver from '@airtable/blocks-testing';
import {createDriver} from '../../sim/driver';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {SettingsView, type SettingsViewProps} from '../../frontend/settings/SettingsView';
import {baseSchema} from '../../frontend/adapter/schema';
import {createTemplate} from '../../src/template';
import type {PlanDocument} from '../../src/plan';
import {renderInBase} from '../support/renderInBase';

// Rendering the whole editor through the SDK's components is slow in jsdom.
jest.setTimeout(60000);

/**
 * user-event checks CSS pointer-events on every ancestor through getComputedStyle, which is slow in
 * jsdom with the SDK's many style rules; the checks add nothing here (no control is hidden by CSS).
 */
function setupUser() {
  return userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});
}

function smallDemo() {
  return demoBase({reps: 8, orders: 20, months: 1});
}

function renderSettings(driver: TestDriver, props: Partial<SettingsViewProps> = {}) {
  const onSave = jest.fn(props.onSave ?? (async (_plan: PlanDocument) => undefined));
  const utils = renderInBase(driver, 'zh', <SettingsView plan={props.plan ?? null} onSave={onSave} canSave={props.canSave ?? {ok: true}} onClose={props.onClose} />);
  return {...utils, onSave};
}

/** The option shown by an SDK picker (a native select) labelled `label`. */
function shown(label: string | RegExp, container: HTMLElement = document.body): string {
  const select = within(container).getByLabelText(label) as HTMLSelectElement;
  return select.selectedOptions[0]?.textContent ?? '';
}

/**
 * The button showing `label`. Found by its text, not by role: computing accessible names over the
 * SDK's large DOM takes seconds per query in jsdom.
 */
function button(label: string | RegExp): HTMLButtonElement {
  const found = screen.getByText(label).closest('button');
  if (!found) throw new Error(`no button for ${String(label)}`);
  return found;
}

/** The body of a section, found by its title. */
function section(title: string): HTMLElement {
  return button(title).parentElement as HTMLElement;
}

async function applyTemplate(user: ReturnType<typeof setupUser>) {
  await user.click(button('使用直销模板'));
}

/** Expands a collapsed section by its title. */
async function open(user: ReturnType<typeof setupUser>, title: RegExp) {
  const header = button(title);
  if (header.getAttribute('aria-expanded') !== 'true') await user.click(header);
}

describe('settings: first-run wizard with the direct-sales template', () => {
  it('pre-selects the demo base tables and the fields whose names match', async () => {
    const user = setupUser();
    const driver = createDriver(smallDemo());
    renderSettings(driver);

    expect(screen.getByText('首次设置')).toBeInTheDocument();
    expect(shown('人员表')).toBe('销售人员');
    expect(shown('订单表')).toBe('订单');
    expect(shown('客户评价表')).toBe('客户评价');

    await applyTemplate(user);

    const mapping = section('数据映射');
    expect(shown('人员表', mapping)).toBe('销售人员');
    expect(shown('上级（链接）', mapping)).toBe('上级');
    expect(shown('团队', mapping)).toBe('团队');
    expect(shown('级别', mapping)).toBe('级别');
    expect(shown('基本工资', mapping)).toBe('基本工资');
    expect(shown('绩效工资基数', mapping)).toBe('绩效工资基数');
    expect(within(mapping).getAllByLabelText('参与人（链接到人员）').map((s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toEqual([
      '销售人员',
      '负责人',
      '销售人员',
      '销售人员',
      '销售人员',
    ]);
    expect(within(mapping).getAllByLabelText('日期字段').map((s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toEqual([
      '下单日期',
      '创建日期',
      '评价日期',
      '评分日期',
      '日期',
    ]);

    const results = section('结果字段');
    expect(shown('总分', results)).toBe('总分');
    expect(shown('绩效工资', results)).toBe('绩效工资');
    expect(shown('计算时间', results)).toBe('计算时间');

    await open(user, /销售额 · 权重 60%/);
    expect(shown('数值字段（计入口径）')).toBe('订单金额');
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计 100% / 100%');
  });
});

describe('settings: weights with a live sum gate Save', () => {
  it('shows 90% as an error that disables Save, and saves the new weights once they reach 100%', async () => {
    const user = setupUser();
    const driver = createDriver(smallDemo());
    const {onSave} = renderSettings(driver);
    await applyTemplate(user);
    const save = () => button('保存方案');

    await open(user, /销售额 · 权重 60%/);
    const salesWeight = screen.getByLabelText('权重');
    await user.clear(salesWeight);
    await user.type(salesWeight, '50');

    expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计 90% / 100%');
    expect(save()).toBeDisabled();
    expect(screen.getByText(/请先修正 \d+ 个错误才能保存/)).toBeInTheDocument();

    await user.click(button(/销售额 · 权重 50%/));
    await open(user, /客户满意度 · 权重 30%/);
    const satisfaction = screen.getByLabelText('权重');
    await user.clear(satisfaction);
    await user.type(satisfaction, '40');

    expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计 100% / 100%');
    expect(save()).toBeEnabled();
    await user.click(save());

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0][0] as PlanDocument;
    const weights = Object.fromEntries(saved.versions[0].metrics.map((m) => [m.id, m.weight]));
    expect(weights.sales).toBe('50');
    expect(weights.satisfaction).toBe('40');
    expect(weights.newCustomers).toBe('10');
    expect(await screen.findByText('方案已保存。')).toBeInTheDocument();
  });

  it('keeps Save disabled with the reason the shell gives when the user may not save', async () => {
    const driver = createDriver(smallDemo());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    renderSettings(driver, {plan, canSave: {ok: false, reason: '只有编辑者可以修改方案'}});
    expect(button('保存方案')).toBeDisabled();
    expect(screen.getByText('只有编辑者可以修改方案')).toBeInTheDocument();
  });
});

describe('settings: result fields', () => {
  it('does not offer a computed field or an input field as a result field, and says why', async () => {
    const user = setupUser();
    const driver = createDriver(smallDemo());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    const {onSave} = renderSettings(driver, {plan});
    const results = section('结果字段');
    const option = (label: string, name: string) =>
      [...(within(results).getByLabelText(label) as HTMLSelectElement).options].find((o) => o.textContent?.startsWith(name))!;

    expect(option('总分', '销售额汇总')).toMatchObject({disabled: true, textContent: '销售额汇总（计算字段）'});
    expect(option('奖金', '基本工资')).toMatchObject({disabled: true, textContent: '基本工资（方案读取的字段）'});
    expect(shown('总分', results)).toBe('总分');
    expect(shown('奖金', results)).toBe('奖金');

    await user.click(button('保存方案'));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const saved = onSave.mock.calls[0][0] as PlanDocument;
    expect(saved.mapping.results.totalScore?.id).toBe(FIELD_IDS.reps.totalScore);
    expect(saved.mapping.results.bonus?.id).toBe(FIELD_IDS.reps.bonus);
  });

  it('creates the missing result fields with their type and maps them', async () => {
    const user = setupUser();
    const fixture = smallDemo();
    const reps = fixture.base.tables.find((t) => t.id === TABLE_IDS.reps)!;
    const dropped = new Set<string>([FIELD_IDS.reps.bonus, FIELD_IDS.reps.grade]);
    reps.fields = reps.fields.filter((f) => !dropped.has(f.id));
    for (const view of reps.views) view.fieldOrder.fieldIds = view.fieldOrder.fieldIds.filter((id) => !dropped.has(id));
    const driver = createDriver(fixture);
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    renderSettings(driver, {plan});

    // The period id result (周期) is new with the results table: created with the others.
    expect(screen.getByText('尚未对应的结果：等级、奖金和周期')).toBeInTheDocument();
    await user.click(button('创建缺少的结果字段'));
    expect(await screen.findByText('已创建 3 个结果字段。')).toBeInTheDocument();

    const table = driver.base.getTableById(TABLE_IDS.reps);
    const grade = table.getFieldByName('等级');
    const bonus = table.getFieldByName('奖金');
    expect(grade.type).toBe('singleSelect');
    expect((grade.options as {choices: {name: string}[]}).choices.map((c) => c.name)).toEqual(plan.versions[0].grades.map((g) => g.grade));
    expect(bonus.type).toBe('currency');
    expect(bonus.options).toMatchObject({precision: 2});
    expect(table.getFieldByName('周期').type).toBe('singleLineText');
    const results = section('结果字段');
    expect(shown('等级', results)).toBe('等级');
    expect(shown('奖金', results)).toBe('奖金');
  });

  it('does not offer to create fields when the user may not, and says why', () => {
    const fixture = smallDemo();
    const reps = fixture.base.tables.find((t) => t.id === TABLE_IDS.reps)!;
    reps.fields = reps.fields.filter((f) => f.id !== FIELD_IDS.reps.bonus);
    for (const view of reps.views) view.fieldOrder.fieldIds = view.fieldOrder.fieldIds.filter((id) => id !== FIELD_IDS.reps.bonus);
    const driver = createDriver(fixture);
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'createSingleField');
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    renderSettings(driver, {plan});

    expect(button('创建缺少的结果字段')).toBeDisabled();
    expect(screen.getByText(/^无法创建字段：/)).toBeInTheDocument();
    expect(driver.base.getTableById(TABLE_IDS.reps).getFieldByNameIfExists('奖金')).toBeNull();
  });
});

describe('settings: languages', () => {
  it('renders in Chinese and switches every text to English', async () => {
    const user = setupUser();
    const driver = createDriver(smallDemo());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    renderSettings(driver, {plan});
    expect(screen.getByText('方案设置')).toBeInTheDocument();
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计 100% / 100%');
    expect(button('保存方案')).toBeInTheDocument();

    await user.selectOptions(screen.getAllByLabelText('语言')[0], 'English');

    expect(screen.getByText('Plan settings')).toBeInTheDocument();
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('Weights total 100% / 100%');
    expect(button('Save plan')).toBeInTheDocument();
    expect(button(/Sales amount · Weight 60%/)).toBeInTheDocument();
    expect(screen.queryByText('方案设置')).toBeNull();
  });
});

describe('settings: export and import', () => {
  it('imports a plan made on another base, re-matches fields by name and reports what is missing', async () => {
    const user = setupUser();
    const driver = createDriver(smallDemo());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    renderSettings(driver, {plan});

    // The same plan as another base would have it: other ids everywhere, and one field this base lacks.
    const foreign = JSON.parse(JSON.stringify(plan).replace(/"(tbl|fld)([A-Za-z]+)"/g, '"$1X$2"')) as PlanDocument;
    const received = foreign.versions[0].metrics.find((m) => m.id === 'received')!;
    if (received.source.kind === 'source' && received.source.field) received.source.field.name = '回款金额';
    const file = new File([JSON.stringify(foreign)], 'plan.json', {type: 'application/json'});

    await open(user, /导出 \/ 导入方案/);
    await user.upload(screen.getByLabelText('方案文件'), file);

    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText(/有 1 项无法在本数据库中找到/)).toBeInTheDocument();
    expect(within(report).getByText(/字段“回款金额”/)).toBeInTheDocument();
    const mapping = section('数据映射');
    expect(shown('上级（链接）', mapping)).toBe('上级');
  });

  it('exports the plan as a JSON download', async () => {
    const user = setupUser();
    const driver = createDriver(smallDemo());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:plan';
    });
    Object.assign(URL, {createObjectURL, revokeObjectURL: jest.fn()});
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderSettings(driver, {plan});

    await open(user, /导出 \/ 导入方案/);
    await user.click(button('导出方案（JSON 文件）'));

    expect(clicked).toEqual([expect.stringMatching(/\.plan\.json$/)]);
    const content = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(JSON.parse(content)).toMatchObject({mapping: {people: {table: {id: TABLE_IDS.reps}}}});
    act(() => undefined);
  });
});

describe('settings: plan versions per period', () => {
  beforeEach(() => {
    // Only the date is fixed (the new version starts next month); timers stay real for the SDK.
    jest.useFakeTimers({
      now: new Date('2026-02-10T09:00:00'),
      doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('copies the version from next month, edits it apart from the first, and shows an overlap where the dates are', async () => {
    const user = setupUser();
    const driver = createDriver(smallDemo());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    renderSettings(driver, {plan});

    await user.click(button('复制当前版本为新版本'));

    expect(screen.getAllByLabelText('版本名称').map((input) => (input as HTMLInputElement).value)).toEqual(['2026', '2026 (2)']);
    expect(screen.getAllByLabelText('截止日期（可空）').map((input) => (input as HTMLInputElement).value)).toEqual(['2026-02-28', '']);
    const starts = screen.getAllByLabelText('生效日期') as HTMLInputElement[];
    expect(starts.map((input) => input.value)).toEqual(['2026-01-01', '2026-03-01']);
    expect(screen.getByText('版本“2026 (2)”的规则')).toBeInTheDocument();

    await open(user, /销售额 · 权重 60%/);
    const weight = screen.getByLabelText('权重');
    await user.clear(weight);
    await user.type(weight, '70');
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计 110% / 100%');

    await user.click(button('编辑'));
    expect(screen.getByText('版本“2026”的规则')).toBeInTheDocument();
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计 100% / 100%');

    fireEvent.change(starts[1], {target: {value: '2026-02-01'}});
    expect(starts[1].value).toBe('2026-02-01');
    const dates = starts[1].closest('div')?.parentElement as HTMLElement;
    expect(within(dates).getByText(/方案版本“2026 \(2\)”与“2026”的生效期重叠/)).toBeInTheDocument();
    expect(button('保存方案')).toBeDisabled();
  });
});

describe('settings: problems shown where they are', () => {
  it('names a mapped field deleted after setup next to its picker and blocks saving', async () => {
    const driver = createDriver(smallDemo());
    const plan = createTemplate(baseSchema(driver.base), '2026-01-15');
    renderSettings(driver, {plan});
    expect(button('保存方案')).toBeEnabled();

    await act(() => driver.deleteFieldAsync(TABLE_IDS.reps, FIELD_IDS.reps.upline));

    const mapping = section('数据映射');
    const uplinePicker = within(mapping).getByLabelText('上级（链接）');
    const field = uplinePicker.closest('div')?.parentElement as HTMLElement;
    expect(within(field).getByText(/“上级”在表“销售人员”中不存在（可能已被删除）/)).toBeInTheDocument();
    expect(button('保存方案')).toBeDisabled();
  });
});
