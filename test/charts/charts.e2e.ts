/**
 * Browser check of the charts (issue 14: "each chart drawn: the canvas is not blank, its pixels
 * vary"), part of `npm run test:e2e`. ChartsPanel is bundled on a standalone page (esbuild, as the
 * playground is built) that computes runs of the template plan on the demo base, served on
 * localhost, and opened in Debian's Chromium at the panel's width, in zh and in en. Each canvas
 * must be drawn with many colours over a good part of its area and as wide as the panel; the page
 * must not scroll sideways nor log an error. Screenshots go to artifacts/charts/.
 *
 * The pixels are read until they pass or a deadline passes, not after a fixed number of frames:
 * chart.js sizes each canvas to its box (a ResizeObserver) before it draws, and a loaded machine
 * may take a few frames more.
 */
import {createServer, type Server} from 'node:http';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {build} from 'esbuild';
import type {Page} from 'playwright-core';
import type {Lang} from '../../src/plan';
import type {E2eTest} from '../e2e/harness';

// From the working directory, as the e2e harness does: imported from scripts/e2e.mjs (an ES
// module) this file has no usable __dirname.
const ROOT = process.cwd();
const PAGE_ENTRY = path.join(ROOT, 'test', 'charts', 'page.tsx');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'charts');
/** The charts ChartsPanel draws for a run with results and a trend. */
export const EXPECTED_CANVASES = 5;
/** How long the pixels may take to pass, after the panel is rendered. */
const DRAW_DEADLINE_MS = 15_000;

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [PAGE_ENTRY],
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

const HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body{margin:0;padding:12px;background:#fff;font:13px/1.4 -apple-system,system-ui,"Segoe UI","PingFang SC","WenQuanYi Micro Hei",sans-serif}</style>
</head><body><div id="root"></div><script src="main.js"></script></body></html>`;

function serve(files: Record<string, {type: string; body: string}>): Promise<Server> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    const file = files[name];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, {'content-type': file.type}).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let served: Promise<{server: Server; url: string}> | null = null;

/** The check page, bundled and served once for all the charts' tests. */
function chartsPage(): Promise<{server: Server; url: string}> {
  served ??= bundle().then(async (script) => {
    const server = await serve({
      'index.html': {type: 'text/html; charset=utf-8', body: HTML},
      'main.js': {type: 'text/javascript; charset=utf-8', body: script},
    });
    // The e2e runner ends the process when its tests are done; the server must not hold it open.
    server.unref();
    const address = server.address();
    return {server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`};
  });
  return served;
}

/** Stops the check page's server (the tests' runner calls it when they are over). */
export async function closeChartsPage(): Promise<void> {
  if (!served) return;
  // A page that failed to build has no server; its tests already failed with the reason.
  const page = await served.catch(() => null);
  page?.server.close();
  served = null;
}

export interface CanvasPixels {
  label: string;
  width: number;
  height: number;
  /** Share of pixels that are not blank (not transparent, not white). */
  inked: number;
  /** Distinct colours, each channel reduced to 4 bits. */
  colours: number;
}

/** A canvas counts as drawn: many colours, a good part of it inked, about as wide as the panel. */
export function drawn(canvas: CanvasPixels, panelWidth: number): boolean {
  const wide = canvas.width >= panelWidth - 60 && canvas.width <= panelWidth * 2;
  return canvas.colours >= 8 && canvas.inked > 0.03 && wide;
}

async function readCanvases(page: Page): Promise<CanvasPixels[]> {
  return page.evaluate(() =>
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
}

function chartsDrawn(lang: Lang, panelWidth: number): E2eTest {
  return {
    name: `charts ${lang} ${panelWidth} px: each chart's canvas drawn, no sideways scroll`,
    timeoutMs: 120_000,
    run: async ({page}) => {
      const {url} = await chartsPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
      await page.setViewportSize({width: panelWidth, height: 900});
      await page.goto(`${url}?lang=${lang}`);
      await page.waitForSelector('#root[data-charts-ready], #root[data-charts-error]', {timeout: 60_000});
      const failedToCompute = await page.locator('#root').getAttribute('data-charts-error');
      if (failedToCompute !== null) throw new Error(`the page could not compute the runs: ${failedToCompute}`);

      let canvases: CanvasPixels[] = [];
      const deadline = Date.now() + DRAW_DEADLINE_MS;
      for (;;) {
        canvases = await readCanvases(page);
        const done = canvases.length === EXPECTED_CANVASES && canvases.every((canvas) => drawn(canvas, panelWidth));
        if (done || Date.now() > deadline) break;
        await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      }
      const lines = canvases.map(
        (canvas) =>
          `${drawn(canvas, panelWidth) ? '✓' : '✗'} "${canvas.label.split(/[:：]/)[0]}" ${canvas.width}x${canvas.height}px, ${canvas.colours} colours, ${(canvas.inked * 100).toFixed(1)}% inked`,
      );
      console.log(lines.map((line) => `      ${line}`).join('\n'));

      await mkdir(ARTIFACTS, {recursive: true});
      await page.screenshot({path: path.join(ARTIFACTS, `charts-${lang}-${panelWidth}.png`), fullPage: true});
      // Each chart on its own too, to look at closely.
      const charts = page.locator('section:has(> div > canvas)');
      for (let i = 0; i < (await charts.count()); i++) {
        await charts.nth(i).screenshot({path: path.join(ARTIFACTS, `charts-${lang}-${panelWidth}-${i + 1}.png`)});
      }

      const problems: string[] = [];
      if (canvases.length !== EXPECTED_CANVASES) problems.push(`${canvases.length} charts drawn, expected ${EXPECTED_CANVASES}`);
      problems.push(...lines.filter((line) => line.startsWith('✗')).map((line) => `not drawn: ${line.slice(2)}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
      if (consoleErrors.length > 0) problems.push(`console errors: ${consoleErrors.join(' | ')}`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
}

/** The charts' browser tests: zh and en at each panel width (480 px, the panel's usual width). */
export function chartsE2eTests(panelWidths: readonly number[] = [480]): E2eTest[] {
  return panelWidths.flatMap((width) => (['zh', 'en'] as const).map((lang) => chartsDrawn(lang, width)));
}
