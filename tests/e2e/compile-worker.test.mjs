// The deck compiler as a Web Worker (issue 28): the same code build.rs runs, built for the browser
// and started only when a deck has to be compiled at run time. A page of the release build starts
// it, hands it the text of content/interview.md and content/practice/*.md, and checks that the
// bytes it returns are the build's own compiled deck, byte for byte; that a broken item is
// reported as `file:line: reason` and nothing else; and that no visit loads the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appForThisFile, open } from '../support/browser.mjs';
import { COMPILE_WORKER } from '../../scripts/first-visit.mjs';

const app = appForThisFile();
const ROOT = new URL('../../', import.meta.url).pathname;
const WORKER = `${COMPILE_WORKER}_loader.js`;

/** The deck's source as build.rs reads it: its path and text, and each practice file's. */
function sources() {
  const practice = readdirSync(join(ROOT, 'content/practice'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => [`content/practice/${name}`, readFileSync(join(ROOT, 'content/practice', name), 'utf8')]);
  return { source: 'content/interview.md', text: readFileSync(join(ROOT, 'content/interview.md'), 'utf8'), practice };
}

/** The compiled deck build.rs wrote for the release wasm (the newest, if several builds left one). */
function builtDeck() {
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  const dir = join(target, 'wasm32-unknown-unknown/release/build');
  // `build/interview-prep-<hash>/out` on stable; newer cargo (the nightly the wasm is built
  // with) writes `build/interview-prep/<hash>/out`.
  const nested = join(dir, 'interview-prep');
  const outDirs = [
    ...readdirSync(dir).filter((name) => name.startsWith('interview-prep-')).map((name) => join(dir, name)),
    ...(existsSync(nested) ? readdirSync(nested).map((name) => join(nested, name)) : []),
  ];
  const found = outDirs
    .map((outDir) => join(outDir, 'out/compiled-deck.bin'))
    .filter((path) => { try { return statSync(path).isFile(); } catch { return false; } })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  assert.ok(found.length > 0, `no compiled-deck.bin under ${dir}: build the release bundle first`);
  return readFileSync(found[0]);
}

/** Starts the worker in `page`, sends it `request`, and returns its reply: the deck's length and
 * SHA-256 (hex), or the errors, and how long it took. */
function compileInPage(page, request) {
  return page.evaluate(async ({ worker, request }) => {
    const compiler = new Worker(new URL(worker, document.baseURI));
    const started = performance.now();
    try {
      const reply = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no reply from the worker in 60 s')), 60000);
        compiler.onmessage = (event) => {
          // It says when it is ready: a request posted before would be lost.
          if (event.data?.ready) {
            compiler.postMessage(request);
            return;
          }
          clearTimeout(timer);
          resolve(event.data);
        };
        compiler.onerror = (event) => {
          clearTimeout(timer);
          reject(new Error(`worker error: ${event.message}`));
        };
      });
      const ms = Math.round(performance.now() - started);
      if (!reply.deck) return { errors: reply.errors, ms };
      const digest = await crypto.subtle.digest('SHA-256', reply.deck);
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      return { length: reply.deck.length, sha256: hex, head: [...reply.deck.slice(0, 16)], ms };
    } finally {
      compiler.terminate();
    }
  }, { worker: WORKER, request });
}

test('the compile worker turns the content into the very bytes the build embeds', async () => {
  const page = await app.page();
  await open(page, app.url);
  const expected = builtDeck();
  const reply = await compileInPage(page, sources());
  assert.equal(reply.errors, undefined, `the worker refused the content: ${reply.errors}`);
  assert.deepEqual(reply.head, [...expected.subarray(0, 16)]);
  assert.equal(reply.length, expected.length);
  assert.equal(reply.sha256, createHash('sha256').update(expected).digest('hex'));
  console.log(`the worker compiled ${(expected.length / 1024).toFixed(0)} KB of deck in ${reply.ms} ms`);
  assert.deepEqual(page.problems, []);
});

test('a broken practice item comes back as file:line: reason, and a malformed request is named', async () => {
  const page = await app.page();
  await open(page, app.url);
  const request = sources();
  request.practice.push(['content/practice/zz-broken.md', [
    '# Practice: broken',
    '',
    '## no-such-card',
    '',
    '### choice',
    'Which one?',
    '',
    '- [x] This one',
    '  Right.',
    '- [ ] That one',
    '  Wrong.',
    '',
  ].join('\n')]);
  const reply = await compileInPage(page, request);
  assert.equal(reply.length, undefined);
  assert.ok(reply.errors.length >= 1);
  for (const error of reply.errors) assert.match(error, /^content\/practice\/zz-broken\.md:\d+: \S/);
  assert.ok(reply.errors.some((e) => /no-such-card/.test(e)), reply.errors.join('\n'));

  const malformed = await compileInPage(page, { source: 'deck.md' });
  assert.deepEqual(malformed.errors, ['the request has no text `text`']);
  assert.deepEqual(page.problems, []);
});

test('no visit loads the compile worker', async () => {
  const page = await app.page();
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await open(page, app.url);
  await open(page, app.url, 'quiz');
  await open(page, app.url, 'progress');
  assert.deepEqual(requested.filter((url) => url.includes(COMPILE_WORKER)), []);
  assert.deepEqual(page.problems, []);
});
