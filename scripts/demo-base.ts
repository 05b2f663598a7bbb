/**
 * Writes a demo base as fixture JSON, for the headless run, the bench or a bug report:
 *
 *   npm run demo -- [--size small|1k|10k] [--out base.json] [--messy] [--seed 7] [--months 3] [--levels 6] [--lang zh|en]
 *
 * Without --out the JSON goes to stdout. `--help` prints the usage; a wrong command line exits 2.
 */
import {writeFileSync} from 'node:fs';
import type {Text} from '../src/plan';
import {DEMO_LEVELS, DEMO_SIZES, demoBase, type DemoBaseOptions, type DemoSize} from '../sim/demoBase';
import {EXIT, fill, oneOf, readCommandLine, wholeNumber, type CommandSpec} from './commandLine';

/** The longest activity the generator covers, in months. */
const MAX_MONTHS = 12;

const demoText = {
  usage: {
    zh: [
      '用法：npm run demo -- [--size small|1k|10k] [--out <文件>] [--messy] [--seed <整数>] [--months <1-12>] [--levels <1-10>] [--lang zh|en]',
      '  --size    规模：small（60 人 / 3,000 订单）、1k（1,000 / 20,000）、10k（10,000 / 200,000），默认 small',
      '  --out     写入此文件（默认输出到标准输出）',
      '  --messy   加入有问题的数据（文本金额、上级循环、重名……）',
      '  --seed    随机种子，同一种子生成同一基地',
      `  --months  覆盖的月数，1 到 ${MAX_MONTHS}，默认 3`,
      `  --levels  上下级层数，${DEMO_LEVELS.min} 到 ${DEMO_LEVELS.max}，默认 4（人数少于层数时，层数以人数为限）`,
      '  --lang    消息语言：zh 或 en（默认：终端的 LANG）',
      '  --help    显示本说明',
      '退出码：0 完成；1 无法写入文件；2 命令行有误。',
    ].join('\n'),
    en: [
      'Usage: npm run demo -- [--size small|1k|10k] [--out <file>] [--messy] [--seed <n>] [--months <1-12>] [--levels <1-10>] [--lang zh|en]',
      '  --size    small (60 reps / 3,000 orders), 1k (1,000 / 20,000) or 10k (10,000 / 200,000); default small',
      '  --out     write to this file (default: standard output)',
      '  --messy   add bad data (text amounts, upline cycles, duplicate names...)',
      '  --seed    random seed: the same seed gives the same base',
      `  --months  months of activity, 1 to ${MAX_MONTHS}; default 3`,
      `  --levels  levels of the upline tree, ${DEMO_LEVELS.min} to ${DEMO_LEVELS.max}; default 4 (a base with fewer reps than levels is as deep as its reps allow)`,
      "  --lang    language of the messages: zh or en (default: the terminal's LANG)",
      '  --help    show this help',
      'Exit codes: 0 done; 1 the file cannot be written; 2 bad command line.',
    ].join('\n'),
  },
  written: {zh: '{file}：{counts}', en: '{file}: {counts}'},
  writeFailed: {zh: '无法写入 {file}：{reason}', en: 'Cannot write {file}: {reason}'},
} satisfies Record<string, Text>;

export const demoCommand: CommandSpec<DemoBaseOptions & {out?: string}> = {
  usage: demoText.usage,
  options: {
    size: {type: 'string'},
    out: {type: 'string'},
    messy: {type: 'boolean'},
    seed: {type: 'string'},
    months: {type: 'string'},
    levels: {type: 'string'},
  },
  read(values) {
    const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    const size = text('size');
    const seed = text('seed');
    const months = text('months');
    const levels = text('levels');
    return {
      size: size === undefined ? 'small' : oneOf<DemoSize>('--size', size, Object.keys(DEMO_SIZES) as DemoSize[]),
      seed: seed === undefined ? undefined : wholeNumber('--seed', seed, {min: 0, max: 2 ** 32 - 1}),
      months: months === undefined ? undefined : wholeNumber('--months', months, {min: 1, max: MAX_MONTHS}),
      levels: levels === undefined ? undefined : wholeNumber('--levels', levels, DEMO_LEVELS),
      messy: values.messy === true,
      out: text('out'),
    };
  },
};

/** The command as a process runs it: argv and env in, text out, the exit code back. */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv, out: {stdout(text: string): void; stderr(text: string): void}): number {
  const line = readCommandLine(demoCommand, argv, env);
  if (line.kind === 'exit') {
    for (const text of line.lines) out[line.stream](`${text}\n`);
    return line.code;
  }
  const {out: file, ...options} = line.options;
  const fixture = demoBase(options);
  const json = JSON.stringify(fixture);
  if (!file) {
    out.stdout(json);
    return EXIT.ok;
  }
  try {
    writeFileSync(file, json);
  } catch (error) {
    out.stderr(`${fill(demoText.writeFailed, line.lang, {file, reason: (error as Error).message})}\n`);
    return EXIT.badInput;
  }
  const counts = fixture.base.tables.map((t) => `${t.name} ${t.records.length}`).join(', ');
  out.stderr(`${fill(demoText.written, line.lang, {file, counts})}\n`);
  return EXIT.ok;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.env, {stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text)});
}
