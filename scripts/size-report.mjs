// Prints each file of the bundle with its raw, gzip and brotli sizes, and the first-visit total
// (what a browser downloads to show the first page: index.html, JS, wasm, CSS, icon).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || name === '404.html') continue;
  const data = readFileSync(path);
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ name, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli });
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
for (const r of [...rows, { name: 'first visit (all of the above)', ...total }]) {
  console.log(r.name.padEnd(40), kb(r.raw).padStart(10), kb(r.gzip).padStart(10), kb(r.brotli).padStart(10));
}
