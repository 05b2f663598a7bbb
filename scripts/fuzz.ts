/**
 * The pipeline fuzz, for long runs (issue 10, part 6; docs/reliability.md "The fuzz"):
 *
 *   npm run fuzz -- [<cases>] [--seed <n>] [--json]
 *
 * Generates <cases> random messy bases and mutated template plans (test/fuzz/arbitraries.ts),
 * runs each through the CLI's path (test/fuzz/check.ts) and checks every property there. Prints
 * the seed first, so any run can be replayed exactly; at the end, the failures grouped by class,
 * each with a counterexample shrunk by fast-check. Exit code 0 when every case passed, 1 when
 * some failed, 2 for a wrong command line.
 */
// First: gives the SDK the `window` it installs itself on (before anything imports it).
import '../sim/nodeWindow';
import {parseArgs} from 'node:util';
import fc from 'fast-check';
import {fuzzCase, type FuzzCase} from '../test/fuzz/arbitraries';
import {checkCase, FuzzFailure, type CaseOutcome} from '../test/fuzz/check';

const USAGE = `Usage: npm run fuzz -- [<cases>] [--seed <n>] [--json]

  <cases>     how many cases to run (default 1000)
  --seed <n>  the seed (default: the current time); the same seed replays the same cases
  --json      print the summary as JSON
  --help      this text`;

interface Options {
  cases: number;
  seed: number;
  json: boolean;
}

/** @example options(['500', '--seed', '42']) // {cases: 500, seed: 42, json: false} */
export function options(argv: string[]): Options | {error: string} | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {seed: {type: 'string'}, json: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}},
    });
  } catch (error) {
    return {error: (error as Error).message};
  }
  if (parsed.values.help) return 'help';
  const cases = parsed.positionals[0] === undefined ? 1000 : Number(parsed.positionals[0]);
  if (parsed.positionals.length > 1 || !Number.isInteger(cases) || cases < 1) return {error: `<cases> must be a whole number above 0: ${parsed.positionals.join(' ')}`};
  const seed = parsed.values.seed === undefined ? Date.now() % 2 ** 31 : Number(parsed.values.seed);
  if (!Number.isInteger(seed)) return {error: `--seed must be a whole number: ${parsed.values.seed}`};
  return {cases, seed, json: parsed.values.json === true};
}

interface FailureClass {
  kind: string;
  count: number;
  firstCase: number;
  detail: string;
  shrunk?: {counterexample: FuzzCase; detail: string};
}

/** Runs a case; a failure that is not a FuzzFailure (a fault of the fuzz itself) is a class too. */
async function outcomeOf(fuzz: FuzzCase): Promise<CaseOutcome | FuzzFailure> {
  try {
    return await checkCase(fuzz);
  } catch (error) {
    if (error instanceof FuzzFailure) return error;
    return new FuzzFailure('fuzz harness error', String((error as Error)?.stack ?? error));
  }
}

/**
 * The smallest case fast-check finds that fails with this class: the search replays the same
 * seed, stops at the first case of the class and shrinks it.
 */
async function shrink(kind: string, seed: number, cases: number): Promise<FailureClass['shrunk']> {
  let lastDetail = '';
  const property = fc.asyncProperty(fuzzCase, async (fuzz) => {
    const outcome = await outcomeOf(fuzz);
    if (outcome instanceof FuzzFailure && outcome.kind === kind) {
      lastDetail = outcome.detail;
      return false;
    }
    return true;
  });
  const result = await fc.check(property, {seed, numRuns: cases});
  if (!result.failed || !result.counterexample) return undefined;
  return {counterexample: result.counterexample[0], detail: lastDetail};
}

async function main(): Promise<number> {
  const parsed = options(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(parsed.error);
    console.error(USAGE);
    return 2;
  }
  const {cases, seed, json} = parsed;
  console.log(`fuzz: ${cases} cases, seed ${seed} (replay: npm run fuzz -- ${cases} --seed ${seed})`);
  const started = Date.now();
  const outcomes: Record<string, number> = {};
  const failures = new Map<string, FailureClass>();
  // Cases are drawn in chunks: the same seed and count always give the same cases.
  const CHUNK = 500;
  let done = 0;
  for (let chunk = 0; done < cases; chunk++) {
    const batch = fc.sample(fuzzCase, {seed: seed + chunk, numRuns: Math.min(CHUNK, cases - done)});
    for (const fuzz of batch) {
      const outcome = await outcomeOf(fuzz);
      if (outcome instanceof FuzzFailure) {
        const known = failures.get(outcome.kind);
        if (known) known.count++;
        else failures.set(outcome.kind, {kind: outcome.kind, count: 1, firstCase: done, detail: outcome.detail});
        outcomes.failed = (outcomes.failed ?? 0) + 1;
      } else {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      done++;
      if (!json && done % 1000 === 0) console.log(`  ${done} cases, ${failures.size} failure classes, ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }
  for (const failure of failures.values()) failure.shrunk = await shrink(failure.kind, seed, cases);
  const seconds = Math.round((Date.now() - started) / 1000);
  const failed = outcomes.failed ?? 0;
  if (json) {
    console.log(JSON.stringify({seed, cases, seconds, outcomes, failures: [...failures.values()]}, null, 2));
  } else {
    console.log(`\n${cases} cases in ${seconds} s, seed ${seed}: ${failed} failed`);
    console.log(`  outcomes: ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const failure of failures.values()) {
      console.log(`\nFAILURE CLASS: ${failure.kind} (${failure.count} cases, first at case ${failure.firstCase})`);
      console.log(`  seen: ${failure.detail.slice(0, 400)}`);
      if (failure.shrunk) {
        console.log(`  shrunk: ${failure.shrunk.detail.slice(0, 400)}`);
        console.log(`  counterexample: ${JSON.stringify(failure.shrunk.counterexample)}`);
      } else {
        console.log('  (not reproduced within the first chunk for shrinking; replay the seed)');
      }
    }
  }
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  // The SDK keeps timers running; the run is over once main resolves.
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
