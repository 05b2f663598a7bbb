/**
 * Writes a demo base as fixture JSON, for the headless run, the bench or a bug report:
 *
 *   tsx scripts/demo-base.ts --size 1k --out base.json [--messy] [--seed 7] [--levels 6]
 *
 * Without --out the JSON goes to stdout.
 */
import {writeFileSync} from 'node:fs';
import {DEMO_SIZES, demoBase, type DemoSize} from '../sim/demoBase';

function argValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(args: string[]): number {
  const size = argValue(args, '--size') ?? 'small';
  if (!(size in DEMO_SIZES)) {
    process.stderr.write(`--size must be one of ${Object.keys(DEMO_SIZES).join(', ')} (got ${size})\n`);
    return 2;
  }
  const numberArg = (name: string): number | undefined => {
    const value = argValue(args, name);
    return value === undefined ? undefined : Number(value);
  };
  const fixture = demoBase({
    size: size as DemoSize,
    seed: numberArg('--seed'),
    months: numberArg('--months'),
    levels: numberArg('--levels'),
    messy: args.includes('--messy'),
  });
  const json = JSON.stringify(fixture);
  const out = argValue(args, '--out');
  if (out) {
    writeFileSync(out, json);
    const counts = fixture.base.tables.map((t) => `${t.name} ${t.records.length}`).join(', ');
    process.stderr.write(`${out}: ${counts}\n`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
