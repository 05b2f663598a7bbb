/**
 * A script (`npm run score`, `demo`, `bench`) as a user runs it: a child process over files on
 * disk, with a neutral LANG (each test picks its language with --lang), its exit code and both
 * streams.
 */
import {execFile} from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Exit {
  /** -1 when the process did not exit by itself (killed, timed out): never mistaken for a refusal's 1. */
  code: number;
  stdout: string;
  stderr: string;
}

/** @example const {code, stderr} = await spawnScript('scripts/bench.ts', ['--bogus']); // code 2 */
export function spawnScript(script: string, args: readonly string[]): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(TSX, [script, ...args], {cwd: ROOT, timeout: 90_000, env: {...process.env, LANG: 'C'}}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr});
    });
  });
}

/** @example const {code, stdout} = await runScore(['--base', 'demo', '--plan', 'plan.json', '--period', '2026-02', '--json']); */
export const runScore = (args: readonly string[]): Promise<Exit> => spawnScript('scripts/score.ts', args);
