/**
 * The schema fingerprint the script carries: which tables and fields it holds, and what counts
 * as drift (gone, retyped, a computed field's result retyped) and what does not (a rename).
 */
import {mappedSchema, schemaDrift} from '../../automation/config';
import type {ScriptingField} from '../../automation/scriptingBase';
import type {BaseSchema} from '../../src/schema';
import {F, makePlan} from '../support/planFixtures';

const plan = makePlan();
const peopleTable = plan.mapping.people!.table;
const ordersTable = plan.mapping.sources.find((s) => s.id === 'orders')!.table;

/** A base schema holding every table the plan maps, with the fields it names and one it does not. */
function schemaOf(): BaseSchema {
  const fields = new Map<string, {id: string; name: string; type: string; isComputed: boolean}[]>();
  const add = (tableId: string, id: string, name: string, type = 'number') => fields.set(tableId, [...(fields.get(tableId) ?? []), {id, name, type, isComputed: false}]);
  add(peopleTable.id, 'fldPrimary', '姓名', 'singleLineText');
  add(peopleTable.id, 'fldUnused', '备注', 'multilineText');
  for (const source of plan.mapping.sources) {
    add(source.table.id, `${source.id}Primary`, '编号', 'singleLineText');
    add(source.table.id, source.participant.id, source.participant.name, 'multipleRecordLinks');
    if (source.date) add(source.table.id, source.date.id, source.date.name, 'date');
  }
  add(ordersTable.id, F.amount.id, F.amount.name, 'currency');
  for (const ref of Object.values(plan.mapping.results)) if (ref) add(peopleTable.id, ref.id, ref.name);
  return {tables: [...fields.entries()].map(([id, list]) => ({id, name: id === peopleTable.id ? '销售人员' : id, primaryFieldId: list[0].id, fields: list}))};
}

/** The base as the scripting API shows it: the fingerprint's tables and fields, changed by `edit`. */
function baseFrom(schema: BaseSchema) {
  return {
    tables: schema.tables.map((table) => ({
      id: table.id,
      name: table.name,
      fields: table.fields.map((field): ScriptingField => ({id: field.id, name: field.name, type: field.type, options: null})),
    })),
  };
}

describe('the schema fingerprint', () => {
  const tables = mappedSchema(plan, schemaOf());

  it('holds every mapped table with its primary field and the fields the plan names, nothing else', () => {
    expect(tables.map((t) => t.id).sort()).toEqual([...new Set([peopleTable.id, ...plan.mapping.sources.map((s) => s.table.id)])].sort());
    const people = tables.find((t) => t.id === peopleTable.id)!;
    expect(people.primaryFieldId).toBe('fldPrimary');
    expect(people.fields.map((f) => f.id)).toContain('fldPrimary');
    expect(people.fields.map((f) => f.id)).not.toContain('fldUnused');
    expect(tables.find((t) => t.id === ordersTable.id)!.fields).toContainEqual({id: F.amount.id, name: F.amount.name, type: 'currency'});
  });

  it('sees no drift in the same base, nor in a renamed field', () => {
    const base = baseFrom(schemaOf());
    expect(schemaDrift(tables, base)).toEqual([]);
    const orders = base.tables.find((t) => t.id === ordersTable.id)!;
    orders.fields = orders.fields.map((f) => (f.id === F.amount.id ? {...f, name: '成交金额'} : f));
    expect(schemaDrift(tables, base)).toEqual([]);
  });

  it('names a table or field gone, and a field retyped by its current name', () => {
    const base = baseFrom(schemaOf());
    const orders = base.tables.find((t) => t.id === ordersTable.id)!;
    orders.fields = orders.fields.map((f) => (f.id === F.amount.id ? {...f, name: '成交金额', type: 'singleLineText'} : f));
    const people = base.tables.find((t) => t.id === peopleTable.id)!;
    people.fields = people.fields.filter((f) => f.id !== 'fldPrimary');
    expect(schemaDrift(tables, base)).toEqual([
      {kind: 'fieldGone', table: '销售人员', field: '姓名'},
      {kind: 'fieldRetyped', table: ordersTable.id, field: '成交金额', was: {type: 'currency'}, now: {type: 'singleLineText'}},
    ]);
    expect(schemaDrift(tables, {tables: base.tables.filter((t) => t.id !== ordersTable.id)})).toContainEqual({kind: 'tableGone', table: ordersTable.id});
  });

  it('counts a formula whose result type changed as retyped', () => {
    const schema = schemaOf();
    const orders = schema.tables.find((t) => t.id === ordersTable.id)!;
    orders.fields = orders.fields.map((f) => (f.id === F.amount.id ? {...f, type: 'formula', resultType: 'number'} : f));
    const withFormula = mappedSchema(plan, schema);
    const base = baseFrom(schema);
    const amount = (type: string) => base.tables.find((t) => t.id === ordersTable.id)!.fields.map((f) => (f.id === F.amount.id ? {...f, options: {result: {type}}} : f));
    base.tables.find((t) => t.id === ordersTable.id)!.fields = amount('number');
    expect(schemaDrift(withFormula, base)).toEqual([]);
    base.tables.find((t) => t.id === ordersTable.id)!.fields = amount('singleLineText');
    expect(schemaDrift(withFormula, base)).toEqual([{kind: 'fieldRetyped', table: ordersTable.id, field: F.amount.name, was: {type: 'formula', resultType: 'number'}, now: {type: 'formula', resultType: 'singleLineText'}}]);
  });
});
