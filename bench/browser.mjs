#!/usr/bin/env node
/**
 * The full-path bench in headless Chromium (`npm run bench`, after the engine-only figure of
 * scripts/bench.ts). jsdom is 3-5x slower than a browser on the simulated base, so the refresh is
 * timed where users run it. Bundles bench/entry.ts with esbuild, opens it per base size in Debian's
 * chromium through playwright-core, and prints one line per figure with its target.
 *
 *   node bench/browser.mjs                 # 1k reps/20k orders, then 10k/200k
 *   node bench/browser.mjs 1k              # one size
 *   node bench/browser.mjs --profile 10k   # also a CPU profile of the first refresh, summarised
 *   node bench/browser.mjs --json          # the raw figures as JSON as well
 *   node bench/browser.mjs --live 10k      # diagnostic: live heap (after gc) after each step
 *   node bench/browser.mjs --scenario ledger 10k  # only the first refresh into an empty results table
 *   node bench/browser.mjs --heap-profile write 10k  # diagnostic: what the heap holds 1.5 s into the write
 *   node bench/browser.mjs --drop-preview 10k  # diagnostic: the refresh without the preview kept on screen
 *
 * Each size runs two scenarios, each in a page of its own: `people` writes the people table's
 * result fields (issue 5); `ledger` creates the period's rows in an empty results table (issue 12).
 *
 * `npm run bench` (scripts/bench.ts) checks its command line and passes sizes and flags on; run
 * directly, this reads its own with node:util parseArgs: --help exits 0, a wrong one exits 2.
 */
import {build} from 'esbuild';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile, mkdir} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {execFileSync} from 'node:child_process';
import {parseArgs} from 'node:util';
import {chromium} from 'playwright-core';
import {CHROMIUM, CHROMIUM_FLAGS} from '../playground/chromium.mjs';
import {serveFolder} from '../playground/serve.mjs';
import {formatFigures, summariseHeap, summariseProfile} from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const FLAGS = [
  ...CHROMIUM_FLAGS,
  // performance.memory in exact bytes, and gc() so "heap of the loaded base" counts live data only.
  '--enable-precise-memory-info',
  // BENCH_JS_FLAGS (diagnostic): more V8 flags, e.g. --trace-gc (seen with DEBUG=pw:browser).
  `--js-flags=--expose-gc${process.env.BENCH_JS_FLAGS ? ` ${process.env.BENCH_JS_FLAGS}` : ''}`,
];
/** Per size: the 10k base takes about a minute and a half on 2 busy cores; leave room. */
const SIZE_LIMIT_MS = 6 * 60_000;

async function bundle(outdir) {
  await build({
    entryPoints: [path.join(here, 'entry.ts')],
    outfile: path.join(outdir, 'main.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100'],
    // production: React and the SDK skip their development checks, as in a released extension.
    define: {'process.env.NODE_ENV': '"production"', global: 'window'},
    alias: {events: 'events/'},
    logLevel: 'warning',
  });
  await writeFile(path.join(outdir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="main.js"></script>\n');
}

function versionOf(command, args) {
  try {
    return execFileSync(command, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Diagnostic (--heap-profile STEP): V8's sampling heap profiler from the page's start; `afterMs`
 * into the first refresh's STEP (read, engine, diff, write), what the heap holds then, by the
 * function that allocated it (garbage not yet collected included: what makes a peak).
 */
async function heapAt(page, cdp, step, afterMs = 1500) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {samplingInterval: 32768});
  for (;;) {
    const now = await page.evaluate(() => window.__benchStep ?? null).catch(() => null);
    if (now === step) break;
    if (await page.evaluate(() => Boolean(window.__bench || window.__benchError))) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  const {profile} = await cdp.send('HeapProfiler.getSamplingProfile');
  await cdp.send('HeapProfiler.stopSampling');
  return {step, afterMs, profile};
}

async function runSize(context, baseUrl, size, scenario, profile, live, outdir, heapStep, dropPreview) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let cpuProfile = null;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', {interval: 500});
    cdp.on('Profiler.consoleProfileFinished', (event) => {
      cpuProfile = event.profile;
    });
  }
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The page builds the base as soon as its script runs: wait for the answer, not for 'load'.
  await page.goto(`${baseUrl}index.html?size=${size}&scenario=${scenario}${profile ? '&profile=1' : ''}${live ? '&live=1' : ''}${dropPreview ? '&dropPreview=1' : ''}`, {waitUntil: 'commit'});
  const heap = heapStep ? await heapAt(page, cdp, heapStep) : null;
  await page.waitForFunction(() => window.__bench || window.__benchError, null, {timeout: SIZE_LIMIT_MS, polling: 500});
  const {result, error} = await page.evaluate(() => ({result: window.__bench ?? null, error: window.__benchError ?? null}));
  await page.close();
  if (error || !result) throw new Error(`bench ${size} ${scenario}: ${error ?? errors.join('\n') ?? 'no result'}`);
  if (profile && cpuProfile) {
    const bundleText = await readFile(path.join(outdir, 'main.js'), 'utf8');
    const file = path.join(repoRoot, 'artifacts', 'bench', `refresh-${size}${scenario === 'people' ? '' : `-${scenario}`}.cpuprofile`);
    await mkdir(path.dirname(file), {recursive: true});
    await writeFile(file, JSON.stringify(cpuProfile));
    result.profile = {file: path.relative(repoRoot, file), ...summariseProfile(cpuProfile, bundleText)};
  }
  if (heap) result.heapProfile = {step: heap.step, afterMs: heap.afterMs, ...summariseHeap(heap.profile, await readFile(path.join(outdir, 'main.js'), 'utf8'))};
  return result;
}

const SIZES = ['small', '1k', '10k'];
/**
 * people: the people table's result fields (issue 5); ledger: a first refresh into an empty
 * results table (issue 12); edited: as people, with one order changed between the preview and
 * the click, so the refresh cannot take the preview's engine run and computes again (issue 11).
 */
const SCENARIOS = ['people', 'ledger', 'edited'];
const USAGE = {
  zh: '用法：node bench/browser.mjs [small|1k|10k ...] [--scenario people|ledger|edited] [--profile] [--json] [--live]（完整说明：npm run bench -- --help）',
  en: 'Usage: node bench/browser.mjs [small|1k|10k ...] [--scenario people|ledger|edited] [--profile] [--json] [--live] (all options: npm run bench -- --help)',
};

/** The sizes and flags, or null after printing the usage (the exit code is then set). */
function readArgs(argv) {
  const lang = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'zh' : 'en';
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {profile: {type: 'boolean'}, json: {type: 'boolean'}, live: {type: 'boolean'}, scenario: {type: 'string', multiple: true}, 'heap-profile': {type: 'string'}, 'drop-preview': {type: 'boolean'}, help: {type: 'boolean', short: 'h'}},
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(error.message);
    console.error(USAGE[lang]);
    process.exitCode = 2;
    return null;
  }
  if (parsed.values.help) {
    console.log(USAGE[lang]);
    process.exitCode = 0;
    return null;
  }
  const unknown = parsed.positionals.find((size) => !SIZES.includes(size));
  if (unknown !== undefined) {
    console.error(lang === 'zh' ? `规模 ${unknown} 无效（可选：${SIZES.join('、')}）` : `Bad size ${unknown} (one of ${SIZES.join(', ')})`);
    console.error(USAGE[lang]);
    process.exitCode = 2;
    return null;
  }
  const badScenario = (parsed.values.scenario ?? []).find((scenario) => !SCENARIOS.includes(scenario));
  if (badScenario !== undefined) {
    console.error(lang === 'zh' ? `场景 ${badScenario} 无效（可选：${SCENARIOS.join('、')}）` : `Bad scenario ${badScenario} (one of ${SCENARIOS.join(', ')})`);
    console.error(USAGE[lang]);
    process.exitCode = 2;
    return null;
  }
  return {...parsed.values, sizes: parsed.positionals};
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  if (!args) return process.exitCode;
  const {profile = false, json = false, live = false, sizes, scenario = [], 'heap-profile': heapStep, 'drop-preview': dropPreview = false} = args;
  const wanted = sizes.length > 0 ? sizes : ['1k', '10k'];
  const scenarios = scenario.length > 0 ? scenario : SCENARIOS;
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium`);

  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ` +
      `node ${process.version}, ${versionOf(CHROMIUM, ['--version']).split(' built')[0]}, load ${os.loadavg()[0].toFixed(2)}`,
  );
  const outdir = await mkdtemp(path.join(os.tmpdir(), 'spb-bench-'));
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'spb-bench-profile-'));
  let server;
  let context;
  try {
    await bundle(outdir);
    ({server} = await serveFolder(outdir, 0));
    const baseUrl = `http://localhost:${server.address().port}/`;
    context = await chromium.launchPersistentContext(profileDir, {executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 30_000});
    for (const size of wanted) {
      for (const which of scenarios) {
        const started = Date.now();
        const result = await runSize(context, baseUrl, size, which, profile, live, outdir, heapStep, dropPreview);
        for (const line of formatFigures(result)) console.log(line);
        console.log(`  (${size} ${which} measured in ${((Date.now() - started) / 1000).toFixed(0)} s, load ${os.loadavg()[0].toFixed(2)})`);
        if (json) console.log(JSON.stringify(result));
      }
    }
    return 0;
  } finally {
    await context?.close().catch(() => undefined);
    server?.close();
    await rm(outdir, {recursive: true, force: true});
    await rm(profileDir, {recursive: true, force: true});
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
