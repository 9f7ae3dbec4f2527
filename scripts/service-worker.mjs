// Writes sw.js into a built bundle: pwa/service-worker.js with the build's VERSION (a hash of
// every file's name and bytes), FILES (every file installed with the build, relative to the
// site's base) and ON_FIRST_USE (files kept once they are first fetched) before it.
// Run by scripts/route-pages.sh, the Trunk post-build hook, once every page is written.
//
//   node scripts/service-worker.mjs <bundle dir>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { COMPILE_WORKER } from './first-visit.mjs';

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

// The deck compiler's worker (compile/, COMPILE_WORKER's files) is needed only to compile a deck a person
// brings: installing it with the build would download it on every first visit. It is kept in the
// build's cache the first time it is fetched, so compiling works offline from then on. So is the
// built-in deck as one markdown file (interview.md, the library's "Download Markdown").
const onFirstUse = (file) => file.startsWith(COMPILE_WORKER) || file.endsWith('.md');

const hash = createHash('sha256');
for (const file of files) {
  hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
}
const version = hash.digest('hex').slice(0, 16);

const worker = readFileSync(new URL('../pwa/service-worker.js', import.meta.url), 'utf8');
writeFileSync(
  join(dir, OUTPUT),
  `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(files.filter((f) => !onFirstUse(f)))};\n` +
    `const ON_FIRST_USE = ${JSON.stringify(files.filter(onFirstUse))};\n\n${worker}`,
);
const kbOf = (list) => (list.reduce((total, file) => total + readFileSync(join(dir, file)).length, 0) / 1024).toFixed(0);
const installed = files.filter((f) => !onFirstUse(f));
const later = files.filter(onFirstUse);
console.log(`service worker: version ${version}, ${installed.length} files to precache (${kbOf(installed)} KB raw), ${later.length} kept on first use (${kbOf(later)} KB raw)`);
