/**
 * The reference of written cells (test/golden/written-cells.json): checks the current code
 * against it, or (--write) makes it anew. --with-10k adds the bench's 10k base (about a minute
 * and 2 GB in Node; the jest test runs the smaller scenarios only).
 *
 *   npx tsx scripts/golden.ts [--write] [--with-10k]
 */
import '../sim/nodeWindow';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {BENCH_10K, runScenario, SCENARIOS, type Digests} from '../test/golden/writtenCells';

const FILE = path.join(__dirname, '..', 'test', 'golden', 'written-cells.json');

async function main(): Promise<number> {
  const {values} = parseArgs({options: {write: {type: 'boolean'}, 'with-10k': {type: 'boolean'}, help: {type: 'boolean'}}});
  if (values.help) {
    console.log('Usage: npx tsx scripts/golden.ts [--write] [--with-10k]');
    return 0;
  }
  const scenarios = values['with-10k'] ? [...SCENARIOS, BENCH_10K] : SCENARIOS;
  const stored = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Digests>;
  let differ = 0;
  for (const scenario of scenarios) {
    const digests = await runScenario(scenario);
    if (values.write) {
      stored[scenario.name] = digests;
    } else if (JSON.stringify(stored[scenario.name]) !== JSON.stringify(digests)) {
      differ++;
      console.log(`${scenario.name}: differs`);
      for (const [period, fields] of Object.entries(digests)) {
        for (const [field, digest] of Object.entries(fields)) {
          if (stored[scenario.name]?.[period]?.[field] !== digest) console.log(`  ${period} ${field}`);
        }
      }
    } else {
      console.log(`${scenario.name}: same`);
    }
  }
  if (values.write) writeFileSync(FILE, JSON.stringify(stored, null, 1) + '\n');
  return differ === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
