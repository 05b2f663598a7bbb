/**
 * Browser check of the charts (issue 14: "each chart drawn: the canvas is not blank, its pixels
 * vary"). Computes a run of the template plan on the demo base with the engine, bundles
 * ChartsPanel on a standalone page (esbuild, as the playground is built), serves it on localhost
 * and opens it in Debian's Chromium at 480 px, in zh and in en. Each canvas must be drawn with
 * many colours over a good part of its area; screenshots go to artifacts/charts/.
 *
 *   npx tsx test/charts/browser.check.ts [--widths=400,480,600]
 *
 * Prints one line per check and `charts: N passed, M failed`; exits non-zero on a failure.
 */
import '../../sim/nodeWindow';
import {createServer, type Server} from 'node:http';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {build} from 'esbuild';
import {launchBrowser} from '../e2e/harness';
import {trendRow} from '../../src/charts';
import type {Lang} from '../../src/plan';
import {demoRuns} from './demoRun';
import type {ChartsPageData} from './page';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'charts');
/** Panel widths to check: 480 px by default, the panel's usual width; --widths=400,600 for others. */
const PANEL_WIDTHS = (process.argv.find((arg) => arg.startsWith('--widths='))?.slice('--widths='.length) ?? '480')
  .split(',')
  .map(Number)
  .filter((width) => width >= 200);
/** The charts ChartsPanel draws for a run with results and a trend. */
const EXPECTED_CANVASES = 5;

async function pageData(): Promise<ChartsPageData> {
  const periods = ['2026-01', '2026-02', '2026-03'];
  const {plan, runs, teams} = await demoRuns(periods);
  const run = runs[runs.length - 1];
  const person = run.results[0];
  const rows = runs.flatMap((r, i) => {
    const result = r.results.find((x) => x.participantId === person.participantId);
    const period = plan.periods.find((p) => p.id === periods[i]);
    return result ? [trendRow(periods[i], period?.label || periods[i], result)] : [];
  });
  return {plan: {versions: plan.versions, currency: plan.currency}, run, teams: [...teams], trend: {name: person.name, rows}};
}

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(__dirname, 'page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100'],
    jsx: 'automatic',
    define: {'process.env.NODE_ENV': '"production"', global: 'window'},
    alias: {events: 'events/'},
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

function html(data: ChartsPageData): string {
  // `<` escaped so that no name in the data can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body{margin:0;padding:12px;background:#fff;font:13px/1.4 -apple-system,system-ui,"Segoe UI","PingFang SC","WenQuanYi Micro Hei",sans-serif}</style>
</head><body><div id="root"></div><script>window.chartsData=${json};</script><script src="main.js"></script></body></html>`;
}

function serve(files: Record<string, {type: string; body: string}>): Promise<Server> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    const file = files[name];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, {'content-type': file.type}).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface CanvasPixels {
  label: string;
  width: number;
  height: number;
  /** Share of pixels that are not blank (not transparent, not white). */
  inked: number;
  /** Distinct colours, each channel reduced to 4 bits. */
  colours: number;
}

async function main(): Promise<number> {
  const [data, script] = await Promise.all([pageData(), bundle()]);
  const server = await serve({
    'index.html': {type: 'text/html; charset=utf-8', body: html(data)},
    'main.js': {type: 'text/javascript; charset=utf-8', body: script},
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  await mkdir(ARTIFACTS, {recursive: true});
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  const check = (ok: boolean, what: string) => {
    if (ok) passed++;
    else failed++;
    console.log(`  ${ok ? '✓' : '✗'} ${what}`);
  };
  try {
    for (const [lang, PANEL_WIDTH] of PANEL_WIDTHS.flatMap((width) => (['zh', 'en'] as Lang[]).map((l) => [l, width] as const))) {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      await page.setViewportSize({width: PANEL_WIDTH, height: 900});
      await page.goto(`${url}?lang=${lang}`);
      await page.waitForFunction((n) => document.querySelectorAll('canvas').length >= n, EXPECTED_CANVASES, {timeout: 20_000});
      // Two frames: chart.js draws on the frame after it sizes the canvas to its box.
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      const canvases: CanvasPixels[] = await page.evaluate(() =>
        [...document.querySelectorAll('canvas')].map((canvas) => {
          const context = canvas.getContext('2d')!;
          const {data: pixels} = context.getImageData(0, 0, canvas.width, canvas.height);
          const colours = new Set<number>();
          let inked = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
            if (a > 0 && !(r > 250 && g > 250 && b > 250)) inked++;
            colours.add(((r >> 4) << 12) | ((g >> 4) << 8) | ((b >> 4) << 4) | (a >> 4));
          }
          return {label: canvas.getAttribute('aria-label') ?? '', width: canvas.width, height: canvas.height, inked: inked / (pixels.length / 4), colours: colours.size};
        }),
      );
      check(canvases.length === EXPECTED_CANVASES, `${lang} ${PANEL_WIDTH}: ${canvases.length} charts drawn (expected ${EXPECTED_CANVASES})`);
      for (const canvas of canvases) {
        const name = canvas.label.split(/[:：]/)[0];
        const wide = canvas.width >= (PANEL_WIDTH - 60) && canvas.width <= PANEL_WIDTH * 2;
        check(
          canvas.colours >= 8 && canvas.inked > 0.03 && wide,
          `${lang} ${PANEL_WIDTH}: "${name}" ${canvas.width}x${canvas.height}px, ${canvas.colours} colours, ${(canvas.inked * 100).toFixed(1)}% inked`,
        );
      }
      // The panel fits the 480 px panel: nothing scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `${lang} ${PANEL_WIDTH}: no sideways scroll (overflow ${overflow} px)`);
      check(errors.length === 0, `${lang} ${PANEL_WIDTH}: no page errors${errors.length ? `: ${errors.join(' | ')}` : ''}`);
      const file = path.join(ARTIFACTS, `charts-${lang}-${PANEL_WIDTH}.png`);
      await page.screenshot({path: file, fullPage: true});
      console.log(`    screenshot: ${path.relative(ROOT, file)}`);
      // Each chart on its own too, to look at closely.
      const charts = page.locator('section:has(> div > canvas)');
      for (let i = 0; i < (await charts.count()); i++) {
        await charts.nth(i).screenshot({path: path.join(ARTIFACTS, `charts-${lang}-${PANEL_WIDTH}-${i + 1}.png`)});
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`charts: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`charts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('charts: 0 passed, 1 failed');
    process.exit(1);
  },
);
