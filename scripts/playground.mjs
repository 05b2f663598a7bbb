#!/usr/bin/env node
/**
 * `npm start`: builds the playground (the real extension over a simulated demo base, beside an
 * Airtable-like grid) and serves it on localhost, port 8080 or the next free one.
 * `PORT=9000 npm start` asks for another port.
 */
import {buildPlayground} from '../playground/build.mjs';
import {serveFolder} from '../playground/serve.mjs';

const started = Date.now();
const outdir = await buildPlayground();
const {url} = await serveFolder(outdir, Number(process.env.PORT ?? 8080));
console.log(`Playground built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`Open ${url}  (演示基地 / demo base; ?lang=en or ?lang=zh, ?size=small|1k|10k). Ctrl+C stops.`);
