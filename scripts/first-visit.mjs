// The files a browser downloads to show the app's first page: index.html and everything it
// loads from under the site's base (the JS glue, the wasm, the stylesheet, the icons), each with
// its raw, gzip (GitHub Pages serves gzip) and brotli size. Shared by scripts/size-report.mjs and
// the size check in tests/e2e/size.test.mjs, so both count the same bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** `[{ name, raw, gzip, brotli }]` for index.html and the files it references, and their total. */
export function firstVisit(dir, base) {
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const names = ['index.html'];
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of index.matchAll(new RegExp(`["']${escaped}([^"'?#]+)["']`, 'g'))) {
    // Files the page loads; the page's links to other pages (card/x, study) are not downloaded.
    if (!/\.(js|wasm|css|svg|png|webmanifest)$/.test(match[1])) continue;
    if (!names.includes(match[1])) names.push(match[1]);
  }
  const files = names.map((name) => sizes(name, readFileSync(join(dir, name))));
  const sum = (key) => files.reduce((t, f) => t + f[key], 0);
  const total = { name: 'first visit (all of the above)', raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  return { files, total };
}

/** What the deck compiler's Web Worker files are called in a bundle (Trunk names them after the
 * `prep-compile` binary: `prep-compile.js`, `prep-compile_bg.wasm`, `prep-compile_loader.js`). */
export const COMPILE_WORKER = 'prep-compile';

/** The deck compiler's Web Worker (compile/, Trunk's `data-type="worker"`): its files in `dir`, which
 * no page loads on a visit; the app starts it only to compile a deck brought at run time. */
export function compileWorker(dir) {
  const files = readdirSync(dir).filter((name) => name.startsWith(COMPILE_WORKER)).sort()
    .map((name) => sizes(name, readFileSync(join(dir, name))));
  const sum = (key) => files.reduce((t, f) => t + f[key], 0);
  return { files, total: { name: 'compile worker (loaded only to compile)', raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
}

/** A file's raw size and its size compressed as a server would: gzip -9, brotli quality 11. */
export function sizes(name, data) {
  return {
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The files and total as a table, one line each. */
export function formatFirstVisit({ files, total }) {
  return formatSizes([...files, total]);
}

/** Rows of `sizes` as a table with a header line. */
export function formatSizes(rows) {
  const line = (r) => `${r.name.padEnd(44)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}`;
  return [`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`, ...rows.map(line)].join('\n');
}
