/**
 * Old-space growth of the engine per phase on the bench's 10k base (issue 11): in a browser no
 * major GC runs during a refresh, so everything the engine holds across a couple of scavenges is
 * promoted and counts toward the refresh's heap peak, live or not. This prints the old space (and
 * large objects) in MB (one decimal) at the start of each engine phase, at the end, and after a full GC with the
 * results still held. With --live a full GC runs at each phase start as well, which shows what is
 * really live there (and so, beside a run without it, what was promoted only to die).
 *
 * Node does not compress pointers: its figures are about twice Chrome's.
 *
 *   node --expose-gc --import tsx scripts/engineHeap.ts [--live]
 */
import '../sim/nodeWindow';
import v8 from 'node:v8';
import {parseArgs} from 'node:util';
import {demoBase} from '../sim/demoBase';
import {createDriver} from '../sim/driver';
import {baseSchema} from '../frontend/adapter/schema';
import {runPlanSteps} from '../src/engine';
import type {Facts} from '../src/facts';
import {readFacts} from '../frontend/adapter/readFacts';
import {BENCH_PERIOD, benchPlan} from '../bench/plan';

const MB = 2 ** 20;

/** Old space plus large-object space, in MB to one decimal. */
function oldSpace(): number {
  const spaces = v8.getHeapSpaceStatistics();
  const used = (name: string) => spaces.find((s) => s.space_name === name)?.space_used_size ?? 0;
  return tenths((used('old_space') + used('large_object_space')) / MB);
}

const tenths = (mb: number) => Math.round(mb * 10) / 10;

const gc = (globalThis as {gc?: () => void}).gc;

function fullGc(): void {
  gc!();
  gc!();
}

async function main(): Promise<number> {
  const {values} = parseArgs({options: {live: {type: 'boolean'}, help: {type: 'boolean'}}});
  if (values.help || !gc) {
    console.log('Usage: node --expose-gc --import tsx scripts/engineHeap.ts [--live]');
    return values.help ? 0 : 1;
  }
  const driver = createDriver(demoBase({size: '10k', levels: 6}));
  const plan = benchPlan(baseSchema(driver.base));
  const read = await readFacts(driver.base, plan, undefined, {periodId: BENCH_PERIOD});
  if (!('facts' in read)) {
    console.log('The facts could not be read.');
    return 1;
  }
  let facts: Facts | null = read.facts;
  // Lets the reading's timers and promises settle before the baseline.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  fullGc();
  const before = oldSpace();
  console.log('old space before', before, 'MB');
  let steps: ReturnType<typeof runPlanSteps> | null = runPlanSteps(plan, BENCH_PERIOD, facts);
  facts = null;
  let phase = '';
  let at = before;
  let next = steps.next();
  while (!next.done) {
    if (next.value.phase !== phase) {
      if (values.live) fullGc();
      const now = oldSpace();
      console.log(`${phase || 'start'} +${tenths(now - at)}`, `-> enter ${next.value.phase}: ${now} MB`);
      phase = next.value.phase;
      at = now;
    }
    // A macrotask between steps, as the page gives the browser its turn.
    await new Promise((resolve) => setImmediate(resolve));
    next = steps.next();
  }
  const done = oldSpace();
  console.log(`${phase} +${tenths(done - at)}`, `-> done: ${done} MB (run +${tenths(done - before)})`);
  const run = next.value;
  // The finished generator may still hold its frame: only the results are kept.
  steps = null;
  fullGc();
  // Sweeping runs beside the script: let it finish so that the figure counts live objects only.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  fullGc();
  console.log('live after a full GC, results held:', oldSpace(), `MB (+${tenths(oldSpace() - before)}),`, run.results.length, 'results');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
