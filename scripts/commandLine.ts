/**
 * The command lines of the scripts (`npm run score`, `npm run demo`, `npm run bench`), read by
 * node:util's parseArgs with the same rules everywhere: `--help` prints the usage and exits 0;
 * an unknown option, a missing value or a value out of range exits 2 with the reason and the
 * usage. Every text exists in zh and en; `--lang zh|en` chooses, else the terminal's LANG.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util';
import type {Lang, Text} from '../src/plan';

/** Exit codes of every script: done, bad input (a file, a plan, a base), bad command line. */
export const EXIT = {ok: 0, badInput: 1, badCommandLine: 2} as const;

const words = {
  unknownOption: {zh: '未知参数 {option}。', en: 'Unknown option {option}.'},
  missingValue: {zh: '参数 {option} 缺少取值。', en: '{option} needs a value.'},
  takesNoValue: {zh: '参数 {option} 不接受取值。', en: '{option} takes no value.'},
  unexpected: {zh: '多余的参数 {argument}。', en: 'Unexpected argument {argument}.'},
  missing: {zh: '缺少参数 {option}。', en: 'Missing {option}.'},
  badValue: {zh: '{option} 的取值 {value} 无效（{expected}）', en: 'Bad value for {option}: {value} ({expected})'},
  badLang: {zh: '只能是 zh 或 en', en: 'must be zh or en'},
  seeUsage: {zh: '用 --help 查看全部参数。', en: 'Run with --help to see every option.'},
} satisfies Record<string, Text>;

/**
 * A text with its {placeholders} filled.
 *
 * @example fill({zh: '缺少 {flag}', en: 'Missing {flag}'}, 'en', {flag: '--plan'}) // 'Missing --plan'
 */
export function fill(text: Text, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Language when --lang is absent: the terminal's, as the extension takes the browser's. */
export function terminalLang(env: NodeJS.ProcessEnv): Lang {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh' : 'en';
}

/**
 * The language asked for on a command line that may not parse: the messages about it are in
 * that language already.
 *
 * @example langOf(['--lang', 'zh', '--bogus'], {}) // 'zh'
 * @example langOf(['--lang=en'], {LANG: 'zh_CN.UTF-8'}) // 'en'
 */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  return terminalLang(env);
}

/** A value the command line refuses, with what it should have been. */
export class BadValue extends Error {
  constructor(
    readonly option: string,
    readonly value: string,
    readonly expected: Text,
  ) {
    super(`${option} ${value}`);
  }
}

/** A required option that is absent. */
export class MissingOption extends Error {
  constructor(readonly option: string) {
    super(option);
  }
}

/**
 * A whole number within [min, max], or a BadValue naming the option.
 *
 * @example wholeNumber('--seed', '7', {min: 0}) // 7
 */
export function wholeNumber(option: string, value: string, range: {min?: number; max?: number} = {}): number {
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const number = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(number) && number >= min && number <= max) return number;
  const expected: Text =
    range.min !== undefined && range.max !== undefined
      ? {zh: `应为 ${min} 到 ${max} 之间的整数`, en: `a whole number from ${min} to ${max}`}
      : range.min !== undefined
        ? {zh: `应为不小于 ${min} 的整数`, en: `a whole number of at least ${min}`}
        : {zh: '应为整数', en: 'a whole number'};
  throw new BadValue(option, value, expected);
}

/**
 * One of a list of words, or a BadValue naming them.
 *
 * @example oneOf('--size', '1k', ['small', '1k', '10k']) // '1k'
 */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BadValue(option, value, {zh: `可选：${allowed.join('、')}`, en: `one of ${allowed.join(', ')}`});
}

/** The value of a required string option, or a MissingOption. */
export function required(option: string, value: string | boolean | undefined): string {
  if (typeof value === 'string') return value;
  throw new MissingOption(option);
}

export interface CommandSpec<T> {
  /** The usage, option by option, in both languages: printed by --help and after every refusal. */
  usage: Text;
  /** Options for parseArgs; `help` and `lang` are added to every command. */
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Turns parsed values into the command's options; throws BadValue or MissingOption. */
  read(values: Record<string, string | boolean | undefined>, positionals: string[], lang: Lang): T;
}

export type CommandLine<T> =
  | {kind: 'run'; lang: Lang; options: T}
  /** Nothing to run: print `lines` to stdout (help) or stderr (refusal) and exit with `code`. */
  | {kind: 'exit'; lang: Lang; code: number; stream: 'stdout' | 'stderr'; lines: string[]};

/** The option or argument a parseArgs error names (its message quotes it). */
function quoted(message: string): string {
  const match = /'([^']*)'/.exec(message);
  return match ? match[1].replace(/ <value>$/, '') : '';
}

/** parseArgs' own refusal (English only) in the user's language. */
function parseError(error: Error & {code?: string}, lang: Lang): string {
  const named = quoted(error.message);
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return fill(words.unknownOption, lang, {option: named});
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return fill(words.unexpected, lang, {argument: named});
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return fill(/does not take an argument/.test(error.message) ? words.takesNoValue : words.missingValue, lang, {option: named});
    default:
      return error.message;
  }
}

/**
 * Reads a command line: the options to run with, or what to print and the exit code.
 *
 * @example readCommandLine(spec, ['--help'], {}) // {kind: 'exit', code: 0, stream: 'stdout', lines: [usage]}
 */
export function readCommandLine<T>(spec: CommandSpec<T>, argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine<T> {
  let lang = langOf(argv, env);
  const refuse = (reason: string): CommandLine<T> => ({
    kind: 'exit',
    lang,
    code: EXIT.badCommandLine,
    stream: 'stderr',
    lines: [reason, fill(spec.usage, lang), fill(words.seeUsage, lang)],
  });
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {...spec.options, help: {type: 'boolean', short: 'h'}, lang: {type: 'string'}},
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    return refuse(parseError(error as Error & {code?: string}, lang));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return {kind: 'exit', lang, code: EXIT.ok, stream: 'stdout', lines: [fill(spec.usage, lang)]};
  if (values.lang !== undefined) {
    if (values.lang !== 'zh' && values.lang !== 'en') return refuse(fill(words.badValue, lang, {option: '--lang', value: String(values.lang), expected: words.badLang[lang]}));
    lang = values.lang;
  }
  try {
    return {kind: 'run', lang, options: spec.read(values, parsed.positionals, lang)};
  } catch (error) {
    if (error instanceof BadValue) return refuse(fill(words.badValue, lang, {option: error.option, value: error.value, expected: error.expected[lang]}));
    if (error instanceof MissingOption) return refuse(fill(words.missing, lang, {option: error.option}));
    throw error;
  }
}
