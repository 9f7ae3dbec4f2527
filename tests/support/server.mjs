// A static server that behaves like GitHub Pages for a project site: files are served under a
// sub-path (e.g. /interview-prep/), unknown paths under it get 404.html with status 404, and
// anything outside the sub-path is a 404 that is recorded, so tests can prove the app never
// requests the site root.
//
//   node tests/support/server.mjs --dir dist --base /interview-prep/ --port 8080
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server; resolves to { url, outsideRequests, close }. Port 0 picks a free port.
 * `gzip: true` compresses responses as GitHub Pages does; `rewriteHtml(text)` changes every HTML
 * file served (for measurements that compare a page with and without part of it).
 */
export async function startServer({ dir, base = '/interview-prep/', port = 0, host = '127.0.0.1', gzip = false, rewriteHtml = null }) {
  const root = resolve(dir);
  const outsideRequests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!path.startsWith(base)) {
      outsideRequests.push(path);
      response.writeHead(404, { 'content-type': 'text/plain' }).end('outside the site');
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      // GitHub Pages answers /card/x with card/x.html when there is no file card/x.
      if (!extname(file) && !(await exists(file))) file = `${file}.html`;
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (rewriteHtml && extname(file) === '.html') body = Buffer.from(rewriteHtml(body.toString('utf8')));
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 6 });
        headers['content-encoding'] = 'gzip';
      }
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      try {
        const fallback = await readFile(join(root, '404.html'));
        response.writeHead(404, { 'content-type': TYPES['.html'] }).end(fallback);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    }
  });
  await new Promise((done) => server.listen(port, host, done));
  const url = `http://${host}:${server.address().port}${base}`;
  return { url, outsideRequests, close: () => new Promise((done) => server.close(done)) };
}

async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await startServer({
    dir: arg('dir', 'dist'),
    base: arg('base', '/interview-prep/'),
    port: Number(arg('port', 8080)),
    host: arg('host', '127.0.0.1'),
  });
  console.log(`Serving the app at ${url}  (Ctrl+C to stop)`);
}
