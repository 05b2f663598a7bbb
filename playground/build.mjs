/**
 * Bundles the playground page (playground/main.tsx) for the browser with esbuild.
 * Shared by `npm start` (scripts/playground.mjs) and the browser tests (scripts/e2e.mjs), so that
 * the tests drive exactly the page a newcomer opens.
 */
import {build} from 'esbuild';
import {existsSync} from 'node:fs';
import {copyFile, mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');

/**
 * `playground:extension-app` is the extension's root, frontend/App.tsx; until that file exists a
 * placeholder stands in so that the page and its tests can be built first.
 */
const extensionApp = {
  name: 'extension-app',
  setup(builder) {
    builder.onResolve({filter: /^playground:extension-app$/}, () => {
      const app = path.join(repoRoot, 'frontend', 'App.tsx');
      return {path: existsSync(app) ? app : path.join(here, 'AppPlaceholder.tsx')};
    });
  },
};

/**
 * Writes index.html and main.js into `outdir`; resolves to the output directory.
 * The SDK reads process.env.NODE_ENV at run time and needs Node's `events` module, which the
 * `events` npm package provides in the browser.
 */
export async function buildPlayground(outdir = path.join(repoRoot, '.playground'), extraPlugins = []) {
  await mkdir(outdir, {recursive: true});
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
    plugins: [...extraPlugins, extensionApp],
  });
  await copyFile(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
  return outdir;
}
