/**
 * A TestDriver over a fixture, with the write-through shim the platform notes call for.
 *
 * @airtable/blocks-testing 0.0.6 has gaps that make a simulated base lose data or lie:
 * - it hands the SDK its own record objects when a whole table loads, and about a second after
 *   the data is unloaded the SDK clears cell values on them: the fixture store itself is wiped;
 * - it never applies updates or deletions to its store, so a later load returns the old values;
 * - every field reports `isComputed: false`, formulas included;
 * - creating, renaming or retyping a field, or updating its description, is accepted but changes nothing;
 * - it does not say which lookup cell format it holds, and the SDK then throws `linkedRecordIds`
 *   on every lookup cell in the documented read format.
 * The shim below fixes these on one driver instance (never globally), so that tests, the
 * playground and the headless run see a base that behaves like Airtable's.
 */
import {COMPUTED_FIELD_TYPES} from '../src/schema';
import TestDriver from '@airtable/blocks-testing';
import type {FixtureData} from './fixture';

type TableFixture = FixtureData['base']['tables'][number];
type RecordFixture = TableFixture['records'][number];
type ViewFixture = TableFixture['views'][number];


interface FieldData {
  id: string;
  name: string;
  type: string;
  typeOptions: Record<string, unknown> | null;
  description: string | null;
}

interface TableData {
  id: string;
  name: string;
  description: string | null;
  fieldsById: Record<string, FieldData>;
  viewsById: Record<string, {id: string; name: string; type: string; fieldOrder?: ViewFixture['fieldOrder']}>;
  viewOrder: string[];
  primaryFieldId: string;
}

interface Mutation {
  type: string;
  tableId?: string;
  id?: string;
  name?: string;
  records?: {id: string; cellValuesByFieldId?: Record<string, unknown>}[];
  recordIds?: string[];
  config?: {type: string; options?: Record<string, unknown> | null};
  options?: Record<string, unknown> | null;
  description?: string | null;
}

interface FieldTypeProvider {
  isComputed(fieldData: FieldData): boolean;
}

/** The parts of the mock interface the shim reaches into (checked against 0.0.6's source). */
interface MockInterface {
  _recordDataStore: {
    tables: Record<string, Record<string, RecordFixture>>;
    views: Record<string, Record<string, Pick<ViewFixture, 'fieldOrder' | 'records'>>>;
  };
  sdkInitData: {baseData: {tableOrder: string[]; tablesById: Record<string, TableData>}; isUsingNewLookupCellValueFormat?: boolean};
  fieldTypeProvider: FieldTypeProvider;
  applyMutationAsync(mutation: Mutation, opts?: unknown): Promise<void>;
  fetchAndSubscribeToTableDataAsync(tableId: string): Promise<{recordsById: Record<string, RecordFixture>}>;
  fetchAndSubscribeToCellValuesInFieldsAsync(tableId: string, fieldIds: string[]): Promise<{recordsById: Record<string, RecordFixture>}>;
  triggerModelUpdates(changes: {path: string[]; value: unknown}[]): void;
  readonly idGenerator: {generateTableId(): string};
}

function mockInterface(driver: TestDriver): MockInterface {
  return (driver as unknown as {_airtableInterface: MockInterface})._airtableInterface;
}

/** A copy the SDK may mutate freely: cell values are replaced, never edited in place, by the SDK. */
function copyRecord(record: RecordFixture): RecordFixture {
  return {...record, cellValuesByFieldId: {...record.cellValuesByFieldId}};
}

/**
 * A deep copy of a plain cell value (arrays, objects, primitives), so that nothing the SDK holds
 * aliases the store. Written out rather than a JSON round trip: several times faster on 200k rows.
 */
function copyValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyValue);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) copy[key] = copyValue(item);
  }
  return copy;
}

/**
 * Airtable answers a select written as `{name}` with the full choice, and a link written as
 * `[{id}]` with each linked record's name; so does the shim, so that what is read back looks like
 * what a real base returns.
 */
function storedCellValue(field: FieldData | undefined, value: unknown, iface?: MockInterface): unknown {
  const copy = copyValue(value);
  if (field && field.type === 'multipleRecordLinks' && Array.isArray(copy) && iface) {
    const linkedTableId = String(field.typeOptions?.linkedTableId ?? '');
    return copy.map((link: {id: string; name?: string}) => ({...link, name: link.name ?? linkedName(iface, linkedTableId, link.id)}));
  }
  if (field && field.type === 'singleSelect' && copy && typeof copy === 'object' && 'name' in copy) {
    const choices = ((field.typeOptions?.choices ?? []) as {id: string; name: string}[]) ?? [];
    const name = (copy as {name: unknown}).name;
    const choice = choices.find((c) => c.name === name);
    if (choice) return {...choice};
  }
  return copy;
}

/** A record's primary value as a link shows it. */
function linkedName(iface: MockInterface, tableId: string, recordId: string): string {
  const table = iface.sdkInitData.baseData.tablesById[tableId];
  const value = table ? iface._recordDataStore.tables[tableId]?.[recordId]?.cellValuesByFieldId[table.primaryFieldId] : null;
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A TestDriver over `fixture` whose store survives unloads and receives every write.
 *
 * The library deep-copies a fixture through JSON, which takes tens of seconds and gigabytes for
 * the 10k/200k base; here the driver is built over the schema alone and the store is filled with
 * record copies (cell values are replaced on write, never edited in place, so they may be
 * shared with the fixture: do not edit a fixture's cells after building a driver over it).
 */
export function createDriver(fixture: FixtureData): TestDriver {
  const skeleton: FixtureData = {
    ...fixture,
    base: {
      ...fixture.base,
      tables: fixture.base.tables.map((table) => ({...table, records: [], views: table.views.map((view) => ({...view, records: []}))})),
    },
  };
  const driver = new TestDriver(skeleton);
  const iface = mockInterface(driver);
  for (const table of fixture.base.tables) {
    const records: Record<string, RecordFixture> = {};
    for (const record of table.records) records[record.id] = copyRecord(record);
    iface._recordDataStore.tables[table.id] = records;
    for (const view of table.views) {
      for (const row of view.records) {
        if (!(row.id in records)) throw new Error(`record ${row.id} of view ${view.id} is not in table ${table.id}`);
      }
      iface._recordDataStore.views[table.id][view.id] = {
        fieldOrder: {...view.fieldOrder, fieldIds: [...view.fieldOrder.fieldIds]},
        records: view.records.map((row) => ({...row})),
      };
    }
  }
  installWriteThrough(iface);
  ownTableIds(iface);
  // The mock leaves this flag unset, so the SDK would expect every lookup cell in the host's old
  // internal form ({linkedRecordIds, valuesByLinkedRecordId}) and fail on any other. Set, the SDK
  // hands lookups on as the fixture holds them: in its documented read format,
  // `[{linkedRecordId, value}]`, as a current Airtable host delivers them.
  iface.sdkInitData.isUsingNewLookupCellValueFormat = true;
  return driver;
}

/**
 * The mock gives every created table the id `tblGeneratedMockId`, so a second one would replace
 * the first: this driver numbers them instead. The SDK's id generator is one object shared by
 * every driver, so it is wrapped for this instance, never changed.
 */
function ownTableIds(iface: MockInterface): void {
  const shared = iface.idGenerator;
  let created = 0;
  const own = Object.create(shared as object) as MockInterface['idGenerator'];
  own.generateTableId = () => `tblCreated${String(++created).padStart(7, '0')}`;
  Object.defineProperty(iface, 'idGenerator', {get: () => own, configurable: true});
}

function installWriteThrough(iface: MockInterface): void {
  const store = iface._recordDataStore;
  const tables = () => iface.sdkInitData.baseData.tablesById;

  const fetchTable = iface.fetchAndSubscribeToTableDataAsync.bind(iface);
  iface.fetchAndSubscribeToTableDataAsync = async (tableId) => {
    const {recordsById} = await fetchTable(tableId);
    const copy: Record<string, RecordFixture> = {};
    for (const id of Object.keys(recordsById)) copy[id] = copyRecord(recordsById[id]);
    return {recordsById: copy};
  };

  // The library's version spreads every record through Babel helpers: this one is several times
  // faster on 200k records and returns the same shape.
  iface.fetchAndSubscribeToCellValuesInFieldsAsync = async (tableId, fieldIds) => {
    const records = store.tables[tableId];
    if (!records) throw new Error(`table not present in fixture data: ${tableId}`);
    const fields = tables()[tableId]?.fieldsById ?? {};
    for (const fieldId of fieldIds) if (!(fieldId in fields)) throw new Error(`field ${fieldId} not present in table ${tableId}`);
    const recordsById: Record<string, RecordFixture> = {};
    for (const id in records) {
      const record = records[id];
      const cells: Record<string, unknown> = {};
      for (const fieldId of fieldIds) cells[fieldId] = record.cellValuesByFieldId[fieldId];
      recordsById[id] = {id, commentCount: record.commentCount, createdTime: record.createdTime, cellValuesByFieldId: cells};
    }
    return {recordsById};
  };

  const provider = iface.fieldTypeProvider;
  const ownProvider: FieldTypeProvider = Object.create(provider as object);
  ownProvider.isComputed = (fieldData) => COMPUTED_FIELD_TYPES.has(fieldData.type);
  Object.defineProperty(iface, 'fieldTypeProvider', {get: () => ownProvider, configurable: true});

  const apply = iface.applyMutationAsync.bind(iface);
  iface.applyMutationAsync = async (mutation, opts) => {
    const tableId = mutation.tableId ?? '';
    switch (mutation.type) {
      case 'setMultipleRecordsCellValues': {
        const records = store.tables[tableId] ?? {};
        const fields = tables()[tableId]?.fieldsById ?? {};
        for (const update of mutation.records ?? []) {
          const stored = records[update.id];
          if (!stored) continue;
          for (const [fieldId, value] of Object.entries(update.cellValuesByFieldId ?? {})) {
            stored.cellValuesByFieldId[fieldId] = storedCellValue(fields[fieldId], value, iface);
          }
        }
        break;
      }
      case 'deleteMultipleRecords': {
        const gone = new Set(mutation.recordIds ?? []);
        for (const id of gone) delete store.tables[tableId]?.[id];
        for (const view of Object.values(store.views[tableId] ?? {})) view.records = view.records.filter((r) => !gone.has(r.id));
        break;
      }
      default:
        break;
    }
    await apply(mutation, opts);
    switch (mutation.type) {
      case 'createMultipleRecords': {
        const fields = tables()[tableId]?.fieldsById ?? {};
        const now = new Date().toJSON();
        for (const created of mutation.records ?? []) {
          const cells: Record<string, unknown> = {};
          for (const [fieldId, value] of Object.entries(created.cellValuesByFieldId ?? {})) cells[fieldId] = storedCellValue(fields[fieldId], value, iface);
          store.tables[tableId][created.id] = {id: created.id, commentCount: 0, createdTime: now, cellValuesByFieldId: cells};
          for (const view of Object.values(store.views[tableId] ?? {})) view.records.push({id: created.id, color: null});
        }
        break;
      }
      case 'createSingleField':
        createField(iface, tableId, mutation);
        break;
      case 'updateSingleFieldConfig':
        iface.triggerModelUpdates([
          {path: ['tablesById', tableId, 'fieldsById', mutation.id ?? '', 'type'], value: mutation.config?.type},
          {path: ['tablesById', tableId, 'fieldsById', mutation.id ?? '', 'typeOptions'], value: mutation.config?.options ?? null},
        ]);
        break;
      case 'updateSingleFieldName':
        iface.triggerModelUpdates([{path: ['tablesById', tableId, 'fieldsById', mutation.id ?? '', 'name'], value: mutation.name}]);
        break;
      case 'updateSingleFieldDescription':
        // Airtable applies a description only once the host confirms; so does the shim (the mock ignores it).
        iface.triggerModelUpdates([{path: ['tablesById', tableId, 'fieldsById', mutation.id ?? '', 'description'], value: mutation.description ?? ''}]);
        break;
      default:
        break;
    }
  };
}

function createField(iface: MockInterface, tableId: string, mutation: Mutation): void {
  const table = iface.sdkInitData.baseData.tablesById[tableId];
  const id = mutation.id ?? '';
  const changes: {path: string[]; value: unknown}[] = [
    {
      path: ['tablesById', tableId, 'fieldsById', id],
      value: {
        id,
        name: mutation.name,
        type: mutation.config?.type,
        typeOptions: mutation.config?.options ?? null,
        description: mutation.description ?? null,
        lock: null,
        isSynced: false,
      },
    },
  ];
  for (const view of Object.values(table.viewsById)) {
    if (!view.fieldOrder) continue;
    const fieldOrder = {fieldIds: [...view.fieldOrder.fieldIds, id], visibleFieldCount: view.fieldOrder.visibleFieldCount + 1};
    changes.push({path: ['tablesById', tableId, 'viewsById', view.id, 'fieldOrder'], value: fieldOrder});
    const stored = iface._recordDataStore.views[tableId]?.[view.id];
    if (stored) stored.fieldOrder = fieldOrder;
  }
  iface.triggerModelUpdates(changes);
}

/**
 * Changes a field's type behind the extension's back, as a collaborator would in the grid (the
 * SDK offers no way to do it): for tests of "a mapped field changed type" and "a result field
 * made a formula".
 */
export function changeFieldType(driver: TestDriver, tableId: string, fieldId: string, type: string, options: Record<string, unknown> | null = null): void {
  mockInterface(driver).triggerModelUpdates([
    {path: ['tablesById', tableId, 'fieldsById', fieldId, 'type'], value: type},
    {path: ['tablesById', tableId, 'fieldsById', fieldId, 'typeOptions'], value: options},
  ]);
}

/** Renames a field as a collaborator would in the grid. */
export function renameField(driver: TestDriver, tableId: string, fieldId: string, name: string): void {
  mockInterface(driver).triggerModelUpdates([{path: ['tablesById', tableId, 'fieldsById', fieldId, 'name'], value: name}]);
}

/**
 * The base as it is now, in the fixture format: the tables and fields the SDK currently sees
 * (deleted ones left out) with the store's records. For `--out` of the headless run and for
 * before/after comparisons.
 */
export function snapshotFixture(driver: TestDriver): FixtureData {
  const iface = mockInterface(driver);
  const baseData = iface.sdkInitData.baseData as MockInterface['sdkInitData']['baseData'] & {
    id: string;
    name: string;
    color?: string;
    workspaceId: string;
    collaboratorsById: Record<string, FixtureData['base']['collaborators'][number]>;
    activeCollaboratorIds?: string[];
    currentUserId: string;
  };
  const tables: TableFixture[] = baseData.tableOrder
    .map((tableId) => baseData.tablesById[tableId])
    .filter((table): table is TableData => Boolean(table))
    .map((table) => {
      // The first field of a fixture table is its primary field.
      const fields = Object.values(table.fieldsById)
        .filter(Boolean)
        .sort((a, b) => Number(b.id === table.primaryFieldId) - Number(a.id === table.primaryFieldId));
      const fieldIds = new Set(fields.map((f) => f.id));
      const records = Object.values(iface._recordDataStore.tables[table.id] ?? {}).map((record) => {
        const cells: Record<string, unknown> = {};
        for (const [fieldId, value] of Object.entries(record.cellValuesByFieldId)) {
          if (fieldIds.has(fieldId) && value !== undefined) cells[fieldId] = copyValue(value);
        }
        return {id: record.id, commentCount: record.commentCount, createdTime: record.createdTime, cellValuesByFieldId: cells};
      });
      const views = table.viewOrder
        .map((viewId) => table.viewsById[viewId])
        .filter(Boolean)
        .map((view) => {
          const stored = iface._recordDataStore.views[table.id]?.[view.id];
          const fieldOrder = view.fieldOrder ?? stored?.fieldOrder ?? {fieldIds: [...fieldIds], visibleFieldCount: fieldIds.size};
          return {
            id: view.id,
            name: view.name,
            type: view.type as ViewFixture['type'],
            fieldOrder: {fieldIds: fieldOrder.fieldIds.filter((id) => fieldIds.has(id)), visibleFieldCount: fieldOrder.visibleFieldCount},
            records: (stored?.records ?? records.map((r) => ({id: r.id, color: null}))).map((r) => ({...r})),
            isLockedView: false,
          };
        });
      return {
        id: table.id,
        name: table.name,
        description: table.description ?? null,
        fields: fields.map((f) => ({
          id: f.id,
          name: f.name,
          description: f.description ?? null,
          type: f.type as TableFixture['fields'][number]['type'],
          options: f.typeOptions ? (copyValue(f.typeOptions) as Record<string, unknown>) : null,
        })),
        views,
        records,
      };
    });
  const active = new Set(baseData.activeCollaboratorIds ?? []);
  return {
    // The SDK keeps globalConfig's current values in a private store; nothing public lists every key.
    globalConfig: copyValue((driver.globalConfig as unknown as {_kvStore: unknown})._kvStore ?? {}) as FixtureData['globalConfig'],
    base: {
      id: baseData.id,
      name: baseData.name,
      color: baseData.color,
      workspaceId: baseData.workspaceId,
      tables,
      // The first collaborator of a fixture is the current user.
      collaborators: Object.values(baseData.collaboratorsById)
        .sort((a, b) => Number(b.id === baseData.currentUserId) - Number(a.id === baseData.currentUserId))
        .map((c) => ({...c, isActive: active.has(c.id)})),
    },
  };
}
