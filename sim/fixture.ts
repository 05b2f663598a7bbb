/**
 * The @airtable/blocks-testing fixture format (a base snapshot: tables, fields, views, records).
 * The package does not export the type from its public entry, only TestDriver, whose constructor
 * takes one; naming it from there keeps every import on the public entry point, never dist/.
 */
import type TestDriver from '@airtable/blocks-testing';

export type FixtureData = ConstructorParameters<typeof TestDriver>[0];

type TableFixture = FixtureData['base']['tables'][number];

/** The one grid view's id and name, where a base shows its own (the demo's “表格视图”). */
export interface GridView {
  id?: string;
  name?: string;
}

/**
 * A table of the fixture format with one grid view listing every field and record, in order: the
 * shape every hand-made test base needs (the SDK wants at least one view per table).
 *
 * @example fixtureTable('tblReps', '销售人员', [nameField], [{id: 'recA', commentCount: 0, createdTime: '2026-01-01T00:00:00.000Z', cellValuesByFieldId: {}}])
 */
export function fixtureTable(id: string, name: string, fields: TableFixture['fields'], records: TableFixture['records'], view: GridView = {}): TableFixture {
  return {
    id,
    name,
    description: null,
    fields,
    views: [
      {
        id: view.id ?? `viw${id.slice(3)}`,
        name: view.name ?? 'Grid view',
        type: 'grid' as TableFixture['views'][number]['type'],
        fieldOrder: {fieldIds: fields.map((f) => f.id), visibleFieldCount: fields.length},
        records: records.map((record) => ({id: record.id, color: null})),
        isLockedView: false,
      },
    ],
    records,
  };
}
