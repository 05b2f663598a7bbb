/** @jest-environment jsdom */
/**
 * Every field type the validator accepts, read through the SDK's simulated base in the SDK's own
 * cell read formats (types/field.d.ts, "Cell read format"): lookups as `[{linkedRecordId, value}]`
 * with `options.result`, rollups and formulas with their result type, percent as a fraction,
 * duration in seconds, dateTime as a UTC instant, collaborators, multiple selects, checkboxes.
 * docs/field-types.md states the rules these tests hold the read to.
 */
import type {FixtureData} from '../../sim/fixture';
import {table} from '../support/shellBase';
import {readFacts} from '../../frontend/adapter/readFacts';
import {baseSchema} from '../../frontend/adapter/schema';
import {runPlan} from '../../src/engine';
import type {Metric, PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import {validatePlan} from '../../src/validate';
import {createDriver} from '../../sim/driver';
import {makePlan, salesMetric} from '../support/planFixtures';

type TableFixture = FixtureData['base']['tables'][number];
type FieldFixture = TableFixture['fields'][number];
type Cells = Record<string, unknown>;

const field = (id: string, name: string, type: string, options: Record<string, unknown> | null = null): FieldFixture => ({
  id,
  name,
  description: null,
  type: type as FieldFixture['type'],
  options,
});

/** A lookup field as the SDK describes it: the link it follows and the looked-up field's type. */
const lookup = (id: string, name: string, result: {type: string; options?: Record<string, unknown>} | undefined) =>
  field(id, name, 'multipleLookupValues', {isValid: result !== undefined, recordLinkFieldId: 'fldOrdersCustomer', fieldIdInLinkedTable: 'fldX', result});


const rep = (id: string, name: string) => ({id, name});
const WANG = rep('recWang', '王伟');
const LI = rep('recLi', '李娜');
const ZHANG1 = rep('recZhang1', '张敏');
const ZHANG2 = rep('recZhang2', '张敏');
const select = (name: string) => ({id: `sel${name}`, name, color: 'blueLight2'});
/** A lookup cell: one entry per linked record, each value in the looked-up field's format. */
const looked = (...values: [string, unknown][]) => values.map(([linkedRecordId, value]) => ({linkedRecordId, value}));

/**
 * Orders credited through the customer's owner, looked up (a lookup of links to the people table),
 * with the amount looked up from an order line, paid as a looked-up checkbox, a dateTime placed in
 * Shanghai time, tags, call seconds and stars.
 */
function fixture(): FixtureData {
  const order = (no: string, customer: typeof WANG | null, cells: Cells): [string, Cells] => [
    `rec${no}`,
    {
      fldOrdersNo: no,
      fldOrdersCustomer: customer ? [{id: `recCust${customer.id}`, name: `客户 ${customer.name}`}] : null,
      // A lookup of a link field: one entry per linked rep, each value one linked record {id, name}.
      fldOrdersOwner: customer ? looked([`recCust${customer.id}`, customer]) : null,
      fldOrdersOwnerName: customer ? looked([`recCust${customer.id}`, customer.name]) : null,
      ...cells,
    },
  ];
  return {
    base: {
      id: 'appFieldTypes',
      name: 'Field types',
      color: 'blue',
      workspaceId: 'wspTest',
      collaborators: [
        {id: 'usrManager', email: 'manager@example.com', name: '经理', isActive: true},
        {id: 'usrWang', email: 'wang@example.com', name: '王伟', isActive: true},
      ],
      tables: [
        table(
          'tblReps',
          '销售人员',
          [
            field('fldRepsName', '姓名', 'singleLineText'),
            lookup('fldRepsTeam', '团队', {type: 'singleSelect', options: {choices: [select('华东'), select('华南')]}}),
            field('fldRepsQuota', '完成率', 'percent', {precision: 1}),
            field('fldRepsBase', '基本工资', 'rollup', {isValid: true, referencedFieldIds: [], result: {type: 'currency', options: {precision: 2, symbol: '¥'}}}),
            field('fldRepsTotal', '总分', 'number', {precision: 2}),
          ],
          [
            [WANG.id, {fldRepsName: WANG.name, fldRepsTeam: looked(['recTeamE', select('华东')]), fldRepsQuota: 0.875, fldRepsBase: 5000}],
            [LI.id, {fldRepsName: LI.name, fldRepsTeam: looked(['recTeamS', select('华南')]), fldRepsQuota: 0.075, fldRepsBase: 4200.5}],
            [ZHANG1.id, {fldRepsName: ZHANG1.name, fldRepsTeam: null, fldRepsQuota: null, fldRepsBase: null}],
            [ZHANG2.id, {fldRepsName: ` ${ZHANG2.name}`, fldRepsTeam: null, fldRepsQuota: 1, fldRepsBase: 0}],
          ],
        ),
        table(
          'tblOrders',
          '订单',
          [
            field('fldOrdersNo', '订单号', 'singleLineText'),
            field('fldOrdersCustomer', '客户', 'multipleRecordLinks', {linkedTableId: 'tblCustomers', isReversed: false, prefersSingleRecordLink: true}),
            lookup('fldOrdersOwner', '客户负责人', {type: 'multipleRecordLinks', options: {linkedTableId: 'tblReps', isReversed: false, prefersSingleRecordLink: true}}),
            lookup('fldOrdersOwnerName', '负责人姓名', {type: 'singleLineText'}),
            field('fldOrdersAgent', '经办人', 'singleCollaborator', {choices: []}),
            lookup('fldOrdersAmount', '订单金额', {type: 'currency', options: {precision: 2, symbol: '¥'}}),
            lookup('fldOrdersNote', '备注（查找）', {type: 'singleLineText'}),
            field('fldOrdersDate', '下单时间', 'dateTime', {dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}, timeFormat: {name: '24hour', format: 'HH:mm'}, timeZone: 'Asia/Shanghai'}),
            lookup('fldOrdersPaid', '已付款', {type: 'checkbox', options: {icon: 'check', color: 'greenBright'}}),
            field('fldOrdersTags', '标签', 'multipleSelects', {choices: [select('大客户'), select('复购')]}),
            field('fldOrdersCall', '通话时长', 'duration', {durationFormat: 'h:mm'}),
            field('fldOrdersStars', '星级', 'rating', {icon: 'star', max: 5, color: 'yellowBright'}),
          ],
          [
            order('1001', WANG, {
              fldOrdersAgent: {id: 'usrWang', email: 'wang@example.com', name: '王伟'},
              fldOrdersAmount: looked(['recLine1', 1200.5]),
              fldOrdersNote: looked(['recLine1', '加急']),
              fldOrdersDate: '2026-03-10T02:00:00.000Z',
              fldOrdersPaid: looked(['recLine1', true]),
              fldOrdersTags: [select('大客户'), select('复购')],
              fldOrdersCall: 5400,
              fldOrdersStars: 5,
            }),
            order('1002', WANG, {
              fldOrdersAmount: looked(['recLine2', 800]),
              // 23:30 on 31 March in Shanghai is 15:30 UTC: March either way.
              fldOrdersDate: '2026-03-31T15:30:00.000Z',
              fldOrdersPaid: looked(['recLine2', null]),
              fldOrdersTags: [select('复购')],
              fldOrdersCall: 600,
              fldOrdersStars: 3,
            }),
            order('1003', LI, {
              fldOrdersAmount: looked(['recLine3', 3000]),
              // 1 April 00:30 in Shanghai, still 31 March in UTC: April, by the field's time zone.
              fldOrdersDate: '2026-03-31T16:30:00.000Z',
              fldOrdersPaid: looked(['recLine3', true]),
            }),
            order('1004', LI, {
              // Over two order lines: two amounts are no single number.
              fldOrdersAmount: looked(['recLine4', 100], ['recLine5', 250]),
              fldOrdersDate: '2026-03-05T01:00:00.000Z',
            }),
            order('1005', LI, {fldOrdersAmount: looked(['recLine6', 40]), fldOrdersDate: '2026-03-06T01:00:00.000Z'}),
            order('1006', null, {fldOrdersAmount: looked(['recLine7', 70]), fldOrdersDate: '2026-03-07T01:00:00.000Z'}),
          ],
        ),
        table('tblCustomers', '客户', [field('fldCustomersName', '名称', 'singleLineText')], [['recCustrecWang', {fldCustomersName: '客户 王伟'}]]),
      ],
    },
  };
}

const metric = (id: string, over: Partial<Metric>): Metric => salesMetric({id, label: {zh: id, en: id}, target: {kind: 'fixed', value: '1'}, scoring: {kind: 'attainment', cap: '120'}, weight: '20', ...over});

/** Sales from the looked-up amount, credited through the looked-up customer owner, and four more metrics over the other types. */
function plan(participant: {id: string; name: string} = {id: 'fldOrdersOwner', name: '客户负责人'}): PlanDocument {
  const doc = makePlan({
    metrics: [
      metric('sales', {source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: {id: 'fldOrdersAmount', name: '订单金额'}}}),
      metric('paidRate', {source: {kind: 'source', sourceId: 'orders', aggregation: 'rate', rateFilter: {field: {id: 'fldOrdersPaid', name: '已付款'}, op: 'isTrue'}}}),
      metric('callSeconds', {source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: {id: 'fldOrdersCall', name: '通话时长'}}}),
      metric('stars', {source: {kind: 'source', sourceId: 'orders', aggregation: 'average', field: {id: 'fldOrdersStars', name: '星级'}}}),
      metric('bigClients', {source: {kind: 'source', sourceId: 'orders', aggregation: 'count', filter: {field: {id: 'fldOrdersTags', name: '标签'}, op: 'eq', value: '大客户'}}}),
    ],
  });
  doc.mapping.people = {
    table: {id: 'tblReps', name: '销售人员'},
    team: {id: 'fldRepsTeam', name: '团队'},
    baseSalary: {id: 'fldRepsBase', name: '基本工资'},
  };
  doc.mapping.sources = [{id: 'orders', label: {zh: '订单', en: 'Orders'}, table: {id: 'tblOrders', name: '订单'}, participant, date: {id: 'fldOrdersDate', name: '下单时间'}}];
  doc.mapping.results = {totalScore: {id: 'fldRepsTotal', name: '总分'}};
  return doc;
}

const valueOf = (run: RunResult, repId: string, metricId: string) =>
  run.results.find((r) => r.participantId === repId)!.metrics.find((m) => m.metricId === metricId)!.value;

describe('reading every accepted field type as the SDK delivers it', () => {
  it('sums a looked-up amount credited through a looked-up link to the people table', async () => {
    const read = await readFacts(createDriver(fixture()).base, plan());
    const order = (no: string) => read.facts.sources.orders.find((o) => o.id === `rec${no}`)!;
    expect(order('1001')).toMatchObject({participantIds: [WANG.id], values: {fldOrdersAmount: 1200.5}});
    expect(order('1003').participantIds).toEqual([LI.id]);
    expect(order('1006').participantIds).toEqual([]);

    const run = runPlan(plan(), '2026-03', read.facts);
    expect(valueOf(run, WANG.id, 'sales')).toBe('2000.50');
    // 1003 lies in April by Shanghai time; 1004's two amounts are not added; 1005 counts.
    expect(valueOf(run, LI.id, 'sales')).toBe('40.00');
    expect(run.issues.map((i) => i.code)).not.toContain('engine.value.notNumber');
    const many = read.issues.find((i) => i.code === 'adapter.read.manyValues')!;
    expect(many).toMatchObject({severity: 'warning', tableId: 'tblOrders', fieldId: 'fldOrdersAmount', recordIds: ['rec1004']});
    expect(many.message.zh).toBe('表“订单”的字段“订单金额”在 1 条记录中有多个值（如查找多条关联记录），不能当作一个数字读取，已忽略该值：“1004”。如需相加，请改用汇总（rollup）字段。');
    expect(many.message.en).toContain('Field "订单金额" of table "订单" holds several values in 1 record');
    expect(JSON.stringify(read.issues)).not.toMatch(/\[object Object\]|undefined/);
  });

  it('reads the same facts when the host holds lookups in its older form and the SDK converts them', async () => {
    // An older host sends {linkedRecordIds, valuesByLinkedRecordId}; the SDK's getCellValue turns it
    // into the documented [{linkedRecordId, value}] (one entry per looked-up item), which is all
    // the read ever sees.
    const older = fixture();
    for (const t of older.base.tables) {
      const lookups = t.fields.filter((f) => f.type === 'multipleLookupValues').map((f) => f.id);
      for (const r of t.records) {
        for (const id of lookups) {
          const cell = r.cellValuesByFieldId[id] as {linkedRecordId: string; value: unknown}[] | null;
          if (!cell) continue;
          const valuesByLinkedRecordId: Record<string, unknown> = {};
          for (const {linkedRecordId, value} of cell) valuesByLinkedRecordId[linkedRecordId] = value;
          r.cellValuesByFieldId[id] = {linkedRecordIds: Object.keys(valuesByLinkedRecordId), valuesByLinkedRecordId};
        }
      }
    }
    const driver = createDriver(older);
    (driver as unknown as {_airtableInterface: {sdkInitData: {isUsingNewLookupCellValueFormat?: boolean}}})._airtableInterface.sdkInitData.isUsingNewLookupCellValueFormat = false;
    const viaOlder = await readFacts(driver.base, plan());
    const current = await readFacts(createDriver(fixture()).base, plan());
    expect(viaOlder.facts).toEqual(current.facts);
    expect(viaOlder.issues).toEqual(current.issues);
  });

  it('reads checkbox, multiple select, duration and rating cells for filters, sums and averages', async () => {
    const read = await readFacts(createDriver(fixture()).base, plan());
    const order = (no: string) => read.facts.sources.orders.find((o) => o.id === `rec${no}`)!.values;
    expect(order('1001')).toMatchObject({fldOrdersPaid: true, fldOrdersTags: ['大客户', '复购'], fldOrdersCall: 5400, fldOrdersStars: 5});
    // An unchecked looked-up checkbox reads as null in the lookup: no value, so not true.
    expect(order('1002').fldOrdersPaid).toBeNull();
    const run = runPlan(plan(), '2026-03', read.facts);
    expect(valueOf(run, WANG.id, 'paidRate')).toBe('50.00');
    expect(valueOf(run, WANG.id, 'callSeconds')).toBe('6000.00');
    expect(valueOf(run, WANG.id, 'stars')).toBe('4.00');
    expect(valueOf(run, WANG.id, 'bigClients')).toBe('1.00');
  });

  it("places a dateTime on its day in the field's time zone, and in UTC when the zone is each viewer's own", async () => {
    const shanghai = await readFacts(createDriver(fixture()).base, plan());
    expect(shanghai.facts.sources.orders.find((o) => o.id === 'rec1003')!.date).toBe('2026-04-01');
    expect(shanghai.facts.sources.orders.find((o) => o.id === 'rec1002')!.date).toBe('2026-03-31');

    const base = fixture();
    const orders = base.base.tables.find((t) => t.id === 'tblOrders')!;
    orders.fields.find((f) => f.id === 'fldOrdersDate')!.options = {dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}, timeFormat: {name: '24hour', format: 'HH:mm'}, timeZone: 'client'};
    const client = await readFacts(createDriver(base).base, plan());
    const day = client.facts.sources.orders.find((o) => o.id === 'rec1003')!.date;
    expect(day?.slice(0, 10)).toBe('2026-03-31');
    expect(valueOf(runPlan(plan(), '2026-03', client.facts), LI.id, 'sales')).toBe('3040.00');
  });

  it("reads the people's looked-up team, rolled-up salary and percent (as percent points)", async () => {
    const doc = plan();
    doc.versions[0].metrics.push(metric('quota', {source: {kind: 'participant', field: {id: 'fldRepsQuota', name: '完成率'}}, weight: '0'}));
    const read = await readFacts(createDriver(fixture()).base, doc);
    const person = (id: string) => read.facts.participants.find((p) => p.id === id)!;
    expect(person(WANG.id)).toMatchObject({name: '王伟', team: '华东', baseSalary: 5000, fields: {fldRepsQuota: 87.5}});
    // 0.075 x 100 in floating point is 7.499999999999999: the read shifts the decimal exactly.
    expect(person(LI.id)).toMatchObject({team: '华南', baseSalary: 4200.5, fields: {fldRepsQuota: 7.5}});
    expect(person(ZHANG1.id)).toMatchObject({team: null, baseSalary: null, fields: {fldRepsQuota: null}});
    expect(person(ZHANG2.id).fields.fldRepsQuota).toBe(100);
    expect(valueOf(runPlan(doc, '2026-03', read.facts), LI.id, 'quota')).toBe('7.50');
  });

  it('credits by a looked-up name and by a collaborator, as by the link', async () => {
    const byName = await readFacts(createDriver(fixture()).base, plan({id: 'fldOrdersOwnerName', name: '负责人姓名'}));
    const byLink = await readFacts(createDriver(fixture()).base, plan());
    const credited = (read: typeof byName) => read.facts.sources.orders.map((o) => [o.id, o.participantIds]);
    expect(credited(byName)).toEqual(credited(byLink));

    const byAgent = await readFacts(createDriver(fixture()).base, plan({id: 'fldOrdersAgent', name: '经办人'}));
    expect(byAgent.facts.sources.orders.find((o) => o.id === 'rec1001')!.participantIds).toEqual([WANG.id]);
    expect(byAgent.facts.sources.orders.find((o) => o.id === 'rec1002')!.participantIds).toEqual([]);
  });

  it('credits nobody for a name two people share, whatever their order, and names the records', async () => {
    const base = fixture();
    const orders = base.base.tables.find((t) => t.id === 'tblOrders')!;
    const zhangOrder = orders.records.find((r) => r.id === 'rec1005')!;
    zhangOrder.cellValuesByFieldId.fldOrdersOwnerName = looked(['recCustZ', '张敏 ']);
    const reversed = fixture();
    const reps = reversed.base.tables.find((t) => t.id === 'tblReps')!;
    reps.records.reverse();
    reversed.base.tables.find((t) => t.id === 'tblOrders')!.records.find((r) => r.id === 'rec1005')!.cellValuesByFieldId.fldOrdersOwnerName = looked(['recCustZ', '张敏 ']);

    for (const fixtureData of [base, reversed]) {
      const read = await readFacts(createDriver(fixtureData).base, plan({id: 'fldOrdersOwnerName', name: '负责人姓名'}));
      expect(read.facts.sources.orders.find((o) => o.id === 'rec1005')!.participantIds).toEqual([]);
      const issue = read.issues.find((i) => i.code === 'adapter.read.ambiguousName')!;
      expect(issue).toMatchObject({severity: 'warning', tableId: 'tblOrders', fieldId: 'fldOrdersOwnerName', recordIds: ['rec1005']});
      expect(issue.message.zh).toBe('数据源“订单”中有 1 条记录写的参与人是“张敏”，但参与人表中有 2 人叫这个名字，无法确定是谁，这些记录未计入任何人：“1005”。请改用关联字段，或让姓名不重复。');
      expect(issue.message.en).toBe(
        '1 record of source "Orders" names the participant "张敏", a name 2 people in the people table share; which one is meant cannot be told, so it was credited to nobody: “1005”. Link the record to the person instead, or make the names unique.',
      );
      const run = runPlan(plan(), '2026-03', read.facts);
      expect(valueOf(run, ZHANG1.id, 'sales')).toBe('0.00');
      expect(valueOf(run, ZHANG2.id, 'sales')).toBe('0.00');
    }
  });

  it('the validator takes a lookup by its result type and refuses one that cannot serve the role, by name', () => {
    const schema = baseSchema(createDriver(fixture()).base);
    const issuesAbout = (doc: PlanDocument, fieldId: string) => validatePlan(doc, schema).filter((i) => i.fieldId === fieldId && i.severity === 'error');
    expect(issuesAbout(plan(), 'fldOrdersAmount')).toEqual([]);
    expect(issuesAbout(plan(), 'fldOrdersOwner')).toEqual([]);
    expect(issuesAbout(plan({id: 'fldOrdersOwnerName', name: '负责人姓名'}), 'fldOrdersOwnerName')).toEqual([]);

    const textAsNumber = plan();
    textAsNumber.versions[0].metrics[0].source = {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: {id: 'fldOrdersNote', name: '备注（查找）'}};
    const refused = issuesAbout(textAsNumber, 'fldOrdersNote');
    expect(refused.map((i) => i.code)).toEqual(['mapping.field.type']);
    expect(refused[0].message.zh).toContain('备注（查找）');
    expect(refused[0].message.en).toContain('备注（查找）');

    const checkboxAsDate = plan();
    checkboxAsDate.mapping.sources[0].date = {id: 'fldOrdersPaid', name: '已付款'};
    expect(issuesAbout(checkboxAsDate, 'fldOrdersPaid').map((i) => i.code)).toEqual(['mapping.field.type']);
  });
});
