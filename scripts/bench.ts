/**
 * `npm run bench`: first the engine alone in Node (10,000 participants in a 6-level tree, 200,000
 * orders, 5 metrics; engine time, best of 3, next to one plain loop summing amounts per
 * participant over the same facts: the floor any engine must pay to look at every record once),
 * then the full refresh in headless Chromium (bench/browser.mjs, given the sizes and flags).
 *
 *   npm run bench -- [small|1k|10k ...] [--scenario people|ledger|edited] [--profile] [--json] [--live] [--engine-only] [--lang zh|en]
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {cpus, loadavg} from 'node:os';
import type {Facts, ParticipantFact, SourceRecordFact} from '../src/facts';
import type {Text} from '../src/plan';
import {runPlan} from '../src/engine';
import {DEMO_SIZES, type DemoSize} from '../sim/demoBase';
import {F, makePlan, newCustomersMetric, salesMetric, satisfactionMetric} from '../test/support/planFixtures';
import {oneOf, readCommandLine, type CommandSpec} from './commandLine';

const benchUsage: Text = {
  zh: [
    '用法：npm run bench -- [small|1k|10k ...] [--scenario people|ledger|edited] [--profile] [--json] [--live] [--engine-only] [--lang zh|en]',
    '  small|1k|10k   浏览器中测量的基地规模（默认 1k 和 10k）',
    '  --scenario     people：写人员表的结果字段；ledger：第一次刷新写入空的绩效结果表；edited：同 people，但预览之后改了一笔订单，刷新须重新计算（默认三者都测）',
    '  --profile      同时记录第一次刷新的 CPU 性能剖析并给出摘要',
    '  --json         同时输出原始数据（JSON）',
    '  --live         诊断：每一步之后的存活堆（gc 之后）',
    '  --engine-only  只测 Node 中的计算引擎，不启动浏览器',
    '  --lang         消息语言：zh 或 en（默认：终端的 LANG）',
    '  --help         显示本说明',
    '退出码：0 完成；1 测量失败；2 命令行有误。',
  ].join('\n'),
  en: [
    'Usage: npm run bench -- [small|1k|10k ...] [--scenario people|ledger|edited] [--profile] [--json] [--live] [--engine-only] [--lang zh|en]',
    '  small|1k|10k   base sizes to measure in the browser (default: 1k, then 10k)',
    '  --scenario     people: the people table\'s result fields; ledger: a first refresh into an empty results table; edited: as people, with one order changed after the preview, so the refresh computes again (default: all three)',
    '  --profile      also a CPU profile of the first refresh, summarised',
    '  --json         the raw figures as JSON as well',
    '  --live         diagnostic: live heap (after gc) after each step',
    '  --engine-only  only the engine in Node; no browser',
    "  --lang         language of the messages: zh or en (default: the terminal's LANG)",
    '  --help         show this help',
    'Exit codes: 0 done; 1 a measurement failed; 2 bad command line.',
  ].join('\n'),
};

export type Scenario = 'people' | 'ledger' | 'edited';

export interface BenchOptions {
  sizes: DemoSize[];
  scenarios: Scenario[];
  profile: boolean;
  json: boolean;
  live: boolean;
  engineOnly: boolean;
}

export const benchCommand: CommandSpec<BenchOptions> = {
  usage: benchUsage,
  options: {profile: {type: 'boolean'}, json: {type: 'boolean'}, live: {type: 'boolean'}, 'engine-only': {type: 'boolean'}, scenario: {type: 'string', multiple: true}},
  allowPositionals: true,
  read: (values, positionals) => ({
    sizes: positionals.map((size) => oneOf<DemoSize>('size', size, Object.keys(DEMO_SIZES) as DemoSize[])),
    scenarios: ((values.scenario as string[] | undefined) ?? []).map((scenario) => oneOf<Scenario>('--scenario', scenario, ['people', 'ledger', 'edited'])),
    profile: values.profile === true,
    json: values.json === true,
    live: values.live === true,
    engineOnly: values['engine-only'] === true,
  }),
};

const PARTICIPANTS = 10_000;
const ORDERS = 200_000;
const LEVELS = 6;

/** Deterministic pseudo-random numbers (mulberry32), so every run times the same facts. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bench's facts; smaller sizes give the same shape for tests (the tree is then shallower). */
export function buildFacts(size: {participants: number; orders: number} = {participants: PARTICIPANTS, orders: ORDERS}): Facts {
  const rnd = random(42);
  const participants: ParticipantFact[] = [];
  // Level sizes grow geometrically so the tree is 6 levels deep.
  const perLevel = [10, 60, 300, 1200, 3000];
  const byLevel: string[][] = Array.from({length: LEVELS}, () => []);
  for (let i = 0; i < size.participants; i++) {
    const depth = perLevel.findIndex((_, k) => i < perLevel.slice(0, k + 1).reduce((a, b) => a + b, 0));
    const levelIndex = depth === -1 ? LEVELS - 1 : depth;
    byLevel[levelIndex].push(`rec${i}`);
    const above = byLevel[levelIndex - 1] ?? [];
    const uplineId = levelIndex === 0 ? null : above[Math.floor(rnd() * above.length)];
    participants.push({
      id: `rec${i}`,
      name: `销售${i}`,
      uplineId,
      team: `团队${i % 40}`,
      tier: rnd() < 0.3 ? '新人' : '资深',
      baseSalary: 3000,
      performancePayBase: 2000,
      fields: {level: levelIndex, [F.skill.id]: 1 + Math.floor(rnd() * 5)},
    });
  }
  const orders: SourceRecordFact[] = [];
  for (let i = 0; i < size.orders; i++) {
    const amount = Math.round(rnd() * 1_000_000) / 100 - (rnd() < 0.03 ? 5000 : 0);
    orders.push({
      id: `ord${i}`,
      participantIds: [`rec${Math.floor(rnd() * size.participants)}`],
      date: `2026-03-${String(1 + Math.floor(rnd() * 31)).padStart(2, '0')}`,
      values: {[F.amount.id]: amount, [F.received.id]: rnd() < 0.1 ? amount * 0.9 : amount},
    });
  }
  const reviews: SourceRecordFact[] = [];
  const customers: SourceRecordFact[] = [];
  for (let i = 0; i < size.participants * 2; i++) {
    const rep = `rec${Math.floor(rnd() * size.participants)}`;
    reviews.push({id: `rev${i}`, participantIds: [rep], date: '2026-03-15', values: {[F.rating.id]: 1 + Math.floor(rnd() * 5)}});
    customers.push({id: `cus${i}`, participantIds: [rep], date: '2026-03-20', values: {}});
  }
  return {participants, sources: {orders, reviews, customers}};
}

export function buildPlan() {
  const metrics = [
    salesMetric(),
    satisfactionMetric(),
    newCustomersMetric(),
    salesMetric({id: 'received', label: {zh: '实际到账', en: 'Received'}, weight: '0', source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: F.received}}),
    salesMetric({id: 'teamSales', label: {zh: '团队销售额', en: 'Team sales'}, weight: '0', scope: {kind: 'team', depth: 2}, target: {kind: 'fixed', value: '200000'}}),
  ];
  return makePlan({
    metrics,
    incentives: {
      performancePay: {enabled: true},
      bonuses: [{id: 'salesBonus', label: {zh: '销售奖金', en: 'Sales bonus'}, metricId: 'sales', tierMode: 'marginal', tiers: [{fromAttainment: '0', rate: '0.02'}, {fromAttainment: '100', rate: '0.03'}], gate: {minScore: '60'}, cap: '5000'}],
      teamBonus: {enabled: true, metricId: 'sales', levels: ['0.03', '0.01']},
      championAward: {enabled: true, metricId: 'sales', pool: '10000', leaderShare: '0.3', split: 'proRata'},
      honours: [{id: 'top', title: {zh: '销售冠军', en: 'Sales champion'}, by: {metricId: 'sales'}, direction: 'highest', count: 3}],
    },
  });
}

function plainLoop(facts: Facts): number {
  const sums = new Map<string, number>();
  for (const record of facts.sources.orders) {
    const who = record.participantIds[0];
    const amount = record.values[F.amount.id];
    if (typeof amount === 'number') sums.set(who, (sums.get(who) ?? 0) + amount);
  }
  return sums.size;
}

function bestOf(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function engineBench(): void {
  const facts = buildFacts();
  const plan = buildPlan();
  const records = Object.values(facts.sources).reduce((n, list) => n + list.length, 0);
  let issues = 0;
  const engineMs = bestOf(3, () => {
    issues = runPlan(plan, '2026-03', facts).issues.length;
  });
  const loopMs = bestOf(3, () => plainLoop(facts));
  console.log(`participants: ${facts.participants.length}`);
  console.log(`source records: ${records} (orders: ${facts.sources.orders.length})`);
  console.log(`metrics: ${plan.versions[0].metrics.length}`);
  console.log(`issues reported: ${issues}`);
  console.log(`engine runPlan (best of 3): ${engineMs.toFixed(0)} ms`);
  console.log(`plain loop summing order amounts (best of 3): ${loopMs.toFixed(1)} ms`);
  console.log(`ratio engine / plain loop: ${(engineMs / loopMs).toFixed(1)}x`);
  // Shared CI machines run other jobs: the load tells how far wall times are inflated.
  console.log(`load average (1 min) while measuring: ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`);
}

function main(argv: readonly string[]): number {
  const line = readCommandLine(benchCommand, argv, process.env);
  if (line.kind === 'exit') {
    for (const text of line.lines) (line.stream === 'stdout' ? console.log : console.error)(text);
    return line.code;
  }
  const options = line.options;
  engineBench();
  if (options.engineOnly) return 0;
  const flags = [
    ...options.sizes,
    ...options.scenarios.flatMap((scenario) => ['--scenario', scenario]),
    ...(['profile', 'json', 'live'] as const).filter((flag) => options[flag]).map((flag) => `--${flag}`),
  ];
  const browser = spawnSync(process.execPath, [path.join(__dirname, '..', 'bench', 'browser.mjs'), ...flags], {stdio: 'inherit'});
  return browser.status ?? 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
