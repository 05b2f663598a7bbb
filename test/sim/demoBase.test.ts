import {DEMO_SIZES, demoBase, demoMonths, FIELD_IDS, MESSY_IDS, TABLE_IDS} from '../../sim/demoBase';

type Link = {id: string; name: string}[] | null;
const tableOf = (fixture: ReturnType<typeof demoBase>, id: string) => fixture.base.tables.find((t) => t.id === id)!;

describe('the demo base', () => {
  const base = demoBase();
  const reps = tableOf(base, TABLE_IDS.reps).records;
  const orders = tableOf(base, TABLE_IDS.orders).records;

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(demoBase({seed: 7, reps: 30, orders: 300}))).toBe(JSON.stringify(demoBase({seed: 7, reps: 30, orders: 300})));
    expect(JSON.stringify(demoBase({seed: 8, reps: 30, orders: 300}))).not.toBe(JSON.stringify(demoBase({seed: 7, reps: 30, orders: 300})));
  });

  it('has the default size and the contract tables, primary field first', () => {
    expect(reps).toHaveLength(DEMO_SIZES.small.reps);
    expect(orders).toHaveLength(DEMO_SIZES.small.orders);
    expect(base.base.tables.map((t) => t.name)).toEqual(['销售人员', '订单', '客户', '客户评价', '经理评分', '团队协作']);
    expect(tableOf(base, TABLE_IDS.reps).fields[0].name).toBe('姓名');
    expect(base.base.collaborators[0].isActive).toBe(true);
  });

  it('has a 4-level upline tree by default and 6 levels on request, without cycles', () => {
    const depthOf = (records: typeof reps) => {
      const parent = new Map(records.map((r) => [r.id, (r.cellValuesByFieldId[FIELD_IDS.reps.upline] as Link)?.[0]?.id]));
      const depth = (id: string, seen = 0): number => (seen > records.length ? Infinity : parent.get(id) ? 1 + depth(parent.get(id)!, seen + 1) : 1);
      return Math.max(...records.map((r) => depth(r.id)));
    };
    expect(depthOf(reps)).toBe(4);
    expect(depthOf(tableOf(demoBase({reps: 300, orders: 100, levels: 6}), TABLE_IDS.reps).records)).toBe(6);
  });

  it('has refunds, fully refunded orders and a few orphan orders, dated in the demo months', () => {
    const amount = (r: (typeof orders)[number]) => r.cellValuesByFieldId[FIELD_IDS.orders.amount] as number;
    const status = (r: (typeof orders)[number]) => (r.cellValuesByFieldId[FIELD_IDS.orders.status] as {name: string}).name;
    const refunds = orders.filter((r) => amount(r) < 0);
    expect(refunds.length).toBeGreaterThan(10);
    expect(refunds.every((r) => status(r) === '已退款')).toBe(true);
    const fullyRefunded = orders.filter((r) => status(r) === '已退款' && amount(r) > 0);
    expect(fullyRefunded.length).toBeGreaterThan(0);
    const orphans = orders.filter((r) => r.cellValuesByFieldId[FIELD_IDS.orders.rep] === null);
    expect(orphans.length).toBeGreaterThanOrEqual(3);
    expect(orphans.length).toBeLessThan(orders.length / 100);
    const months = demoMonths();
    expect(orders.every((r) => months.includes(String(r.cellValuesByFieldId[FIELD_IDS.orders.date]).slice(0, 7)))).toBe(true);
  });

  it('keeps 满意度 on its 1-5 scale and gives every rep an evaluation per month', () => {
    const ratings = tableOf(base, TABLE_IDS.reviews).records.map((r) => r.cellValuesByFieldId[FIELD_IDS.reviews.satisfaction] as number);
    expect(Math.min(...ratings)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ratings)).toBeLessThanOrEqual(5);
    expect(tableOf(base, TABLE_IDS.evaluations).records).toHaveLength(reps.length * 3);
  });

  it('messy: adds exactly the bad records of issue 6 to the clean base', () => {
    const messy = demoBase({messy: true});
    const added = (tableId: string) => {
      const clean = new Set(tableOf(base, tableId).records.map((r) => r.id));
      return tableOf(messy, tableId).records.filter((r) => !clean.has(r.id));
    };
    const addedReps = added(TABLE_IDS.reps);
    const addedOrders = added(TABLE_IDS.orders);
    expect(addedReps.map((r) => r.id).sort()).toEqual(
      [MESSY_IDS.selfUpline, ...MESSY_IDS.cycle, MESSY_IDS.ghostUpline, MESSY_IDS.duplicateName, MESSY_IDS.intern].sort(),
    );
    const cell = (records: typeof reps, id: string, fieldId: string) => records.find((r) => r.id === id)!.cellValuesByFieldId[fieldId];
    expect(cell(addedOrders, MESSY_IDS.textAmount, FIELD_IDS.orders.amount)).toBe('一千二百');
    expect(cell(addedOrders, MESSY_IDS.hugeAmount, FIELD_IDS.orders.amount)).toBe(1e15);
    expect(cell(addedOrders, MESSY_IDS.twoReps, FIELD_IDS.orders.rep)).toHaveLength(2);
    expect((cell(addedReps, MESSY_IDS.selfUpline, FIELD_IDS.reps.upline) as Link)![0].id).toBe(MESSY_IDS.selfUpline);
    expect((cell(addedReps, MESSY_IDS.ghostUpline, FIELD_IDS.reps.upline) as Link)![0].id).toBe(MESSY_IDS.deletedRep);
    expect(tableOf(messy, TABLE_IDS.reps).records.some((r) => r.id === MESSY_IDS.deletedRep)).toBe(false);
    expect(cell(addedReps, MESSY_IDS.duplicateName, FIELD_IDS.reps.name)).toBe(reps[0].cellValuesByFieldId[FIELD_IDS.reps.name]);
    expect(cell(added(TABLE_IDS.reviews), MESSY_IDS.ratingOutOfScale, FIELD_IDS.reviews.satisfaction)).toBe(7);
    const unchanged = tableOf(messy, TABLE_IDS.reps).records.slice(0, reps.length);
    expect(JSON.stringify(unchanged)).toBe(JSON.stringify(reps));
  });

  it('has unique rep names in the clean base', () => {
    const names = reps.map((r) => r.cellValuesByFieldId[FIELD_IDS.reps.name]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('demo months', () => {
  it('end with the month asked for, across a year boundary', () => {
    expect(demoMonths(3)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(demoMonths(3, '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
  });
  it('date every order within the moved months, and keep the default base unchanged', () => {
    const moved = demoBase({endMonth: '2026-11'});
    const orders = moved.base.tables.find((t) => t.id === TABLE_IDS.orders)!;
    const months = new Set(
      orders.records
        .map((r) => r.cellValuesByFieldId[FIELD_IDS.orders.date])
        .filter((d): d is string => typeof d === 'string')
        .map((d) => d.slice(0, 7)),
    );
    // The messy cases are off: every dated order lies in the three months ending 2026-11.
    expect([...months].sort()).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(JSON.stringify(demoBase())).toEqual(JSON.stringify(demoBase({endMonth: '2026-03'})));
  });
});
