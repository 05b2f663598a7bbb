/**
 * Turns the page's figures into the bench's lines, each against its issue-5 target, and a Chrome
 * CPU profile into self time per source module and per function.
 */

/** Issue 5's targets. */
export const TARGETS = {
  refreshOverFloor: 1.3,
  /** Issue 12: a first refresh into an empty results table, against load + read + its create calls. */
  ledgerOverFloor: 1.1,
  /** Issue 11: the refresh's heap peak against the floor's own peak (loading and reading alone). */
  heapOverFloorPeak: 1.2,
  engineShare: 0.1,
  recordsPerCall: 50,
  callsPerSecond: 15,
  heapOverLoaded: 1.5,
  progressGapMs: 1000,
};

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const n = (value) => value.toLocaleString('en-US');
const pct = (fraction) => `${(fraction * 100).toFixed(1)}%`;

/** "OK" or how far past the target a figure is, in the figure's own unit. */
function verdict(value, target, show) {
  if (value <= target) return `OK (target <= ${show(target)})`;
  return `MISSED by ${show(value - target)} (target <= ${show(target)})`;
}
const exactly = (value, target) => (value === target ? 'OK' : `MISSED: ${value - target > 0 ? '+' : ''}${value - target} calls`);

/** The minimum time Airtable allows for writing `changed` records: ceil(changed/50) calls at 15 a second. */
export function minimumWriteMs(changed) {
  return (Math.ceil(changed / TARGETS.recordsPerCall) / TARGETS.callsPerSecond) * 1000;
}

/** The minimum time for `calls` calls at 15 a second. */
const callsMs = (calls) => (calls / TARGETS.callsPerSecond) * 1000;

export function formatFigures(r) {
  const f = r.refresh;
  const ledger = r.scenario === 'ledger';
  // Each table's creates and updates go in calls of their own: the page counts the fewest calls.
  const minCalls = f.minCalls ?? Math.ceil(f.changedRecords / TARGETS.recordsPerCall);
  const minWrite = callsMs(minCalls);
  const refreshTarget = ledger ? TARGETS.ledgerOverFloor : TARGETS.refreshOverFloor;
  const floorPlusWrite = r.floorMs + minWrite;
  const ratio = f.totalMs / floorPlusWrite;
  const share = f.engineMs / f.totalMs;
  const heapRatio = r.heap.peak / r.heap.loaded;
  const heapOverFloor = r.heap.peak / r.heap.floorPeak;
  const times = (x) => `${x.toFixed(2)}x`;
  const records = Object.entries(r.records).map(([name, count]) => `${name} ${n(count)}`).join(', ');
  const lines = [
    `== ${r.size}${ledger ? ' into an empty results table' : ''}${r.scenario === 'edited' ? ', one order changed after the preview' : ''}: ${n(r.reps)} reps / ${n(r.orders)} orders, ${r.levels}-level tree, ${r.metrics.length} metrics (${r.metrics.join(' ')}), period 2026-03` +
      (ledger ? `; the people table's result fields unmapped` : ''),
    `  base: ${records}; built in ${s(r.buildMs)}${r.planErrors.length ? `; PLAN ERRORS: ${r.planErrors.join(', ')}` : '; plan valid'}`,
    `  floor: load ${r.floor.tables} mapped tables and read ${n(r.floor.cells)} mapped cells of ${n(r.floor.records)} records once: ${s(r.floorMs)} (of which the SDK's loads ${s(r.floor.loadMs)}; the slowest, ${r.floor.slowestLoad?.table ?? '-'}, ${s(r.floor.slowestLoad?.ms ?? 0)})`,
    `  refresh (after a preview of the period, which the extension requires and keeps on screen: ${n(r.previewed)} rows; ${f.reusedRun ? 'the base unchanged since, so its engine run is taken' : 'the engine computes'}): ${s(f.totalMs)} (read ${s(f.readMs)} + engine ${s(f.engineMs)} + diff ${s(f.diffMs)} + write ${s(f.writeMs)}); ` +
      `floor + min write (${minCalls} ${ledger ? 'create ' : ''}calls at 15/s = ${s(minWrite)}) = ${s(floorPlusWrite)}; ratio ${times(ratio)} ${verdict(ratio, refreshTarget, times)}`,
    `  refresh beyond the floor: read ${s(f.readMs - r.floorMs)} over the floor's ${s(r.floorMs)}, write ${s(f.writeMs - minWrite)} over the minimum ${s(minWrite)}`,
    f.reusedRun
      ? `  engine alone on the extracted facts: ${s(r.engineAloneMs)}; in the refresh: not run (the preview's run taken; see the edited scenario)`
      : `  engine alone on the extracted facts: ${s(r.engineAloneMs)}; in the refresh ${s(f.engineMs)} = ${pct(share)} of it ${verdict(share, TARGETS.engineShare, pct)}`,
    `  write calls: ${f.callsSeen} sent for ${n(f.changedRecords)} changed records${f.createdRows ? ` (${n(f.createdRows)} rows created)` : ''} (${n(f.changedCells)} cells) vs ceil(${n(f.changedRecords)}/50) = ${minCalls}: ${exactly(f.callsSeen, minCalls)}; ` +
      `max ${f.maxRecordsPerCall} records a call ${verdict(f.maxRecordsPerCall, TARGETS.recordsPerCall, String)}; ` +
      `max ${f.maxCallsPerSecond} calls in any second ${verdict(f.maxCallsPerSecond, TARGETS.callsPerSecond, String)}` +
      (f.shortest16CallsMs === null ? '' : ` (shortest span of 16 calls: ${f.shortest16CallsMs.toFixed(0)} ms)`) + `${f.failed ? `; FAILED: ${f.failed}` : ''}`,
    `  unchanged refresh (the first refresh's preview on screen${r.second.reusedRun ? ', its engine run taken' : ''}): ${r.second.callsSeen} calls ${exactly(r.second.callsSeen, 0)}, ${n(r.second.changedRecords)} records changed, ${s(r.second.totalMs)} (read ${s(r.second.readMs)} + engine ${s(r.second.engineMs)} + diff ${s(r.second.diffMs)})`,
    ...(r.keptPreview === false ? ['  DIAGNOSTIC (--drop-preview): no preview kept on screen during the refresh, unlike the extension'] : []),
    `  heap: ${mb(r.heap.driver)} with the simulated base built, ${mb(r.heap.loaded)} with the mapped tables loaded (the loaded base), ${mb(r.heap.before)} when the refresh starts; ` +
      `peak during refresh ${mb(r.heap.peak)} = ${times(heapRatio)} the loaded base ${verdict(heapRatio, TARGETS.heapOverLoaded, times)}` +
      // Issue 5's target, kept as it was set; the SDK alone loading and reading the same cells
      // already passes it, so issue 11 measures the refresh against that floor instead (below).
      (heapRatio > TARGETS.heapOverLoaded && r.heap.floorPeak / r.heap.loaded > TARGETS.heapOverLoaded ? ` (the floor alone peaks at ${times(r.heap.floorPeak / r.heap.loaded)})` : '') +
      `; after both refreshes ${mb(r.heap.after)}`,
    ...(r.heap.liveByStep
      ? [`  DIAGNOSTIC (--live: gc after each step, so timings and peaks above are not the bench's): live heap ${Object.entries(r.heap.liveByStep).map(([step, bytes]) => `${step === 'before' ? 'before' : `after ${step}`} ${mb(bytes)}`).join(', ')}`]
      : []),
    `  heap peak of the floor alone (load and read, no conversion): ${mb(r.heap.floorPeak)} = ${times(r.heap.floorPeak / r.heap.loaded)} the loaded base; ` +
      `the refresh's peak ${mb(r.heap.peak)} = ${times(heapOverFloor)} the floor's ` +
      // Issue 11 sets its target for the 10k refresh. Below it, the young generation (~30 MB
      // filled before each scavenge) is most of any peak, so the ratio says little there.
      (r.size === '10k' ? verdict(heapOverFloor, TARGETS.heapOverFloorPeak, times) : `(issue 11's target, <= ${times(TARGETS.heapOverFloorPeak)}, is the 10k refresh's: at this size the young generation, filled to ~30 MB before each scavenge, is most of the peak)`),
    `  heap peak by step: ${Object.entries(r.heap.peakByPhase ?? {}).filter(([phase]) => phase !== 'start').map(([phase, bytes]) => `${phase} ${mb(bytes)}`).join(', ')}`,
    `  responsiveness: longest gap between progress updates ${s(f.longestProgressGapMs)}${f.longestGapAt ? ` (${f.longestGapAt})` : ''} ${verdict(f.longestProgressGapMs, TARGETS.progressGapMs, s)}; longest main-thread block ${s(r.heap.longestBlockMs)}`,
  ];
  if (f.readIssues + f.engineIssues + f.writeIssues > 0) {
    lines.push(`  issues reported: read ${f.readIssues}, engine ${f.engineIssues}, write ${f.writeIssues}`);
  }
  if (r.heapProfile) {
    const h = r.heapProfile;
    lines.push(`  DIAGNOSTIC heap held ${s(h.afterMs)} into the first refresh's ${h.step} (sampled, garbage not yet collected included): ${mb(h.totalBytes)}, by allocating module:`);
    for (const row of h.byModule) lines.push(`    ${mb(row.bytes).padStart(7)}  ${pct(row.bytes / h.totalBytes).padStart(6)}  ${row.name}`);
    lines.push('  by allocating function:');
    for (const row of h.byFunction) lines.push(`    ${mb(row.bytes).padStart(7)}  ${pct(row.bytes / h.totalBytes).padStart(6)}  ${row.name}`);
  }
  if (r.profile) {
    lines.push(`  profile of the first refresh (${r.profile.file}, ${s(r.profile.totalMs)} sampled), self time by module:`);
    for (const row of r.profile.byModule) lines.push(`    ${s(row.ms).padStart(9)}  ${pct(row.ms / r.profile.totalMs).padStart(6)}  ${row.name}`);
    lines.push('  self time by function:');
    for (const row of r.profile.byFunction) lines.push(`    ${s(row.ms).padStart(9)}  ${pct(row.ms / r.profile.totalMs).padStart(6)}  ${row.name}`);
  }
  return lines;
}

/**
 * esbuild's unminified bundle announces each module with a `// path/to/file.ts` line: a line
 * number of the bundle maps to the module that starts last before it.
 */
function moduleStarts(bundleText) {
  const starts = [];
  bundleText.split('\n').forEach((line, index) => {
    const match = /^\s*\/\/ (\S+\.(?:ts|tsx|js|mjs|cjs))$/.exec(line);
    if (match) starts.push({line: index, name: match[1].replace(/^node_modules\//, 'npm:')});
  });
  return starts;
}

function moduleAt(starts, line) {
  let lo = 0;
  let hi = starts.length - 1;
  let found = '(bundle prelude)';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid].line <= line) {
      found = starts[mid].name;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** npm modules grouped by package, so the SDK's many files read as one line. */
function packageOf(name) {
  const match = /^npm:((?:@[^/]+\/)?[^/]+)/.exec(name);
  return match ? `npm:${match[1]}` : name;
}

/** Self time of a Chrome CPU profile per module and per function, the top `limit` of each. */
export function summariseProfile(profile, bundleText, limit = 15) {
  const starts = moduleStarts(bundleText);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byModule = new Map();
  const byFunction = new Map();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)?.callFrame ?? {functionName: '?', url: '', lineNumber: -1};
    totalMs += ms;
    const inBundle = frame.url.endsWith('main.js');
    const module = inBundle ? packageOf(moduleAt(starts, frame.lineNumber)) : frame.url ? frame.url : `(${frame.functionName || 'native'})`;
    const fn = `${frame.functionName || '(anonymous)'} ${inBundle ? moduleAt(starts, frame.lineNumber) : ''}`.trim();
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => ({name, ms}));
  return {totalMs, byModule: top(byModule), byFunction: top(byFunction)};
}

/** A sampling heap profile's bytes per allocating module and function (the frame that allocated), the top `limit` of each. */
export function summariseHeap(profile, bundleText, limit = 20) {
  const starts = moduleStarts(bundleText);
  const byModule = new Map();
  const byFunction = new Map();
  let totalBytes = 0;
  const visit = (node) => {
    if (node.selfSize > 0) {
      const frame = node.callFrame;
      const inBundle = frame.url.endsWith('main.js');
      const module = inBundle ? packageOf(moduleAt(starts, frame.lineNumber)) : frame.url || `(${frame.functionName || 'native'})`;
      const fn = `${frame.functionName || '(anonymous)'} ${inBundle ? moduleAt(starts, frame.lineNumber) : ''}`.trim();
      byModule.set(module, (byModule.get(module) ?? 0) + node.selfSize);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + node.selfSize);
      totalBytes += node.selfSize;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(profile.head);
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, bytes]) => ({name, bytes}));
  return {totalBytes, byModule: top(byModule), byFunction: top(byFunction)};
}
