/**
 * Bundles the playground page (playground/main.tsx) for the browser with esbuild.
 * Shared by `npm start` (scripts/playground.mjs) and the browser tests (scripts/e2e.mjs), so that
 * the tests drive exactly the page a newcomer opens.
 */
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {copyFile, mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');

/**
 * Writes index.html and main.js into `outdir`; resolves to the output directory.
 * The SDK reads process.env.NODE_ENV at run time and needs Node's `events` module, which the
 * `events` npm package provides in the browser.
 */
export async function buildPlayground(outdir = path.join(repoRoot, '.playground')) {
  await mkdir(outdir, {recursive: true});
  // The settings' Automate section imports the automation engine bundle, built from the sources
  // (never committed): build it first so the page carries the engine of these sources.
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(repoRoot, 'scripts', 'buildAutomation.ts')], {cwd: repoRoot, stdio: 'inherit'});
  await build({
    entryPoints: [path.join(here, 'main.tsx')],
    outfile: path.join(outdir, 'main.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100'],
    jsx: 'automatic',
    sourcemap: 'linked',
    define: {'process.env.NODE_ENV': '"development"', global: 'window'},
    alias: {events: 'events/'},
    logLevel: 'warning',
  });
  await copyFile(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
  return outdir;
}
