/** @jest-environment jsdom */
import {baseSchema} from '../../frontend/adapter/schema';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';

describe('baseSchema', () => {
  const schema = baseSchema(createDriver(demoBase({reps: 10, orders: 20})).base);
  const reps = schema.tables.find((t) => t.id === TABLE_IDS.reps)!;
  const field = (id: string) => reps.fields.find((f) => f.id === id)!;

  it('lists every table and field with names and types, primary field first', () => {
    expect(schema.tables.map((t) => t.name)).toEqual(['销售人员', '订单', '客户', '客户评价', '经理评分', '团队协作']);
    expect(reps.fields[0]).toEqual({id: FIELD_IDS.reps.name, name: '姓名', type: 'singleLineText', isComputed: false});
  });

  it('takes link targets, select choices and computed flags from the SDK fields', () => {
    expect(field(FIELD_IDS.reps.upline).linkedTableId).toBe(TABLE_IDS.reps);
    expect(field(FIELD_IDS.reps.grade).choices).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(field(FIELD_IDS.reps.tier).choices).toEqual(['新人', '资深', '实习']);
    expect(field(FIELD_IDS.reps.salesTotal).isComputed).toBe(true);
    expect(field(FIELD_IDS.reps.totalScore).isComputed).toBe(false);
  });
});
