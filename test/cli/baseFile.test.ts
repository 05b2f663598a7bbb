/**
 * @jest-environment jsdom
 *
 * Base files the headless run refuses before the simulated SDK sees them: the pure shape check
 * (sim/baseFile.ts) case by case, then the same files through `npm run score`'s main, in zh and
 * en: exit 1, one line per problem naming what and where, no stack trace, nothing on stdout.
 * (jsdom: the simulated SDK keeps timers that a plain Node environment would wait for.)
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {checkBaseFile, type BaseFileProblem} from '../../sim/baseFile';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {baseSchema} from '../../frontend/adapter/schema';
import {createTemplate} from '../../src/template';
import {serializePlan} from '../../src/storage';
import {main} from '../../scripts/score';

const PERIOD = '2026-02';
const clean = demoBase({reps: 5, orders: 12});
const ORDERS = clean.base.tables.findIndex((t) => t.id === TABLE_IDS.orders);

/** A base file as JSON: every part may be edited into any shape. */
type Loose = Record<string, unknown>;
interface LooseTable extends Loose {
  fields: Loose[];
  views: {records: unknown[]}[];
  records: Loose[];
}
interface LooseFile {
  base: Loose & {tables: LooseTable[]; collaborators: unknown[]};
}

/** A copy of the clean base, changed by `edit` (which may also return a whole new document). */
function broken(edit: (file: LooseFile) => unknown): unknown {
  const copy = JSON.parse(JSON.stringify(clean)) as LooseFile;
  const replaced = edit(copy);
  return replaced === undefined ? copy : replaced;
}

const cases: {name: string; file: unknown; expected: Partial<BaseFileProblem>; en: string; zh: string}[] = [
  {
    name: 'no tables',
    file: broken((b) => void (b.base.tables = [])),
    expected: {code: 'noTables', path: 'base.tables'},
    en: 'The base has no tables (base.tables is empty).',
    zh: '基地没有任何表（base.tables 为空）。',
  },
  {
    name: 'a table without records',
    file: broken((b) => void Reflect.deleteProperty(b.base.tables[ORDERS], 'records')),
    expected: {code: 'missing', path: `base.tables[${ORDERS}].records`, table: '订单', expected: 'array'},
    en: `base.tables[${ORDERS}].records (table "订单") is missing: it must be an array.`,
    zh: `base.tables[${ORDERS}].records（表“订单”）缺失：应为数组。`,
  },
  {
    name: 'a table without views',
    file: broken((b) => void (b.base.tables[ORDERS].views = [])),
    expected: {code: 'noViews', path: `base.tables[${ORDERS}].views`, table: '订单'},
    en: `Table "订单" has no views (base.tables[${ORDERS}].views): every table needs at least one.`,
    zh: `表“订单”没有视图（base.tables[${ORDERS}].views）：每张表至少要有一个视图。`,
  },
  {
    name: 'a view listing an unknown record',
    file: broken((b) => void b.base.tables[ORDERS].views[0].records.push({id: 'recGhost', color: null})),
    expected: {code: 'unknownRecord', path: `base.tables[${ORDERS}].views[0].records[12]`, table: '订单', view: '表格视图', id: 'recGhost'},
    en: `View "表格视图" of table "订单" lists record recGhost, which the table does not have (base.tables[${ORDERS}].views[0].records[12]).`,
    zh: `表“订单”的视图“表格视图”列出了表中没有的记录 recGhost（base.tables[${ORDERS}].views[0].records[12]）。`,
  },
  {
    name: 'no base id',
    file: broken((b) => void Reflect.deleteProperty(b.base, 'id')),
    expected: {code: 'missing', path: 'base.id', expected: 'string'},
    en: 'base.id is missing: it must be a string.',
    zh: 'base.id缺失：应为文本。',
  },
  {
    name: 'a table without fields',
    file: broken((b) => void (b.base.tables[0].fields = [])),
    expected: {code: 'noFields', path: 'base.tables[0].fields', table: '销售人员'},
    en: 'Table "销售人员" has no fields (base.tables[0].fields): every table needs at least one; the first is its primary field.',
    zh: '表“销售人员”没有字段（base.tables[0].fields）：每张表至少要有一个字段，第一个是主字段。',
  },
  {
    name: 'no collaborators',
    file: broken((b) => void (b.base.collaborators = [])),
    expected: {code: 'noCollaborators', path: 'base.collaborators'},
    en: 'The base has no collaborators (base.collaborators is empty): the first one is the current user.',
    zh: '基地没有协作者（base.collaborators 为空）：第一个协作者是当前用户。',
  },
  {
    name: 'tables of the wrong type',
    file: broken((b) => void (b.base.tables = {} as LooseTable[])),
    expected: {code: 'wrongType', path: 'base.tables', expected: 'array', actual: 'object'},
    en: 'base.tables must be an array, not an object.',
    zh: 'base.tables应为数组，实际是对象。',
  },
  {
    name: 'a record whose cells are null',
    file: broken((b) => void (b.base.tables[ORDERS].records[0].cellValuesByFieldId = null)),
    expected: {code: 'wrongType', path: `base.tables[${ORDERS}].records[0].cellValuesByFieldId`, table: '订单', expected: 'object', actual: 'null'},
    en: `base.tables[${ORDERS}].records[0].cellValuesByFieldId (table "订单") must be an object, not null.`,
    zh: `base.tables[${ORDERS}].records[0].cellValuesByFieldId（表“订单”）应为对象，实际是空值（null）。`,
  },
  {
    name: 'two tables with one id',
    file: broken((b) => void (b.base.tables[2].id = b.base.tables[1].id)),
    expected: {code: 'duplicateId', path: 'base.tables[2]', id: TABLE_IDS.orders, first: 'base.tables[1]'},
    en: `base.tables[2]: id ${TABLE_IDS.orders} is used twice (also at base.tables[1]).`,
    zh: `base.tables[2]：id ${TABLE_IDS.orders} 重复（已用于 base.tables[1]）。`,
  },
  {
    name: 'a field without a type',
    file: broken((b) => void Reflect.deleteProperty(b.base.tables[0].fields[2], 'type')),
    expected: {code: 'missing', path: 'base.tables[0].fields[2].type', table: '销售人员', expected: 'string'},
    en: 'base.tables[0].fields[2].type (table "销售人员") is missing: it must be a string.',
    zh: 'base.tables[0].fields[2].type（表“销售人员”）缺失：应为文本。',
  },
  {
    name: 'a list instead of a base',
    file: [],
    expected: {code: 'wrongType', path: '(file)', expected: 'object', actual: 'array'},
    en: '(file) must be an object, not an array.',
    zh: '(file)应为对象，实际是数组。',
  },
];

describe('checkBaseFile', () => {
  it('passes the demo bases and a snapshot of a base after a write', () => {
    expect(checkBaseFile(clean).ok).toBe(true);
    expect(checkBaseFile(demoBase({messy: true})).ok).toBe(true);
    expect(checkBaseFile(JSON.parse(JSON.stringify(snapshotFixture(createDriver(clean))))).ok).toBe(true);
  });

  it.each(cases)('names $name and where', ({file, expected}) => {
    const checked = checkBaseFile(file);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([expect.objectContaining(expected)]);
    expect(checked.total).toBe(1);
  });

  it('keeps the first problems and counts the rest', () => {
    const file = broken((b) => {
      for (const record of b.base.tables[ORDERS].records) record.cellValuesByFieldId = 'x';
    });
    const checked = checkBaseFile(file, 5);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toHaveLength(5);
    expect(checked.total).toBe(12);
  });
});

describe('npm run score on a malformed base file', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'spb-basefile-'));
    writeFileSync(file('plan.json'), serializePlan(createTemplate(baseSchema(createDriver(clean).base), '2026-02-15')));
    cases.forEach((c, i) => writeFileSync(file(`case${i}.json`), JSON.stringify(c.file)));
    writeFileSync(file('notJson.json'), '{"base": ');
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  async function run(base: string, lang: 'zh' | 'en') {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(['--base', base, '--plan', file('plan.json'), '--period', PERIOD, '--lang', lang], {}, {stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t)});
    return {code, stdout: stdout.join('\n'), stderr: stderr.join('\n')};
  }

  it.each(cases.map((c, i) => ({...c, i})))('$name: exit 1 with the problem in zh and en', async ({i, en, zh}) => {
    for (const [lang, message] of [['en', en], ['zh', zh]] as const) {
      const result = await run(file(`case${i}.json`), lang);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toEqual([
        lang === 'en'
          ? `${file(`case${i}.json`)} is not a usable base snapshot (@airtable/blocks-testing format): 1 problem(s); nothing was computed or written:`
          : `${file(`case${i}.json`)} 不是可用的基地快照（@airtable/blocks-testing 格式），有 1 处问题，未计算、未写入任何内容：`,
        `  - ${message}`,
      ]);
    }
  });

  it('names a file that is not JSON, and a missing file', async () => {
    const notJson = await run(file('notJson.json'), 'en');
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(new RegExp(`^${file('notJson.json').replace(/[.\\/]/g, '\\$&')} is not valid JSON: `));
    const missing = await run(file('nope.json'), 'zh');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^无法读取文件 .*nope\.json：ENOENT/);
  });
});
