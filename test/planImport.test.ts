import {rematchPlan} from '../src/planImport';
import {createTemplate} from '../src/template';
import {validatePlan} from '../src/validate';
import type {BaseSchema} from '../src/schema';
import {demoSchema, englishSchema} from './planSchemas';

/** The demo company in a second base: same names, new ids (as Airtable gives every base). */
function otherBase(rename: (name: string) => string = (n) => n): BaseSchema {
  const newId = (id: string) => `${id}X`;
  return {
    tables: demoSchema().tables.map((t) => ({
      id: newId(t.id),
      name: rename(t.name),
      fields: t.fields.map((f) => ({...f, id: newId(f.id), name: rename(f.name), linkedTableId: f.linkedTableId && newId(f.linkedTableId)})),
    })),
  };
}

const exported = () => createTemplate(demoSchema(), '2026-03-01');

describe('importing a plan into another base', () => {
  it('re-matches every table and field by name, and the result is valid there', () => {
    const target = otherBase();
    const {plan, report} = rematchPlan(exported(), target);
    expect(report.unmatched).toEqual([]);
    expect(report.matched.every((m) => m.by === 'name' && m.id.endsWith('X'))).toBe(true);
    expect(report.matched.filter((m) => m.kind === 'table')).toHaveLength(6);
    expect(plan.mapping.people?.table).toEqual({id: 'tblRepsX', name: '销售人员'});
    expect(plan.versions[0].metrics[0].source.field).toEqual({id: 'fldOrdersAmountX', name: '订单金额'});
    expect(plan.mapping.results.grade).toEqual({id: 'fldRepsGradeX', name: '等级'});
    expect(validatePlan(plan, target)).toEqual([]);
  });

  it('matches names ignoring case and spaces when no name is equal', () => {
    const target = otherBase((n) => ` ${n.toUpperCase()} `);
    const english = rematchPlan(createTemplate(englishSchema(), '2026-03-01'), {
      tables: englishSchema().tables.map((t) => ({...t, id: `${t.id}2`, name: t.name.toUpperCase().replace(' ', '  ')})),
    });
    expect(english.report.matched.filter((m) => m.kind === 'table').every((m) => m.by === 'similarName')).toBe(true);
    expect(english.plan.mapping.people?.table).toEqual({id: 'tblP2', name: 'SALES  REPS'});
    const chinese = rematchPlan(exported(), target);
    expect(chinese.report.unmatched).toEqual([]);
  });

  it('keeps references whose id exists (the same base) and takes the current name', () => {
    const schema = demoSchema();
    schema.tables[1].fields.find((f) => f.id === 'fldOrdersAmount')!.name = '成交金额';
    const {plan, report} = rematchPlan(exported(), schema);
    expect(report.unmatched).toEqual([]);
    expect(report.matched.every((m) => m.by === 'id')).toBe(true);
    expect(report.matched.find((m) => m.path === 'versions[0].metrics[0].source.field')).toMatchObject({name: '订单金额', currentName: '成交金额'});
    expect(plan.versions[0].metrics[0].source.field).toEqual({id: 'fldOrdersAmount', name: '成交金额'});
  });

  it('reports what it cannot match, leaves it for the validator, and names it in zh and en', () => {
    const target = otherBase();
    target.tables = target.tables.filter((t) => t.name !== '客户评价');
    target.tables[1].fields = target.tables[1].fields.filter((f) => f.name !== '实际到账金额');
    const {plan, report} = rematchPlan(exported(), target);
    const unmatched = report.unmatched.map((u) => `${u.kind} ${u.path} ${u.name}`);
    expect(unmatched).toEqual([
      'table mapping.sources[2].table 客户评价',
      'field mapping.sources[2].participant 销售人员',
      'field mapping.sources[2].date 评价日期',
      'field versions[0].metrics[1].source.field 满意度',
      'field versions[0].metrics[3].source.field 实际到账金额',
      'field versions[0].metrics[5].source.rateFilter.field 是否投诉',
      'field versions[0].metrics[6].source.rateFilter.field 好评',
    ]);
    // Left as imported: the validator names them with the kept name.
    expect(plan.versions[0].metrics[3].source.field).toEqual({id: 'fldOrdersReceived', name: '实际到账金额'});
    const validation = validatePlan(plan, target);
    expect(validation.map((i) => `${i.code} ${i.path}`)).toEqual([
      'mapping.table.unknown mapping.sources[2].table',
      'mapping.field.unknown versions[0].metrics[3].source.field',
    ]);
    // A field is looked for in the table of this base its table was matched to, and named with it.
    expect(report.unmatched[4]).toEqual({path: 'versions[0].metrics[3].source.field', kind: 'field', name: '实际到账金额', tableName: '订单'});
  });

  it('matches nothing in a base named in another language, and says so for each reference', () => {
    const {report} = rematchPlan(exported(), englishSchema());
    expect(report.matched).toEqual([]);
    expect(report.unmatched.filter((u) => u.kind === 'table').map((u) => u.name)).toEqual(['销售人员', '订单', '客户', '客户评价', '经理评分', '团队协作']);
  });

  it('does not change the plan it was given and skips references still to be chosen', () => {
    const original = exported();
    const before = JSON.stringify(original);
    rematchPlan(original, otherBase());
    expect(JSON.stringify(original)).toBe(before);
    expect(rematchPlan(createTemplate(undefined, '2026-01-01'), otherBase()).report).toEqual({matched: [], unmatched: []});
  });

  it('survives a malformed plan or schema', () => {
    expect(rematchPlan({} as never, otherBase()).report).toEqual({matched: [], unmatched: []});
    expect(rematchPlan(exported(), {} as never).report.matched).toEqual([]);
  });
});
