// Writes sw.js into a built bundle: pwa/service-worker.js with the build's VERSION (a hash of
// every file's name and bytes) and FILES (every file, relative to the site's base) before it.
// Run by scripts/route-pages.sh, the Trunk post-build hook, once every page is written.
//
//   node scripts/service-worker.mjs <bundle dir>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const OUTPUT = 'sw.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/service-worker.mjs <bundle dir>');
  process.exit(1);
}

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
  .filter((file) => file !== OUTPUT)
  .sort();

const hash = createHash('sha256');
for (const file of files) {
  hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
}
const version = hash.digest('hex').slice(0, 16);

const worker = readFileSync(new URL('../pwa/service-worker.js', import.meta.url), 'utf8');
writeFileSync(
  join(dir, OUTPUT),
  `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(files)};\n\n${worker}`,
);
const bytes = files.reduce((total, file) => total + readFileSync(join(dir, file)).length, 0);
console.log(`service worker: version ${version}, ${files.length} files to precache (${(bytes / 1024).toFixed(0)} KB raw)`);
