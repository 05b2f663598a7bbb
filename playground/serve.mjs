/**
 * A static file server for the built playground, on localhost only. It takes the preferred port or,
 * when that one is busy (a second playground, another dev server), the next free one.
 */
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

function handler(root) {
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    // Refuse anything outside the served folder (`/../package.json`).
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
      response.end(body);
    } catch {
      response.writeHead(404, {'content-type': 'text/plain'}).end('not found');
    }
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Serves `root` on 127.0.0.1. `port` 0 asks the system for any free port (tests); otherwise the
 * next free one from `port` upwards is taken. Resolves to {server, port, url}.
 */
export async function serveFolder(root, port = 8080, attempts = 20) {
  const server = createServer(handler(root));
  for (let tried = 0; ; tried++) {
    const candidate = port === 0 ? 0 : port + tried;
    try {
      const bound = await listen(server, candidate);
      return {server, port: bound, url: `http://localhost:${bound}/`};
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || tried + 1 >= attempts) throw error;
    }
  }
}
