/**
 * @jest-environment jsdom
 *
 * The command lines of `npm run score`, `npm run demo` and `npm run bench`, read by node:util's
 * parseArgs: --help prints the usage and exits 0; an unknown option, a missing or bad value exits
 * 2 with the reason and the usage, in the language asked for. First through each command's own
 * spec, in process; then as a user runs them, as child processes, for the exit codes.
 * (jsdom: score.ts loads the simulated SDK, whose timers a plain Node environment would wait for.)
 */
import {langOf, readCommandLine, type CommandLine} from '../../scripts/commandLine';
import {readScoreCommandLine} from '../../scripts/score';
import {demoCommand} from '../../scripts/demo-base';
import {benchCommand} from '../../scripts/bench';
import {spawnScript} from './spawnScript';

const score = (argv: string[], env: NodeJS.ProcessEnv = {}) => readScoreCommandLine(argv, env);
const demo = (argv: string[], env: NodeJS.ProcessEnv = {}) => readCommandLine(demoCommand, argv, env);
const bench = (argv: string[], env: NodeJS.ProcessEnv = {}) => readCommandLine(benchCommand, argv, env);

/** A refusal: exit 2, the reason first, then the usage in the same language. */
function expectRefusal(line: CommandLine<unknown>, reason: string, usageStart: string) {
  expect(line).toMatchObject({kind: 'exit', code: 2, stream: 'stderr'});
  if (line.kind !== 'exit') return;
  expect(line.lines[0]).toBe(reason);
  expect(line.lines[1].startsWith(usageStart)).toBe(true);
}

describe('--help', () => {
  it.each([
    ['score', score, 'npm run score --'],
    ['demo', demo, 'npm run demo --'],
    ['bench', bench, 'npm run bench --'],
  ] as const)('%s prints the usage on stdout and exits 0, in zh or en', (_name, read, command) => {
    const printed = (line: CommandLine<unknown>): string => {
      expect(line).toMatchObject({kind: 'exit', code: 0, stream: 'stdout'});
      return line.kind === 'exit' ? line.lines.join('\n') : '';
    };
    expect(printed(read(['--help']))).toMatch(new RegExp(`^Usage: ${command}[^]*Exit codes: 0 `));
    expect(printed(read(['-h', '--lang', 'zh']))).toMatch(new RegExp(`^用法：${command}[^]*退出码：0 `));
    // The terminal's language when --lang is absent.
    expect(printed(read(['--help'], {LANG: 'zh_CN.UTF-8'}))).toMatch(/^用法：/);
  });
});

describe('refusals', () => {
  it('score: the unknown --help of before is gone; an unknown option, a missing value, a missing option', () => {
    expectRefusal(score(['--seed', 'x']), 'Unknown option --seed.', 'Usage: npm run score');
    expectRefusal(score(['--base']), '--base needs a value.', 'Usage: npm run score');
    expectRefusal(score(['--base', 'demo', '--period', '2026-01']), 'Missing --plan.', 'Usage: npm run score');
    expectRefusal(score(['--base', 'demo', '--plan', 'p.json', '--period', '2026-01', '--json=yes']), '--json takes no value.', 'Usage: npm run score');
    expectRefusal(score(['--base', 'demo', '--plan', 'p.json', '--period', '2026-01', 'extra']), 'Unexpected argument extra.', 'Usage: npm run score');
    expectRefusal(score(['--base', 'demo:xl', '--plan', 'p.json', '--period', '2026-01']), 'Bad value for --base: demo:xl (one of demo:small, demo:1k, demo:10k)', 'Usage');
  });

  it('answers in the language asked for, even on a line that does not parse', () => {
    expectRefusal(score(['--lang', 'zh', '--bogus']), '未知参数 --bogus。', '用法：npm run score');
    expectRefusal(score(['--lang', 'fr']), 'Bad value for --lang: fr (must be zh or en)', 'Usage');
    expectRefusal(demo(['--seed', 'x', '--lang=zh']), '--seed 的取值 x 无效（应为 0 到 4294967295 之间的整数）', '用法：npm run demo');
    expect(langOf(['--lang=en'], {LANG: 'zh_CN.UTF-8'})).toBe('en');
    expect(langOf([], {LC_ALL: 'zh_TW'})).toBe('zh');
  });

  it('demo: values out of what the generator offers', () => {
    expectRefusal(demo(['--seed', 'x']), 'Bad value for --seed: x (a whole number from 0 to 4294967295)', 'Usage: npm run demo');
    expectRefusal(demo(['--levels', '0']), 'Bad value for --levels: 0 (a whole number from 1 to 10)', 'Usage: npm run demo');
    expectRefusal(demo(['--levels', '2.5']), 'Bad value for --levels: 2.5 (a whole number from 1 to 10)', 'Usage: npm run demo');
    expectRefusal(demo(['--months', '13']), 'Bad value for --months: 13 (a whole number from 1 to 12)', 'Usage: npm run demo');
    expectRefusal(demo(['--size', 'huge']), 'Bad value for --size: huge (one of small, 1k, 10k)', 'Usage: npm run demo');
    expectRefusal(demo(['--messy=1']), '--messy takes no value.', 'Usage: npm run demo');
  });

  it('bench: an unknown option or size', () => {
    expectRefusal(bench(['--seed', '3']), 'Unknown option --seed.', 'Usage: npm run bench');
    expectRefusal(bench(['20k']), 'Bad value for size: 20k (one of small, 1k, 10k)', 'Usage: npm run bench');
  });
});

describe('accepted command lines', () => {
  it('score', () => {
    expect(score(['--base', 'demo:1k', '--plan', 'p.json', '--period', '2026-01', '--json', '--out', 'o.json', '--lang', 'zh'])).toEqual({
      kind: 'run',
      lang: 'zh',
      options: {base: 'demo:1k', plan: 'p.json', period: '2026-01', json: true, out: 'o.json', lang: 'zh'},
    });
  });
  it('demo', () => {
    expect(demo(['--size', '1k', '--seed', '7', '--months', '12', '--levels', '10', '--messy'])).toMatchObject({
      kind: 'run',
      options: {size: '1k', seed: 7, months: 12, levels: 10, messy: true, out: undefined},
    });
    expect(demo([])).toMatchObject({kind: 'run', options: {size: 'small', seed: undefined, levels: undefined, messy: false}});
  });
  it('bench', () => {
    expect(bench(['10k', '--profile', '--engine-only'])).toMatchObject({
      kind: 'run',
      options: {sizes: ['10k'], scenarios: [], profile: true, json: false, live: false, engineOnly: true},
    });
    expect(bench(['10k', '--scenario', 'ledger'])).toMatchObject({kind: 'run', options: {sizes: ['10k'], scenarios: ['ledger']}});
    expect(bench(['10k', '--scenario', 'edited'])).toMatchObject({kind: 'run', options: {sizes: ['10k'], scenarios: ['edited']}});
    expectRefusal(bench(['--scenario', 'payroll']), 'Bad value for --scenario: payroll (one of people, ledger, edited)', 'Usage: npm run bench');
  });
});

describe('as processes', () => {
  it('exit 0 on --help, 2 on a wrong command line, with no stack trace', async () => {
    const help = await spawnScript('scripts/score.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run score --/);
    expect(help.stderr).toBe('');
    for (const [script, args, reason] of [
      ['scripts/score.ts', ['--seed', 'x'], 'Unknown option --seed.'],
      ['scripts/demo-base.ts', ['--seed', 'x'], 'Bad value for --seed: x'],
      ['scripts/bench.ts', ['--bogus'], 'Unknown option --bogus.'],
    ] as const) {
      const run = await spawnScript(script, [...args]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.startsWith(reason)).toBe(true);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
