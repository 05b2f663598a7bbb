/**
 * The scripting API's base seen through the extension SDK's model surface, so that the script
 * runs the extension's own read → compute → diff → write code (frontend/run/pipeline.ts and the
 * adapter under it) rather than a copy of it: the same facts, the same cells, the same batching.
 *
 * Only the members that code uses are given, with the SDK's meaning:
 * - base: `tables`, `getTableByIdIfExists`, `getTableByNameIfExists`;
 * - table: `id`, `name`, `fields`, `primaryField`, `isDeleted`, `getFieldByIdIfExists`,
 *   `getFieldByNameIfExists`, `selectRecordsAsync({fields})`, `updateRecordsAsync`,
 *   `createRecordsAsync`, `checkPermissionsForUpdateRecords` / `…CreateRecords`;
 * - field: `id`, `name`, `type`, `options`, `isComputed`, `isDeleted`;
 * - query: `recordIds`, `records`, `getRecordByIdIfExists`, `hasRecord`, `unloadData`;
 * - record: `id`, `name`, `getCellValue(fieldOrId)`.
 * The scripting API's cell values are in the same documented read formats, so they pass as they are.
 * The tests run the built script against test/automation/fakeScripting.ts and compare the cells
 * written with the extension's Refresh: a member the pipeline starts to use and this view lacks
 * fails them.
 *
 * Permission checks answer yes: an automation's script acts with its own rights, and a call
 * it may not make fails and is reported like any failed call.
 */
import type {computePreview} from '../frontend/run/pipeline';
import type {FingerprintTable} from './config';
import type {TimeBudget} from './budget';
import {isComputed, type ScriptingBase, type ScriptingField, type ScriptingRecord, type ScriptingTable} from './scriptingBase';

/** The SDK's `Base`, named through the pipeline so that automation/ imports nothing of the SDK. */
export type SdkBase = Parameters<typeof computePreview>[0];

const ALLOWED = Object.freeze({hasPermission: true as const});

class FieldView {
  readonly isDeleted = false;
  constructor(private readonly field: ScriptingField) {}
  get id() {
    return this.field.id;
  }
  get name() {
    return this.field.name;
  }
  get type() {
    return this.field.type;
  }
  get options() {
    return this.field.options;
  }
  get isComputed() {
    return isComputed(this.field);
  }
}

type FieldArg = FieldView | string;
const fieldId = (field: FieldArg): string => (typeof field === 'string' ? field : field.id);

class RecordView {
  constructor(private readonly record: ScriptingRecord) {}
  get id() {
    return this.record.id;
  }
  get name() {
    return this.record.name;
  }
  getCellValue(field: FieldArg): unknown {
    return this.record.getCellValue(fieldId(field));
  }
}

class QueryView {
  private byId: Map<string, ScriptingRecord> | null = null;
  constructor(private readonly records_: readonly ScriptingRecord[], readonly recordIds: readonly string[]) {}

  private index(): Map<string, ScriptingRecord> {
    if (!this.byId) this.byId = new Map(this.records_.map((record) => [record.id, record]));
    return this.byId;
  }
  get records(): RecordView[] {
    return this.records_.map((record) => new RecordView(record));
  }
  getRecordByIdIfExists(id: string): RecordView | null {
    const record = this.index().get(id);
    return record ? new RecordView(record) : null;
  }
  hasRecord(record: string | {id: string}): boolean {
    return this.index().has(typeof record === 'string' ? record : record.id);
  }
  /** The scripting API's results are plain snapshots: nothing to release. */
  unloadData(): void {}
}

class TableView {
  readonly isDeleted = false;
  readonly fields: FieldView[];
  constructor(
    private readonly table: ScriptingTable,
    private readonly primaryFieldId: string | undefined,
    private readonly budget: TimeBudget,
  ) {
    this.fields = table.fields.map((field) => new FieldView(field));
  }
  get id() {
    return this.table.id;
  }
  get name() {
    return this.table.name;
  }
  /** The fingerprint's primary field (the scripting API does not name it); else the first field. */
  get primaryField(): FieldView {
    return this.getFieldByIdIfExists(this.primaryFieldId ?? '') ?? this.fields[0];
  }
  getFieldByIdIfExists(id: string): FieldView | null {
    return this.fields.find((field) => field.id === id) ?? null;
  }
  getFieldByNameIfExists(name: string): FieldView | null {
    return this.fields.find((field) => field.name === name) ?? null;
  }
  async selectRecordsAsync(options: {fields?: readonly FieldArg[]} = {}): Promise<QueryView> {
    const fields = options.fields?.map(fieldId);
    const query = await this.table.selectRecordsAsync(fields ? {fields} : {});
    return new QueryView(query.records, query.recordIds);
  }
  updateRecordsAsync(records: readonly {id: string; fields: Record<string, unknown>}[]): Promise<void> {
    return this.budget.measure(() => this.table.updateRecordsAsync(records));
  }
  createRecordsAsync(records: readonly {fields: Record<string, unknown>}[]): Promise<string[]> {
    return this.budget.measure(() => this.table.createRecordsAsync(records));
  }
  checkPermissionsForUpdateRecords() {
    return ALLOWED;
  }
  checkPermissionsForCreateRecords() {
    return ALLOWED;
  }
}

class BaseView {
  readonly tables: TableView[];
  constructor(base: ScriptingBase, fingerprint: readonly FingerprintTable[], budget: TimeBudget) {
    const primaries = new Map(fingerprint.map((table) => [table.id, table.primaryFieldId]));
    this.tables = base.tables.map((table) => new TableView(table, primaries.get(table.id), budget));
  }
  getTableByIdIfExists(id: string): TableView | null {
    return this.tables.find((table) => table.id === id) ?? null;
  }
  getTableByNameIfExists(name: string): TableView | null {
    return this.tables.find((table) => table.name === name) ?? null;
  }
}

/**
 * The scripting base as the pipeline's `Base`. Write calls are timed by the budget.
 *
 * @example const preview = await computePreview(sdkView(base, config.tables, budget), plan, periodId, revision, context);
 */
export function sdkView(base: ScriptingBase, fingerprint: readonly FingerprintTable[], budget: TimeBudget): SdkBase {
  // The one cast: the view implements the members listed above, which is all the pipeline uses.
  return new BaseView(base, fingerprint, budget) as unknown as SdkBase;
}
