/** @jest-environment jsdom */
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import fc from 'fast-check';
import {batchUpdates, checkWritePermission, encodedLength, jsonEncodedLength, MAX_PAYLOAD_BYTES, RateLimiter, writeResults} from '../../frontend/adapter/writeResults';
import {runPlan} from '../../src/engine';
import type {PlanDocument} from '../../src/plan';
import {planWrites, type WriteContext} from '../../src/writeback';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {DEMO_RESULT_FIELDS, demoPlan} from '../support/demoPlan';
import {sayEach} from '../../src/i18n';
import {computePreview, refresh as refreshRun} from '../../frontend/run/pipeline';
import {summarise} from '../../frontend/run/summary';
import {fakeClock, watchMutations} from '../support/simWrites';

const F = FIELD_IDS.reps;
const PERIOD = '2026-02';



/** The extension's refresh path: read, compute, diff, write. */
async function refresh(driver: TestDriver, plan: PlanDocument = demoPlan(), calculatedAt = '2026-03-01T08:00:00.000Z') {
  const read = await readFacts(driver.base, plan);
  const run = runPlan(plan, PERIOD, read.facts);
  const ctx: WriteContext = {lang: 'zh', calculatedAt, timeZone: 'Asia/Shanghai', fields: read.resultFields};
  const writes = planWrites(run, plan, read.current, ctx);
  const table = driver.base.getTableById(TABLE_IDS.reps);
  const outcome = await writeResults(table, writes.updates, fakeClock());
  return {run, writes, outcome};
}

const resultCellsOf = (driver: TestDriver) => {
  const reps = snapshotFixture(driver).base.tables.find((t) => t.id === TABLE_IDS.reps)!;
  const resultIds = new Set(Object.values(DEMO_RESULT_FIELDS).map((f) => f.id));
  return new Map(reps.records.map((r) => [r.id, Object.fromEntries(Object.entries(r.cellValuesByFieldId).filter(([id]) => resultIds.has(id)))]));
};

describe('writing results to the demo base', () => {
  const fixture = demoBase({reps: 160, orders: 1600});

  it('writes the exact results, in calls of at most 50 records, and nothing on a second refresh', async () => {
    const driver = createDriver(fixture);
    const mutations = watchMutations(driver);
    const {run, writes, outcome} = await refresh(driver);
    expect(writes.updates).toHaveLength(160);
    expect(outcome).toMatchObject({calls: 4, remaining: 0, failed: null});
    expect(mutations.map((m) => m.records!.length)).toEqual([50, 50, 50, 10]);
    expect(mutations.every((m) => m.type === 'setMultipleRecordsCellValues' && m.tableId === TABLE_IDS.reps)).toBe(true);

    const cells = resultCellsOf(driver);
    for (const result of run.results) {
      const written = cells.get(result.participantId)!;
      expect(written[F.totalScore]).toBe(Number(result.totalScore));
      expect(written[F.totalPay]).toBe(Number(result.totalPay));
      expect(written[F.rank]).toBe(result.rank);
      expect((written[F.grade] as {name: string} | undefined)?.name ?? null).toBe(result.grade);
      expect(written[F.breakdown]).toBe(sayEach(result.breakdown, 'zh').join('\n'));
      // A text field: local time of the run's zone, to the minute, with the zone.
      expect(written[F.calculatedAt]).toBe('2026年3月1日 GMT+8 16:00（方案版本 2026 标准版）');
    }

    const again = await refresh(driver, demoPlan(), '2026-03-02T08:00:00.000Z');
    expect(again.writes.updates).toEqual([]);
    expect(again.outcome.calls).toBe(0);
    expect(mutations).toHaveLength(4);
  });

  it('writes the calculation time into a dateTime field as the ISO moment, read back as the SDK gives it', async () => {
    const withDateTime = JSON.parse(JSON.stringify(fixture)) as typeof fixture;
    const reps = withDateTime.base.tables.find((t) => t.id === TABLE_IDS.reps)!;
    const stamp = reps.fields.find((f) => f.id === F.calculatedAt)!;
    Object.assign(stamp, {type: 'dateTime', options: {dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}, timeFormat: {name: '24hour', format: 'HH:mm'}, timeZone: 'client'}});
    const driver = createDriver(withDateTime);
    const {run} = await refresh(driver);
    const table = driver.base.getTableById(TABLE_IDS.reps);
    const query = await table.selectRecordsAsync({fields: [F.calculatedAt]});
    for (const result of run.results) expect(query.getRecordById(result.participantId).getCellValue(F.calculatedAt)).toBe('2026-03-01T08:00:00.000Z');
    query.unloadData();
    const again = await refresh(driver, demoPlan(), '2026-03-02T08:00:00.000Z');
    expect(again.writes.updates).toEqual([]);
  });

  it('never writes a cell outside the mapped result fields', async () => {
    const driver = createDriver(fixture);
    await refresh(driver);
    const strip = (f: ReturnType<typeof snapshotFixture>) => {
      const resultIds = new Set(Object.values(DEMO_RESULT_FIELDS).map((r) => r.id));
      return f.base.tables.map((t) => t.records.map((r) => Object.entries(r.cellValuesByFieldId).filter(([id]) => !resultIds.has(id))));
    };
    expect(strip(snapshotFixture(driver))).toEqual(strip(fixture));
  });

  it('stops at a failed call k of n, says what was written, and a rerun completes the rest and nothing more', async () => {
    const driver = createDriver(fixture);
    const table = driver.base.getTableById(TABLE_IDS.reps);
    const update = table.updateRecordsAsync.bind(table);
    let call = 0;
    const spy = jest.spyOn(table, 'updateRecordsAsync').mockImplementation(async (records) => {
      call++;
      if (call === 3) throw new Error('network down');
      return update(records);
    });
    const mutations = watchMutations(driver);
    const first = await refresh(driver);
    expect(first.outcome.calls).toBe(3);
    expect(first.outcome.writtenRecordIds).toEqual(first.writes.updates.slice(0, 100).map((u) => u.id));
    expect(first.outcome.failed).toMatchObject({batch: 3, batches: 4, message: 'network down', recordIds: first.writes.updates.slice(100, 150).map((u) => u.id)});
    expect(first.outcome.remaining).toBe(60);
    expect(first.outcome.issues[0].message.en).toBe(
      'Write call 3 of 4 failed: network down. 100 records were written and 60 were not; refreshing again completes the rest.',
    );
    const cells = resultCellsOf(driver);
    expect(first.writes.updates.filter((u) => cells.get(u.id)![F.totalScore] !== undefined).map((u) => u.id)).toEqual(first.outcome.writtenRecordIds);

    spy.mockRestore();
    const second = await refresh(driver);
    expect(second.writes.updates.map((u) => u.id)).toEqual(first.writes.updates.slice(100).map((u) => u.id));
    expect(second.outcome).toMatchObject({calls: 2, remaining: 0, failed: null});
    expect(mutations.map((m) => m.records!.length)).toEqual([50, 50, 50, 10]);
    const third = await refresh(driver);
    expect(third.outcome.calls).toBe(0);
  });

  it('gives a read-only user the SDK reason, and a refresh writes nothing', async () => {
    const driver = createDriver(fixture);
    driver.simulatePermissionCheck(() => false);
    const mutations = watchMutations(driver);
    const table = driver.base.getTableById(TABLE_IDS.reps);
    const check = checkWritePermission(table, Object.values(DEMO_RESULT_FIELDS));
    expect(check).toEqual({ok: false, reason: 'The testing environment has been configured to deny this mutation.', issues: []});
    const {outcome} = await refresh(driver);
    expect(outcome.writtenRecordIds).toEqual([]);
    expect(outcome.failed?.batch).toBe(1);
    expect(mutations).toEqual([]);
    expect([...resultCellsOf(driver).values()].every((cells) => Object.keys(cells).length === 0)).toBe(true);
  });

  it('refuses a computed result field and a deleted one, naming them', async () => {
    const driver = createDriver(fixture);
    await driver.deleteFieldAsync(TABLE_IDS.reps, F.feedback);
    const table = driver.base.getTableById(TABLE_IDS.reps);
    const check = checkWritePermission(table, [
      {id: F.salesTotal, name: '销售额汇总'},
      {id: F.feedback, name: '反馈'},
      {id: F.totalScore, name: '总分'},
    ]);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((i) => [i.code, i.fieldId])).toEqual([
      ['adapter.write.computed', F.salesTotal],
      ['adapter.write.fieldMissing', F.feedback],
    ]);
    expect(check.reason).toContain('销售额汇总');
    expect(check.reason).toContain('反馈');
    expect(checkWritePermission(table, [F.totalScore, F.grade])).toEqual({ok: true});
  });

  it('skips records deleted while a refresh writes, and writes all the others', async () => {
    const driver = createDriver(fixture);
    const plan = demoPlan();
    const read = await readFacts(driver.base, plan);
    const writes = planWrites(runPlan(plan, PERIOD, read.facts), plan, read.current, {lang: 'zh', calculatedAt: 'now', fields: read.resultFields});
    const table = driver.base.getTableById(TABLE_IDS.reps);
    const [goneBefore, goneDuring] = [writes.updates[10].id, writes.updates[70].id];
    await table.deleteRecordsAsync([goneBefore]);
    const outcome = await writeResults(table, writes.updates, {
      ...fakeClock(),
      onProgress: (written) => {
        if (written === 49) void table.deleteRecordsAsync([goneDuring]);
      },
    });
    expect(outcome.failed).toBeNull();
    expect(outcome.skippedDeletedRecordIds).toEqual([goneBefore, goneDuring]);
    expect(outcome.writtenRecordIds).toHaveLength(158);
    expect(outcome.remaining).toBe(0);
    expect(outcome.issues.map((i) => [i.code, i.recordIds])).toEqual([['adapter.write.deleted', [goneBefore, goneDuring]]]);
    const cells = resultCellsOf(driver);
    expect(cells.has(goneBefore)).toBe(false);
    expect(outcome.writtenRecordIds.every((id) => cells.get(id)![F.totalScore] !== undefined)).toBe(true);
  });

  it('reports progress after each call and stops before the next call when aborted', async () => {
    const driver = createDriver(fixture);
    const read = await readFacts(driver.base, demoPlan());
    const writes = planWrites(runPlan(demoPlan(), PERIOD, read.facts), demoPlan(), read.current, {lang: 'en', calculatedAt: 'now', fields: read.resultFields});
    const controller = new AbortController();
    const progress: number[] = [];
    const outcome = await writeResults(driver.base.getTableById(TABLE_IDS.reps), writes.updates, {
      ...fakeClock(),
      signal: controller.signal,
      onProgress: (written, total) => {
        progress.push(written);
        expect(total).toBe(160);
        if (written === 100) controller.abort();
      },
    });
    expect(progress).toEqual([50, 100]);
    expect(outcome).toMatchObject({aborted: true, calls: 2, remaining: 60, failed: null});
  });
});

describe('batchUpdates and RateLimiter', () => {
  it('measures a payload as the SDK does, encodeURIComponent(...).length, without building it', () => {
    expect(encodedLength('销售 A-1')).toBe(encodeURIComponent('销售 A-1').length);
    expect(encodedLength('😀é\n"')).toBe(encodeURIComponent('😀é\n"').length);
    // Well-formed text only: encodeURIComponent itself throws on a lone surrogate.
    fc.assert(fc.property(fc.string({unit: 'grapheme'}), (text) => encodedLength(text) === encodeURIComponent(text).length));
    fc.assert(fc.property(fc.string({unit: 'binary'}), (text) => encodedLength(text) === encodeURIComponent(text).length));
  });

  it('measures a value as encodeURIComponent(JSON.stringify(value)).length, without building the text', () => {
    const sizeOfJson = (value: unknown) => encodeURIComponent(JSON.stringify(value)).length;
    // Cell values of every written kind: text with quotes, backslashes, control characters and
    // Chinese, numbers (1e+21 has a "+"), null, and objects and arrays of them.
    expect(jsonEncodedLength({fld1: '销售 "A"\\\n\u0001', fld2: 1e21, fld3: null, fld4: [{name: '已核'}]})).toBe(
      sizeOfJson({fld1: '销售 "A"\\\n\u0001', fld2: 1e21, fld3: null, fld4: [{name: '已核'}]}),
    );
    // JSON.stringify leaves out undefined and functions in an object, writes null for them (and
    // for NaN) in an array, escapes a lone surrogate, and writes a Date through its toJSON.
    const odd = {a: undefined, b: () => 1, c: [undefined, NaN, -0, Infinity], d: '\ud800x\udc00', e: new Date(0), f: new String('s')};
    expect(jsonEncodedLength(odd)).toBe(sizeOfJson(odd));
    // A record's getters (deferred texts) are read as JSON.stringify reads them.
    const deferred = Object.defineProperty({id: 'rec1'}, 'fldText', {get: () => '绩效 "明细"', enumerable: true});
    expect(jsonEncodedLength(deferred)).toBe(sizeOfJson(deferred));
    fc.assert(fc.property(fc.jsonValue(), (value) => jsonEncodedLength(value) === sizeOfJson(value)));
    const text = fc.string({unit: 'binary'});
    fc.assert(fc.property(fc.dictionary(text, fc.oneof(text, fc.double(), fc.constant(undefined), fc.array(fc.oneof(text, fc.integer(), fc.constant(undefined))))), (value) => jsonEncodedLength(value) === sizeOfJson(value)));
  });

  it('keeps each call under 50 records and the payload limit, in order', () => {
    // Chinese text weighs 9 bytes a character once URI-encoded, as the SDK measures it.
    const long = '绩'.repeat(20000);
    const updates = Array.from({length: 120}, (_, i) => ({id: `rec${i}`, fields: {[F.breakdown]: i % 2 ? long : 'x'}}));
    const batches = batchUpdates(updates);
    expect(batches.flat().map((u) => u.id)).toEqual(updates.map((u) => u.id));
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(50);
      const mutation = {type: 'setMultipleRecordsCellValues', tableId: TABLE_IDS.reps, records: batch.map((u) => ({id: u.id, cellValuesByFieldId: u.fields}))};
      expect(encodeURIComponent(JSON.stringify(mutation)).length).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    }
    expect(batches.length).toBeGreaterThan(3);
    expect(batchUpdates(updates.map((u) => ({...u, fields: {}})))).toHaveLength(3);
  });

  it('starts a call only a full second after the call 15 before it has ended', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(15, 1000, clock.now, clock.sleep);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < 50; i++) {
      await limiter.acquire();
      starts.push(clock.now());
      // Each call takes a varying time to reach the base and return.
      await clock.sleep(10 + (i % 3) * 20);
      ends.push(clock.now());
      limiter.release();
    }
    for (let i = 15; i < starts.length; i++) expect(starts[i] - ends[i - 15]).toBeGreaterThanOrEqual(1000);
    // And it waits no longer than that: the 16th call starts exactly 1 s after the 1st ended.
    expect(starts[15]).toBe(ends[0] + 1000);
  });

  it('keeps to its slots when timers fire late, without bunching calls', async () => {
    // Each sleep overshoots by 3 ms, as browser timers do under load.
    let now = 0;
    const late = {now: () => now, sleep: async (ms: number) => void (now += ms + 3)};
    const limiter = new RateLimiter(15, 1025, late.now, late.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 150; i++) {
      await limiter.acquire();
      starts.push(now);
      now += 5;
      limiter.release();
    }
    // 150 calls in about 10 windows, not 10 windows plus 149 overshoots.
    expect(starts[149] - starts[0]).toBeLessThan(149 * (1025 / 15) + 150);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThan(1025 / 15 / 2);
    for (let i = 15; i < starts.length; i++) expect(starts[i] - (starts[i - 15] + 5)).toBeGreaterThanOrEqual(1025);
  });

  it('spreads the calls over the second instead of sending 15 at once', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(15, 1025, clock.now, clock.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 45; i++) {
      await limiter.acquire();
      starts.push(clock.now());
      await clock.sleep(5);
      limiter.release();
    }
    const gaps = starts.slice(1).map((at, i) => at - starts[i]);
    // No second-long silence after a burst of 15: a call is at most one slot (1025/15 ms) and a
    // half late (the half a call held back by the window may catch up on), plus the call's 5 ms.
    // Never bunched either: at least half a slot apart.
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(1025 / 15 / 2);
      expect(gap).toBeLessThanOrEqual(1.5 * (1025 / 15) + 5 + 1);
    }
  });
});

describe('records deleted while a refresh writes, as the user reads the refresh', () => {
  it('names each deleted rep by the value read before the write, in either language, never by its record id', async () => {
    const driver = createDriver(demoBase({reps: 120, orders: 600}));
    const table = driver.base.getTableById(TABLE_IDS.reps);
    const before = await table.selectRecordsAsync({fields: [table.primaryField]});
    const reps = before.records.map((record) => ({id: record.id, name: record.name}));
    before.unloadData();
    const run = {now: new Date(2026, 3, 1), lang: 'zh' as const};
    const hooks = {yieldToBrowser: async () => undefined};
    const planned = (await computePreview(driver.base, demoPlan(), PERIOD, 'rev', run, hooks)).writes.updates.map((update) => update.id);
    // Two reps of later calls, deleted by a collaborator once the first call has reached the base.
    const gone = [planned[70], planned[110]].map((id) => reps.find((rep) => rep.id === id)!);
    const original = table.updateRecordsAsync.bind(table);
    let calls = 0;
    const spy = jest.spyOn(table, 'updateRecordsAsync').mockImplementation(async (records) => {
      await original(records);
      if (++calls === 1) await table.deleteRecordsAsync(gone.map((rep) => rep.id));
    });
    const outcome = await refreshRun(driver.base, demoPlan(), PERIOD, 'rev', run, hooks);
    spy.mockRestore();
    if (outcome.kind !== 'written') throw new Error(outcome.kind);
    expect(outcome.outcome.skippedDeletedRecordIds).toEqual(gone.map((rep) => rep.id));

    const {failures} = summarise(outcome.preview, outcome.outcome);
    expect(failures).toEqual([
      {
        zh: `2 条参与人记录在写入前已被删除，已跳过：${gone[0].name}和${gone[1].name}`,
        en: `2 participant records were deleted before they could be written and were skipped: ${gone[0].name} and ${gone[1].name}`,
      },
    ]);
    for (const rep of gone) expect(JSON.stringify(failures)).not.toContain(rep.id);
  });
});
