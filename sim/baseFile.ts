/**
 * The shape of a base file (the @airtable/blocks-testing fixture format), checked before the
 * simulated SDK sees it: the SDK and its test driver throw bare TypeErrors on a table without
 * views, a view that lists a record the table lacks, a base without collaborators... The check
 * answers with data ({code, path, params}); the command line turns it into zh/en text.
 *
 * It checks what the simulated base needs to open and to be read consistently, not what a plan
 * needs (that is the validator's job, with the extension's own messages): field types are
 * strings here, and whether a type fits a role is decided later, by name.
 */
import type {FixtureData} from './fixture';

/** What a value is, in the words of the messages. */
export type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export type BaseFileProblem =
  /** The value at `path` is absent; it must be `expected`. */
  | {code: 'missing'; path: string; table?: string; expected: Kind}
  /** The value at `path` is `actual`; it must be `expected`. */
  | {code: 'wrongType'; path: string; table?: string; expected: Kind; actual: Kind}
  /** An empty id or name where one is needed. */
  | {code: 'emptyText'; path: string; table?: string}
  | {code: 'noTables'; path: string}
  | {code: 'noCollaborators'; path: string}
  | {code: 'noFields'; path: string; table: string}
  | {code: 'noViews'; path: string; table: string}
  /** Two tables, or two fields, views or records of one table, share `id`; `first` is where it was first used. */
  | {code: 'duplicateId'; path: string; table?: string; id: string; first: string}
  /** A view lists a record or a field its table does not have. */
  | {code: 'unknownRecord'; path: string; table: string; view: string; id: string}
  | {code: 'unknownField'; path: string; table: string; view: string; id: string};

export type BaseFileCheck =
  | {ok: true; fixture: FixtureData}
  /** The first `problems` found (at most the limit asked for) and how many there are in all. */
  | {ok: false; problems: BaseFileProblem[]; total: number};

type Json = Record<string, unknown>;

/**
 * @example kindOf([1]) // 'array'
 * @example kindOf(null) // 'null'
 */
export function kindOf(value: unknown): Kind | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const kind = typeof value;
  return kind === 'object' || kind === 'string' || kind === 'number' || kind === 'boolean' ? kind : undefined;
}

class Problems {
  readonly list: BaseFileProblem[] = [];
  total = 0;
  constructor(private readonly limit: number) {}
  add(problem: BaseFileProblem): void {
    this.total += 1;
    if (this.list.length < this.limit) this.list.push(problem);
  }
}

/**
 * Checks a base file's shape. `value` is the file's parsed JSON.
 *
 * @example checkBaseFile({base: {id: 'app1', tables: []}}).ok // false (noCollaborators, noTables)
 */
export function checkBaseFile(value: unknown, limit = 20): BaseFileCheck {
  const problems = new Problems(limit);

  /** The value at `path` if it is of `expected` kind; otherwise a problem, and undefined. */
  const expect = (owner: Json, key: string, path: string, expected: Kind, table?: string, optional = false): unknown => {
    const item = owner[key];
    if (item === undefined) {
      if (!optional) problems.add({code: 'missing', path, table, expected});
      return undefined;
    }
    const actual = kindOf(item) ?? 'null';
    if (actual !== expected) {
      problems.add({code: 'wrongType', path, table, expected, actual});
      return undefined;
    }
    return item;
  };
  /** An id or name: a non-empty string. */
  const text = (owner: Json, key: string, path: string, table?: string): string | undefined => {
    const item = expect(owner, key, path, 'string', table) as string | undefined;
    if (item === '') problems.add({code: 'emptyText', path, table});
    return item || undefined;
  };
  /** The items of an array at `path` that are objects; the others are reported. */
  const objects = (list: unknown[], path: string, table?: string): {item: Json; path: string}[] =>
    list.flatMap((item, i) => {
      const at = `${path}[${i}]`;
      const kind = kindOf(item) ?? 'null';
      if (kind === 'object') return [{item: item as Json, path: at}];
      problems.add({code: 'wrongType', path: at, table, expected: 'object', actual: kind});
      return [];
    });
  /** Reports ids used twice; answers the set of ids seen. */
  const uniqueIds = (entries: {id: string | undefined; path: string}[], table?: string): Set<string> => {
    const firstAt = new Map<string, string>();
    for (const {id, path} of entries) {
      if (id === undefined) continue;
      const first = firstAt.get(id);
      if (first !== undefined) problems.add({code: 'duplicateId', path, table, id, first});
      else firstAt.set(id, path);
    }
    return new Set(firstAt.keys());
  };

  const rootKind = kindOf(value) ?? 'null';
  if (rootKind !== 'object') {
    problems.add({code: 'wrongType', path: '(file)', expected: 'object', actual: rootKind});
    return {ok: false, problems: problems.list, total: problems.total};
  }
  const root = value as Json;
  expect(root, 'globalConfig', 'globalConfig', 'object', undefined, true);
  const base = expect(root, 'base', 'base', 'object') as Json | undefined;
  if (!base) return {ok: false, problems: problems.list, total: problems.total};

  text(base, 'id', 'base.id');
  expect(base, 'name', 'base.name', 'string', undefined, true);
  expect(base, 'workspaceId', 'base.workspaceId', 'string', undefined, true);
  const collaborators = expect(base, 'collaborators', 'base.collaborators', 'array') as unknown[] | undefined;
  if (collaborators?.length === 0) problems.add({code: 'noCollaborators', path: 'base.collaborators'});
  for (const collaborator of objects(collaborators ?? [], 'base.collaborators')) text(collaborator.item, 'id', `${collaborator.path}.id`);

  const tables = expect(base, 'tables', 'base.tables', 'array') as unknown[] | undefined;
  if (tables?.length === 0) problems.add({code: 'noTables', path: 'base.tables'});
  const tableEntries = objects(tables ?? [], 'base.tables');
  uniqueIds(tableEntries.map(({item, path}) => ({id: text(item, 'id', `${path}.id`), path})));

  for (const {item: table, path} of tableEntries) {
    const name = text(table, 'name', `${path}.name`) ?? (typeof table.id === 'string' ? table.id : path);
    if (table.description !== null) expect(table, 'description', `${path}.description`, 'string', name, true);

    const fields = expect(table, 'fields', `${path}.fields`, 'array', name) as unknown[] | undefined;
    if (fields?.length === 0) problems.add({code: 'noFields', path: `${path}.fields`, table: name});
    const fieldEntries = objects(fields ?? [], `${path}.fields`, name);
    for (const field of fieldEntries) {
      text(field.item, 'name', `${field.path}.name`, name);
      text(field.item, 'type', `${field.path}.type`, name);
      if (field.item.options !== null) expect(field.item, 'options', `${field.path}.options`, 'object', name, true);
    }
    const fieldIds = uniqueIds(
      fieldEntries.map((field) => ({id: text(field.item, 'id', `${field.path}.id`, name), path: field.path})),
      name,
    );

    const records = expect(table, 'records', `${path}.records`, 'array', name) as unknown[] | undefined;
    const recordEntries = objects(records ?? [], `${path}.records`, name);
    for (const record of recordEntries) expect(record.item, 'cellValuesByFieldId', `${record.path}.cellValuesByFieldId`, 'object', name);
    const recordIds = uniqueIds(
      recordEntries.map((record) => ({id: text(record.item, 'id', `${record.path}.id`, name), path: record.path})),
      name,
    );

    const views = expect(table, 'views', `${path}.views`, 'array', name) as unknown[] | undefined;
    if (views?.length === 0) problems.add({code: 'noViews', path: `${path}.views`, table: name});
    const viewEntries = objects(views ?? [], `${path}.views`, name);
    uniqueIds(
      viewEntries.map((view) => ({id: text(view.item, 'id', `${view.path}.id`, name), path: view.path})),
      name,
    );
    for (const {item: view, path: viewPath} of viewEntries) {
      const viewName = text(view, 'name', `${viewPath}.name`, name) ?? viewPath;
      text(view, 'type', `${viewPath}.type`, name);
      const fieldOrder = expect(view, 'fieldOrder', `${viewPath}.fieldOrder`, 'object', name) as Json | undefined;
      if (fieldOrder) {
        expect(fieldOrder, 'visibleFieldCount', `${viewPath}.fieldOrder.visibleFieldCount`, 'number', name);
        const ordered = expect(fieldOrder, 'fieldIds', `${viewPath}.fieldOrder.fieldIds`, 'array', name) as unknown[] | undefined;
        (ordered ?? []).forEach((id, i) => {
          const at = `${viewPath}.fieldOrder.fieldIds[${i}]`;
          if (typeof id !== 'string') problems.add({code: 'wrongType', path: at, table: name, expected: 'string', actual: kindOf(id) ?? 'null'});
          else if (fieldEntries.length > 0 && !fieldIds.has(id)) problems.add({code: 'unknownField', path: at, table: name, view: viewName, id});
        });
      }
      const rows = expect(view, 'records', `${viewPath}.records`, 'array', name) as unknown[] | undefined;
      for (const row of objects(rows ?? [], `${viewPath}.records`, name)) {
        const id = text(row.item, 'id', `${row.path}.id`, name);
        if (id !== undefined && records && !recordIds.has(id)) problems.add({code: 'unknownRecord', path: row.path, table: name, view: viewName, id});
      }
    }
  }
  return problems.total === 0 ? {ok: true, fixture: value as FixtureData} : {ok: false, problems: problems.list, total: problems.total};
}
