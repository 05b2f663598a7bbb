/**
 * @jest-environment jsdom
 *
 * `npm run demo -- --levels n` builds every level count it offers (DEMO_LEVELS), at every size:
 * exactly the reps asked for, an upline tree as deep as asked (or as the reps allow), and a base
 * that passes the shape check and opens in the simulated SDK. `--levels 1` crashed above 4 reps.
 * (jsdom: the simulated SDK keeps timers that a plain Node environment would wait for.)
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {DEMO_LEVELS, demoBase, FIELD_IDS, levelSizes, TABLE_IDS} from '../../sim/demoBase';
import {checkBaseFile} from '../../sim/baseFile';
import {createDriver} from '../../sim/driver';
import type {FixtureData} from '../../sim/fixture';
import {main} from '../../scripts/demo-base';

type Link = {id: string}[] | null;
const LEVELS = Array.from({length: DEMO_LEVELS.max - DEMO_LEVELS.min + 1}, (_, i) => DEMO_LEVELS.min + i);
/** Team leaders of a base of up to 100 reps: one per team, four teams. */
const LEADERS = 4;

/** Depth of each rep in the upline tree (leaders are 1), following 上级 links. */
function depths(fixture: FixtureData): number[] {
  const reps = fixture.base.tables.find((t) => t.id === TABLE_IDS.reps)!.records;
  const upline = new Map(reps.map((r) => [r.id, (r.cellValuesByFieldId[FIELD_IDS.reps.upline] as Link)?.[0]?.id]));
  const depth = (id: string): number => {
    let steps = 1;
    for (let at = upline.get(id); at; at = upline.get(at)) {
      steps += 1;
      if (steps > reps.length) throw new Error(`upline cycle through ${id}`);
    }
    return steps;
  };
  return reps.map((r) => depth(r.id));
}

describe('demo levels', () => {
  it.each(LEVELS)('%i levels: exactly the reps asked for, as deep as they allow', (levels) => {
    for (const reps of [1, 3, 4, 5, 12, 60, 100]) {
      const fixture = demoBase({levels, reps, orders: 30});
      const repDepths = depths(fixture);
      expect(repDepths).toHaveLength(reps);
      expect(Math.max(...repDepths)).toBe(Math.min(levels, 1 + reps - Math.min(LEADERS, reps)));
      expect(checkBaseFile(fixture)).toMatchObject({ok: true});
    }
  });

  it('people per level add up to the total, one at least on each level', () => {
    for (const levels of LEVELS) {
      for (const total of [1, 2, 5, 9, 60, 1000, 10_000]) {
        const sizes = levelSizes(total, Math.min(LEADERS, total), levels);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
        expect(sizes.length).toBeLessThanOrEqual(levels);
      }
    }
  });

  it('the command line writes every level count at the small and 1k sizes, and the SDK opens them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spb-demo-levels-'));
    try {
      for (const size of ['small', '1k']) {
        for (const levels of LEVELS) {
          const file = path.join(dir, `${size}-${levels}.json`);
          const stderr: string[] = [];
          const code = main(['--size', size, '--levels', String(levels), '--out', file, '--lang', 'en'], {}, {stdout: () => undefined, stderr: (t) => stderr.push(t)});
          expect(code).toBe(0);
          expect(stderr.join('')).toMatch(new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}: 销售人员 ${size === 'small' ? 60 : 1000}, `));
          const fixture = JSON.parse(readFileSync(file, 'utf8')) as FixtureData;
          expect(Math.max(...depths(fixture))).toBe(levels);
          if (size === 'small') expect(createDriver(fixture).base.getTableById(TABLE_IDS.reps).fields.length).toBeGreaterThan(0);
        }
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }, 120_000);
});
