/**
 * An implementation of the scripting API surface the automation script uses
 * (automation/scriptingBase.ts), over a base in the @airtable/blocks-testing fixture format — the
 * same fixture bases the extension's tests run on — with the checks Airtable makes:
 * - `selectRecordsAsync({fields})` loads only the fields named; reading another field of a
 *   record then throws, as the scripting API does for a field not loaded (and the tests see
 *   which fields were asked for);
 * - writes take at most 50 records, to existing records and fields, never computed ones; a
 *   single select takes an existing choice; cells are stored in the read format (a link `[{id}]`
 *   becomes `[{id, name}]`, a select `{name}` the choice `{id, name, color}`, false `null`);
 * - a clock that the tests control: each write call takes `callMs`, a wait advances it;
 * - fields carry their `description` (where the extension keeps the plan marker).
 * Values are copied in and out, so that the script cannot change the store behind its back.
 */
import vm from 'node:vm';
import type {FixtureData} from '../../sim/fixture';
import {COMPUTED_FIELD_TYPES} from '../../src/schema';
import {type ScriptingBase, type ScriptingField, type ScriptingOutput, type ScriptingQueryResult, type ScriptingRecord, type ScriptingTable} from '../../automation/scriptingBase';

type TableFixture = FixtureData['base']['tables'][number];
type Cells = Record<string, unknown>;

export const MAX_RECORDS_PER_CALL = 50;

export interface WriteCall {
  kind: 'update' | 'create';
  tableId: string;
  records: {id: string; fields: Cells}[];
}

/**
 * Milliseconds since the epoch, moved by the fake: a write call takes its `callMs`, and every
 * reading moves the clock 1 ms on, as real time passes while a script without timers waits by
 * watching the clock. The first reading is the start time itself.
 */
export class FakeClock {
  constructor(
    private time: number,
    private readonly tickMs = 1,
  ) {}
  now = (): number => {
    const time = this.time;
    this.time += this.tickMs;
    return time;
  };
  advance(ms: number): void {
    this.time += Math.max(0, ms);
  }
}

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

interface StoredTable {
  id: string;
  name: string;
  fields: ScriptingField[];
  records: Map<string, Cells>;
}

/** The primary cell as the scripting API's `record.name` gives it: text, or the names it holds. */
function nameOf(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (Array.isArray(cell)) return cell.map(nameOf).join(', ');
  if (typeof cell === 'object' && typeof (cell as {name?: unknown}).name === 'string') return (cell as {name: string}).name;
  return JSON.stringify(cell);
}

export class FakeScripting {
  readonly clock: FakeClock;
  /** Every write call, in order. */
  readonly calls: WriteCall[] = [];
  /** The fields each `selectRecordsAsync` asked for, per table id. */
  readonly selects: {tableId: string; fields: string[] | 'all'}[] = [];
  /** What the script printed (console.log or output.markdown), and what it set with output.set. */
  readonly printed: string[] = [];
  readonly outputs = new Map<string, unknown>();
  readonly base: ScriptingBase;
  readonly output: ScriptingOutput;
  readonly console = {log: (...values: unknown[]) => this.printed.push(values.map(String).join(' '))};
  private readonly tables: StoredTable[];
  private created = 0;

  constructor(fixture: FixtureData, options: {now: number; callMs?: number}) {
    this.clock = new FakeClock(options.now);
    const callMs = options.callMs ?? 0;
    this.tables = fixture.base.tables.map((table: TableFixture) => ({
      id: table.id,
      name: table.name,
      fields: table.fields.map((field) => ({
        id: field.id,
        name: field.name,
        type: field.type,
        options: copy(field.options ?? null) as Record<string, unknown> | null,
        isComputed: COMPUTED_FIELD_TYPES.has(field.type),
        // As the scripting API gives it: the text, or null when the field has none.
        description: field.description || null,
      })),
      records: new Map(table.records.map((record) => [record.id, copy(record.cellValuesByFieldId as Cells)])),
    }));
    const tableApi = (stored: StoredTable): ScriptingTable => ({
      id: stored.id,
      name: stored.name,
      // Read each time: a field retyped by the test is seen as the base has it now.
      get fields() {
        return stored.fields;
      },
      selectRecordsAsync: async (query = {}) => this.select(stored, query.fields),
      updateRecordsAsync: async (records) => {
        this.clock.advance(callMs);
        this.write(stored, 'update', records.map((record) => ({id: record.id, fields: record.fields})));
      },
      createRecordsAsync: async (records) => {
        this.clock.advance(callMs);
        const withIds = records.map((record) => ({id: `recAuto${String(++this.created).padStart(10, '0')}`, fields: record.fields}));
        this.write(stored, 'create', withIds);
        return withIds.map((record) => record.id);
      },
    });
    const apis = this.tables.map(tableApi);
    this.base = {
      tables: apis,
      getTable: (idOrName) => {
        const found = apis.find((table) => table.id === idOrName || table.name === idOrName);
        if (!found) throw new Error(`No table with id or name “${idOrName}”`);
        return found;
      },
    };
    // As in an automation: no text/markdown (Scripting extension only), so the script prints with console.log.
    this.output = {set: (key, value) => this.outputs.set(key, copy(value))};
  }

  private table(id: string): StoredTable {
    const table = this.tables.find((t) => t.id === id);
    if (!table) throw new Error(`no table ${id}`);
    return table;
  }

  private select(stored: StoredTable, fields: readonly (ScriptingField | string)[] | undefined): ScriptingQueryResult {
    const ids = fields?.map((field) => {
      const id = typeof field === 'string' ? field : field.id;
      const known = stored.fields.find((f) => f.id === id || f.name === id);
      if (!known) throw new Error(`No field with id or name “${id}” in table “${stored.name}”`);
      return known.id;
    });
    this.selects.push({tableId: stored.id, fields: ids ?? 'all'});
    const loaded = new Set(ids ?? stored.fields.map((field) => field.id));
    const primaryId = stored.fields[0].id;
    // By id and by name, as the scripting API accepts either (looked up per cell: keep it cheap).
    const byKey = new Map<string, ScriptingField>();
    for (const field of stored.fields) byKey.set(field.name, field);
    for (const field of stored.fields) byKey.set(field.id, field);
    const records: ScriptingRecord[] = [...stored.records.entries()].map(([id, cells]) => ({
      id,
      name: nameOf(cells[primaryId]),
      getCellValue: (field) => {
        const key = typeof field === 'string' ? field : field.id;
        const known = byKey.get(key);
        if (!known) throw new Error(`No field “${key}” in table “${stored.name}”`);
        if (!loaded.has(known.id)) throw new Error(`Field “${known.name}” was not loaded by selectRecordsAsync`);
        const value = cells[known.id] ?? null;
        return typeof value === 'object' ? copy(value) : value;
      },
    }));
    return {recordIds: records.map((record) => record.id), records};
  }

  /** A written value in the field's read format, or an error as Airtable would refuse it. */
  private readFormat(field: ScriptingField, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (field.type === 'multipleRecordLinks') {
      const linked = this.table(String(field.options?.linkedTableId));
      if (!Array.isArray(value)) throw new Error(`Field “${field.name}” takes an array of {id}`);
      return value.map((item: {id: string}) => {
        const cells = linked.records.get(item.id);
        if (!cells) throw new Error(`Record ${item.id} does not exist in “${linked.name}”`);
        return {id: item.id, name: nameOf(cells[linked.fields[0].id])};
      });
    }
    if (field.type === 'singleSelect') {
      const choices = (field.options?.choices ?? []) as {id: string; name: string; color?: string}[];
      const wanted = value as {id?: string; name?: string};
      const choice = choices.find((c) => (wanted.id !== undefined && c.id === wanted.id) || (wanted.name !== undefined && c.name === wanted.name));
      if (!choice) throw new Error(`No choice “${wanted.name ?? wanted.id}” in field “${field.name}”`);
      return copy(choice);
    }
    if (field.type === 'checkbox') return value === true ? true : null;
    return copy(value);
  }

  private write(stored: StoredTable, kind: WriteCall['kind'], records: {id: string; fields: Cells}[]): void {
    if (records.length > MAX_RECORDS_PER_CALL) throw new Error(`${records.length} records in one call: at most ${MAX_RECORDS_PER_CALL}`);
    const rows = records.map((record) => {
      if (kind === 'update' && !stored.records.has(record.id)) throw new Error(`Record ${record.id} does not exist in “${stored.name}”`);
      const cells: Cells = {};
      for (const [key, value] of Object.entries(record.fields)) {
        const field = stored.fields.find((f) => f.id === key || f.name === key);
        if (!field) throw new Error(`No field “${key}” in table “${stored.name}”`);
        if (field.isComputed) throw new Error(`Field “${field.name}” is computed and cannot be written`);
        cells[field.id] = this.readFormat(field, value);
      }
      return {id: record.id, cells};
    });
    for (const {id, cells} of rows) stored.records.set(id, {...(stored.records.get(id) ?? {}), ...cells});
    this.calls.push({kind, tableId: stored.id, records: copy(records)});
  }

  /** The table's cells now, per record id. */
  cells(tableId: string): Map<string, Cells> {
    return new Map([...this.table(tableId).records.entries()].map(([id, cells]) => [id, copy(cells)]));
  }

  /** Sets a field's description, as a user (or the extension) editing it in the base would. */
  describe(tableId: string, fieldId: string, description: string | null): void {
    const table = this.table(tableId);
    table.fields = table.fields.map((field) => (field.id === fieldId ? {...field, description} : field));
  }

  /** A field's description as the script sees it. */
  description(tableId: string, fieldId: string): string | null {
    return this.table(tableId).fields.find((field) => field.id === fieldId)?.description ?? null;
  }

  /** Changes a field's type, as a user retyping it in the base would (the cells stay as they were). */
  retype(tableId: string, fieldId: string, type: string, options: Record<string, unknown> | null = null): void {
    const table = this.table(tableId);
    table.fields = table.fields.map((field) => (field.id === fieldId ? {...field, type, options, isComputed: COMPUTED_FIELD_TYPES.has(type)} : field));
  }
}

/**
 * Runs the script text as an automation runs it: a body with top-level await, in a context of
 * its own that holds the language's built-ins and the scripting globals (`base`, `output`,
 * `console`) and nothing of Node or the browser — no `setTimeout`, no `performance`, no
 * `require` — with the fake's clock as `Date`.
 */
export async function runScript(script: string, fake: FakeScripting): Promise<void> {
  const now = fake.clock.now;
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      super(...((args.length === 0 ? [now()] : args) as [number]));
    }
    static override now(): number {
      return now();
    }
  }
  const context = vm.createContext({base: fake.base, output: fake.output, console: fake.console, Date: ClockDate});
  await vm.runInContext(`(async () => {\n${script}\n})()`, context, {filename: 'automation-script.js'});
}
