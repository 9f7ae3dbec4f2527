// Search benchmark, not a test: run it through scripts/search-bench.sh, which writes the deck's
// search documents first. In one headless Chromium it measures our search (the app's release wasm
// in dist/, through the prep_search_load / prep_search exports trunk puts on window.wasmBindings)
// and four JS libraries (benches/search/peers.mjs, served from node_modules by the same static
// server) on the same documents and queries, and prints a markdown table: top-3 hits on the
// relevance set, median and p95 µs per query over every prefix a user types of the question
// titles, index build/load time and index size; then which relevance queries each engine missed.
//
//   node benches/search/run.mjs [--docs target/search-bench/docs.json]
//     [--queries engine/tests/fixtures/search-queries.json] [--app dist] [--base /interview-prep/]
//     [--typed questions|all] [--engines ours,flexsearch,minisearch,orama,fuse]
//     [--limit 10] [--loads 5] [--rounds 3] [--batch-ms 1]
//
// Every engine runs in pages of its own (a fresh JS heap each): `--loads` fresh pages per engine
// each time its first index build (peers) or prep_search_load() (ours), and the first of them also
// runs the relevance queries, the timing (see timeQueries in harness.mjs for the method) and the
// size. The pages are cross-origin isolated (COOP/COEP headers added to each document), which
// makes Chromium's performance.now() step 5 µs instead of 100 µs.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tests/support/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, closeOnInterrupt } from '../../tests/support/chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const LOAD_TIMEOUT = 30_000;
// The peers: the npm package each is loaded from (its version goes into the table).
const PACKAGES = { flexsearch: 'flexsearch', minisearch: 'minisearch', orama: '@orama/orama', fuse: 'fuse.js' };
const BENCH = '__search-bench/'; // where the bench files sit under the site's base

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const appDir = arg('app', 'dist');
const base = arg('base', process.env.PUBLIC_URL ?? '/interview-prep/');
const docsPath = arg('docs', 'target/search-bench/docs.json');
const queriesPath = arg('queries', 'engine/tests/fixtures/search-queries.json');
const contentPath = arg('content', 'content/interview.md');
const typedFrom = arg('typed', 'questions');
const engines = arg('engines', ['ours', ...Object.keys(PACKAGES)].join(',')).split(',');
const limit = Number(arg('limit', 10));
const loads = Number(arg('loads', 5));
const rounds = Number(arg('rounds', 3));
const batchMs = Number(arg('batch-ms', 1));
const usage = () => {
  console.error('usage: node benches/search/run.mjs [--docs FILE] [--queries FILE] [--app dist] [--base /x/] ' +
    '[--typed questions|all] [--engines ours,flexsearch,minisearch,orama,fuse] [--limit N] [--loads N] [--rounds N] [--batch-ms MS]');
  process.exit(2);
};
if (![limit, loads, rounds].every((n) => Number.isInteger(n) && n >= 1) || !(batchMs > 0)) usage();
if (!['questions', 'all'].includes(typedFrom)) usage();
for (const name of engines) if (name !== 'ours' && !PACKAGES[name]) usage();

// ---- The documents, the relevance set and the typed queries ---------------------------------

if (!existsSync(docsPath)) {
  console.error(`${docsPath} is missing: run scripts/search-bench.sh, which writes it ` +
    '(cargo run -q --release -p prep-engine --example search_docs), or pass --docs FILE');
  process.exit(1);
}
const docs = JSON.parse(readFileSync(docsPath, 'utf8'));
if (!Array.isArray(docs) || !docs.every((d) => ['id', 'title', 'context', 'text'].every((k) => typeof d[k] === 'string'))) {
  console.error(`${docsPath}: expected a JSON array of {id, title, context, text}`);
  process.exit(1);
}
const cardIds = new Set(docs.map((d) => d.id));

// The relevance set: [{query, card, kind, note, also?}]; a hit is `card` or an `also` id in the top 3.
let relevance = null;
if (existsSync(queriesPath)) {
  relevance = JSON.parse(readFileSync(queriesPath, 'utf8'));
  for (const entry of relevance) {
    const unknown = [entry.card, ...(entry.also ?? [])].filter((id) => !cardIds.has(id));
    if (typeof entry.query !== 'string' || unknown.length) {
      console.error(`${queriesPath}: ${JSON.stringify(entry.query)} names no query or unknown cards: ${unknown.join(', ')}`);
    }
  }
} else {
  console.error(`relevance set ${queriesPath} not found: no top-3 hits (pass --queries FILE)`);
}

// Which documents are question cards: a `kind` field if the documents have one, else the titles
// of the deck's `### N. Question` headings (markup stripped as the engine strips it).
function questionDocs() {
  if (docs.some((d) => typeof d.kind === 'string')) {
    return { docs: docs.filter((d) => /^question/i.test(d.kind)), how: 'kind' };
  }
  const norm = (s) => s.replace(/[`*\\]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const titles = new Set();
  const ids = new Set();
  if (existsSync(contentPath)) {
    for (const line of readFileSync(contentPath, 'utf8').split('\n')) {
      const m = /^###\s+\d+\.\s+(.*?)\s*(?:\{#([^}]*)\})?\s*$/.exec(line);
      if (m) {
        titles.add(norm(m[1]));
        if (m[2]) ids.add(m[2]);
      }
    }
  }
  return { docs: docs.filter((d) => titles.has(norm(d.title)) || ids.has(d.id)), how: `${contentPath}'s ### N. headings` };
}
let typedDocs = docs;
let typedHow = 'every document';
if (typedFrom === 'questions') {
  const found = questionDocs();
  if (found.docs.length) {
    typedDocs = found.docs;
    typedHow = `the ${found.docs.length} question cards (found by ${found.how})`;
  } else {
    console.error('no question cards found among the documents: typing every title instead');
  }
}
// Every prefix of every title, lower-cased, as a user types it one character at a time. Each
// distinct prefix is timed once and weighted by how often it is typed.
const typedCounts = new Map();
for (const doc of typedDocs) {
  const chars = Array.from(doc.title.toLowerCase());
  for (let n = 1; n <= chars.length; n++) {
    const prefix = chars.slice(0, n).join('');
    typedCounts.set(prefix, (typedCounts.get(prefix) ?? 0) + 1);
  }
}
const typed = [...typedCounts.keys()];
const typedTotal = [...typedCounts.values()].reduce((a, b) => a + b, 0);

// ---- Serving: the app's dist/ and the bench files on one GitHub Pages-like server -------------

// A staging folder of symlinks: dist/'s entries at the site's root (if it has a build), and the
// bench page, its modules and the peers' packages under __search-bench/.
const stage = mkdtempSync(join(tmpdir(), 'prep-search-bench-'));
const hasApp = existsSync(join(appDir, 'index.html'));
if (hasApp) for (const entry of readdirSync(appDir)) symlinkSync(resolve(appDir, entry), join(stage, entry));
mkdirSync(join(stage, BENCH, 'vendor/@orama'), { recursive: true });
for (const file of ['page.html', 'harness.mjs', 'peers.mjs']) symlinkSync(join(HERE, file), join(stage, BENCH, file));
const versions = {};
for (const [name, pkg] of Object.entries(PACKAGES)) {
  const dir = join(ROOT, 'node_modules', pkg);
  if (!existsSync(join(dir, 'package.json'))) {
    if (engines.includes(name)) {
      console.error(`node_modules/${pkg} is missing: run npm ci (scripts/setup.sh does)`);
      rmSync(stage, { recursive: true, force: true });
      process.exit(1);
    }
    continue;
  }
  versions[name] = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  symlinkSync(dir, join(stage, BENCH, 'vendor', pkg));
}

// ---- Measuring -------------------------------------------------------------------------------

/** Opens a fresh page with `name`'s engine ready in window.__bench; null if ours is not there. */
async function openEngine(context, url, name) {
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    if (name === 'ours') {
      await page.goto(url);
      // trunk's loader sets window.wasmBindings once the wasm runs (then fires TrunkApplicationStarted).
      await page.waitForFunction(() => window.wasmBindings !== undefined).catch(() => {
        throw new Error(`the app did not start${errors.length ? `: ${errors.join('; ')}` : ''}`);
      });
    } else {
      await page.goto(`${url}${BENCH}page.html`);
    }
    const ready = await page.evaluate(async ({ bench, name, docs }) => {
      const harness = await import(`${bench}harness.mjs`);
      let engine;
      if (name === 'ours') {
        if (!harness.hasOurs(window.wasmBindings)) return false;
        engine = harness.ours(window.wasmBindings);
      } else {
        const { PEERS } = await import(`${bench}peers.mjs`);
        engine = await PEERS[name]();
      }
      window.__bench = { harness, engine, docs };
      return true;
    }, { bench: `${base}${BENCH}`, name, docs });
    if (!ready) {
      await page.close();
      return null;
    }
    page.errors = errors;
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}

async function measure(context, url, name) {
  const result = { name, buildMs: [] };
  for (let load = 0; load < loads; load++) {
    const page = await openEngine(context, url, name);
    if (!page) return { name, missing: true };
    try {
      result.label ??= await page.evaluate(() => ({ name: window.__bench.engine.name, settings: window.__bench.engine.settings }));
      progress(`${name}: page ${load + 1}/${loads}, index build`);
      result.buildMs.push(await page.evaluate(() => window.__bench.harness.build(window.__bench.engine, window.__bench.docs)));
      if (load > 0) continue;
      if (relevance) {
        progress(`${name}: ${relevance.length} relevance queries`);
        const top = await page.evaluate(
          ({ queries, limit }) => window.__bench.harness.top(window.__bench.engine, queries, limit),
          { queries: relevance.map((r) => r.query), limit },
        );
        result.top = top.map((indices) => indices.map((i) => docs[i]?.id ?? `#${i}?`)); // card ids
      }
      progress(`${name}: timing ${typed.length} distinct typed queries`);
      const started = Date.now();
      Object.assign(result, await page.evaluate(
        ({ queries, options }) => window.__bench.harness.timeQueries(window.__bench.engine, queries, options),
        { queries: typed, options: { limit, batchMs, rounds } },
      ));
      result.timingSeconds = (Date.now() - started) / 1000;
      result.size = await page.evaluate(() => window.__bench.engine.size());
      Object.assign(result, await page.evaluate(() => ({
        timerStep: window.__bench.harness.timerResolution(), isolated: window.crossOriginIsolated,
      })));
      if (page.errors.length) throw new Error(page.errors.join('; '));
    } finally {
      await page.close();
    }
  }
  return result;
}

const progress = (line) => process.stderr.isTTY && process.stderr.write(`\r\x1b[K${line}`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** The p-th percentile (nearest rank) of each distinct query's time, weighted by how often it is typed. */
function weighted(micros, p) {
  const all = [];
  typed.forEach((query, i) => { for (let n = typedCounts.get(query); n > 0; n--) all.push(micros[i]); });
  all.sort((a, b) => a - b);
  return all[Math.min(all.length - 1, Math.max(0, Math.ceil((p / 100) * all.length) - 1))];
}
const fixed = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function report(results, chromiumVersion) {
  const timed = results.find((r) => r.timerStep != null);
  console.log(`Chromium ${chromiumVersion}; ${docs.length} documents from ${docsPath}.`);
  console.log(`Relevance: ${relevance ? `${relevance.length} queries from ${queriesPath}; a hit is the card (or an \`also\` card) in the top 3` : 'no relevance set'}.`);
  console.log(`Timing: every prefix of the titles of ${typedHow}, lower-cased as typed: ${typedTotal} queries ` +
    `(${typed.length} distinct), limit ${limit}, same list for every engine. Each distinct query runs in batches of ` +
    `k calls lasting ≥ ${batchMs} ms, median of ${rounds} passes after 2 warm-up passes` +
    (timed ? `; timer step ${fixed(timed.timerStep)} µs${timed.isolated ? ' (cross-origin isolated)' : ''}` : '') + '.');
  console.log(`Index build/load: median of ${loads} fresh pages, the first build (peers) or prep_search_load() (ours) in each.`);
  if (results.some((r) => r.missing)) console.log('ours: not in this build');
  console.log();
  console.log('| engine | top-3 hits | median µs/query | p95 µs/query | index build/load ms | index size |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const label = r.name === 'ours' ? 'ours (prep-engine, wasm)' : `${r.label?.name ?? r.name} ${versions[r.name]}`;
    if (r.missing || r.failed) {
      console.log(`| ${label} | ${r.missing ? 'not in this build' : `failed: ${r.failed}`} | | | | |`);
      continue;
    }
    const hits = r.top ? `${relevance.filter((q, i) => wanted(q).some((id) => r.top[i].includes(id))).length}/${relevance.length}` : '–';
    const size = r.size == null ? 'n/a' : `${(r.size / 1024).toFixed(1)} KB`;
    console.log(`| ${label} | ${hits} | ${fixed(weighted(r.micros, 50))} | ${fixed(weighted(r.micros, 95))} | ` +
      `${fixed(median(r.buildMs))} | ${size} |`);
  }
  console.log();
  console.log('Index size: ours is the byte count prep_search_load() returns; a peer\'s is the UTF-8 length of its ' +
    'serialised index as JSON (FlexSearch export() chunks, MiniSearch toJSON(), Orama save(), Fuse.js getIndex().toJSON()).');
  const empty = results.filter((r) => r.results).map((r) => {
    const none = typed.reduce((n, query, i) => n + (r.results[i] ? 0 : typedCounts.get(query)), 0);
    return `${r.label.name} ${((100 * none) / typedTotal).toFixed(0)}%`;
  });
  if (empty.length) console.log(`Typed queries with no result (an empty answer is quick): ${empty.join(', ')}.`);
  console.log('Settings:');
  for (const r of results) if (r.label) console.log(`- ${r.label.name}: ${r.label.settings}`);

  if (!relevance) return;
  console.log('\nMissed relevance queries (wanted card, then the top 3 returned):');
  for (const r of results) {
    if (!r.top) continue;
    const missed = relevance.map((q, i) => [q, r.top[i]]).filter(([q, top]) => !wanted(q).some((id) => top.includes(id)));
    console.log(`- ${r.label?.name ?? r.name}: ${missed.length ? `${missed.length} missed` : 'none missed'}`);
    for (const [q, top] of missed) {
      console.log(`  - ${JSON.stringify(q.query)}${q.kind ? ` (${q.kind})` : ''}: wanted ${wanted(q).join(' or ')}; got ${top.length ? top.join(', ') : 'nothing'}`);
    }
  }
}
const wanted = (q) => [q.card, ...(q.also ?? [])];

// ---- Main ------------------------------------------------------------------------------------

let server;
let context;
const userDataDir = mkdtempSync(join(tmpdir(), 'prep-chromium-'));
const shutdown = async () => {
  await context?.close().catch(() => {});
  await server?.close().catch(() => {});
  rmSync(stage, { recursive: true, force: true });
  rmSync(userDataDir, { recursive: true, force: true });
};
const interrupted = closeOnInterrupt(shutdown, 'the browser and server');

try {
  server = await startServer({ dir: stage, base });
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: LOAD_TIMEOUT,
    handleSIGINT: false, handleSIGTERM: false, // shutdown() closes it
  });
  // Cross-origin isolation for finer timers: COOP/COEP on every document (everything is same-origin).
  await context.route((url) => url.pathname.endsWith('/') || url.pathname.endsWith('.html'), async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      },
    });
  });
  const chromiumVersion = context.browser()?.version() ?? 'headless';
  const results = [];
  for (const name of engines) {
    if (name === 'ours' && !hasApp) {
      console.error(`ours: no build in ${appDir}/ (run scripts/build.sh first); measuring the peers only`);
      results.push({ name, failed: `no build in ${appDir}/` });
      continue;
    }
    try {
      const result = await measure(context, server.url, name);
      if (result.missing) {
        progress('');
        console.error('ours: not in this build');
      }
      results.push(result);
    } catch (error) {
      progress('');
      console.error(`${name}: ${error.message.split('\n')[0]}`);
      results.push({ name, failed: error.message.split('\n')[0] });
    }
  }
  progress('');
  report(results, chromiumVersion);
  if (results.some((r) => r.failed && r.name !== 'ours')) process.exitCode = 1;
} catch (error) {
  if (!interrupted()) {
    console.error(`\nsearch benchmark failed: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  }
} finally {
  await shutdown();
}
