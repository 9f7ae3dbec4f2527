// Minifies the app's wasm-bindgen JavaScript (the module index.html preloads) in a built bundle
// and updates its integrity hash in index.html, before the route pages are copied from it.
// Run by scripts/route-pages.sh, the Trunk post-build hook.
//
// Trunk's own minifier (`minify = "on_release"`) fails on this glue ("Failed to minify JS:
// RequiredTokenNotFound") and leaves it as it is; terser takes it from 9.5 to 7.7 KB brotli.
// Only whitespace and local names change: the import object's keys (`__wbg_…`), which the
// wasm's imports name, are properties and stay as they are.
//
//   node scripts/minify-glue.mjs <bundle dir>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify-glue.mjs <bundle dir>');
  process.exit(1);
}

const indexPath = join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8');
const preload = index.match(/<link rel="modulepreload" href="([^"]*\/)?([^"/]+\.js)"[^>]*integrity="([^"]+)"/);
if (!preload) {
  console.error(`${indexPath}: no <link rel="modulepreload" … integrity="…"> for the app's JavaScript`);
  process.exit(1);
}
const [, , file, integrity] = preload;
const path = join(dir, file);
const source = readFileSync(path, 'utf8');
const { code } = await minify(source, { module: true, compress: true, mangle: true, format: { comments: false } });
if (!code) {
  console.error(`${path}: terser returned nothing`);
  process.exit(1);
}
writeFileSync(path, code);
const hash = `sha384-${createHash('sha384').update(code).digest('base64')}`;
writeFileSync(indexPath, index.split(integrity).join(hash));
console.log(`minified ${file}: ${source.length} -> ${code.length} bytes`);
