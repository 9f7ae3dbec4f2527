// Start-up benchmark (issue 13), not a test: run it through scripts/startup-bench.sh, which builds
// both bundles. In one headless Chromium it loads the app and the bare Leptos reference page
// (benches/startup/reference) in turns, each in a fresh browser context (cold cache), and prints
// the medians of first content, wasm compile + instantiate, JS heap and bytes, and whether the
// app's first content is within 1.5x the reference's (the goal).
//
//   node benches/startup/run.mjs --app dist --reference <dir> [--base /interview-prep/] [--pairs 11]
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { startServer } from '../../tests/support/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, closeOnInterrupt } from '../../tests/support/chromium.mjs';
import { median } from '../../tests/support/phone.mjs';

const GOAL = 1.5; // the app's median first content may take at most this times the reference's
const LOAD_TIMEOUT = 30_000;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const appDir = arg('app', 'dist');
const referenceDir = arg('reference');
const base = arg('base', process.env.PUBLIC_URL ?? '/interview-prep/');
const pairs = Number(arg('pairs', 11));
if (!referenceDir || !Number.isInteger(pairs) || pairs < 9) {
  console.error('usage: node benches/startup/run.mjs --app dist --reference <dir> [--base /x/] [--pairs N>=9]');
  process.exit(2);
}
for (const dir of [appDir, referenceDir]) {
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`${dir}/index.html is missing: run scripts/startup-bench.sh without --no-build`);
    process.exit(1);
  }
}

// Installed in every page before its own scripts. Times are ms since navigation start (the
// document's time origin): first contentful paint, the first element matching `mark` (and
// `markText`) in the DOM, and every wasm compile/instantiate promise from call to resolution
// (instantiateStreaming overlaps the download, which takes ~1 ms over loopback).
function instrument({ mark, markText }) {
  const bench = (window.__bench = { wasmMs: 0 });
  for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const start = performance.now();
      const result = original.apply(this, args);
      result.then((value) => {
        bench.wasmMs += performance.now() - start;
        const memory = (value.instance ?? value).exports?.memory;
        if (memory) bench.memory = memory;
      }, () => {});
      return result;
    };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const found = () => [...document.querySelectorAll(mark)].some((el) => !markText || el.textContent.trim() === markText);
  const observer = new MutationObserver(() => {
    if (found()) {
      bench.mark = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** One cold load of `url` in a new context; resolves to its numbers and the URLs it fetched. */
async function load(browser, url, { mark, markText, visible }) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    await context.addInitScript(instrument, { mark, markText });
    const page = await context.newPage();
    page.setDefaultTimeout(LOAD_TIMEOUT);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { timeout: LOAD_TIMEOUT });
    await visible(page).waitFor({ state: 'visible' });
    await page.waitForFunction(() => window.__bench.mark != null && window.__bench.fcp != null);
    await page.waitForLoadState('networkidle');
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const inPage = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const { fcp, mark, wasmMs, memory } = window.__bench;
      return {
        fcp, mark, wasmMs,
        wasmMemory: memory?.buffer.byteLength ?? 0,
        transferred: entries.reduce((sum, e) => sum + e.transferSize, 0),
        urls: entries.map((e) => e.name),
      };
    });
    return { ...inPage, heap: usedSize };
  } finally {
    await context.close();
  }
}

// What a first visit downloads: the files behind the URLs a load fetched, raw and compressed
// (as scripts/size-report.mjs measures them; GitHub Pages sends gzip).
function download(dir, urls) {
  const sizes = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const url of new Set(urls)) {
    let path = decodeURIComponent(new URL(url).pathname).slice(base.length) || 'index.html';
    if (!extname(path)) path += '.html'; // as the server: /review is review.html
    const data = readFileSync(join(dir, path));
    sizes.files += 1;
    sizes.raw += data.length;
    sizes.gzip += gzipSync(data, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return sizes;
}

const servers = [];
let browser;
const shutdown = async () => {
  await browser?.close().catch(() => {});
  await Promise.all(servers.map((s) => s.close().catch(() => {})));
};
const interrupted = closeOnInterrupt(shutdown);

try {
  const app = await startServer({ dir: appDir, base });
  const reference = await startServer({ dir: referenceDir, base });
  servers.push(app, reference);
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: LOAD_TIMEOUT,
    handleSIGINT: false, handleSIGTERM: false, // shutdown() closes it
  });
  const h1 = { mark: 'h1', visible: (page) => page.locator('h1').first() };
  const pages = [
    { name: 'app /', dir: appDir, url: app.url, markName: 'first h1', ...h1 },
    { name: 'reference', dir: referenceDir, url: reference.url, markName: 'first h1', ...h1 },
    {
      name: 'app /review', dir: appDir, url: `${app.url}review`, markName: 'first card',
      mark: 'button', markText: 'Show answer',
      visible: (page) => page.getByRole('button', { name: 'Show answer' }),
    },
  ];
  console.log(`Chromium ${browser.version()}, ${pairs} cold loads of each page in turns, after one warm-up each.`);
  for (const p of pages) {
    await load(browser, p.url, p); // warm-up: the browser's first renderer and compiler start-up
    p.runs = [];
  }
  for (let i = 0; i < pairs; i++) {
    // Rotate the order so that no page always runs first or right after the same one.
    for (let k = 0; k < pages.length; k++) {
      const p = pages[(i + k) % pages.length];
      p.runs.push(await load(browser, p.url, p));
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${pairs} rounds`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log();

  const row = (cells) => console.log(cells[0].padEnd(30) + cells.slice(1).map((c) => String(c).padStart(10)).join(''));
  row(['', 'median', 'min', 'max']);
  for (const p of pages) {
    console.log(`${p.name}  (${p.url})`);
    const metrics = [
      ['first contentful paint, ms', (r) => r.fcp, 1],
      [`${p.markName} in the DOM, ms`, (r) => r.mark, 1],
      ['wasm compile+instantiate, ms', (r) => r.wasmMs, 1],
      ['JS heap after GC, MB', (r) => r.heap / 2 ** 20, 2],
      ['wasm memory, MB', (r) => r.wasmMemory / 2 ** 20, 2],
      ['transferred, KB', (r) => r.transferred / 1024, 1],
    ];
    for (const [label, get, digits] of metrics) {
      const xs = p.runs.map(get);
      row([`  ${label}`, ...[median(xs), Math.min(...xs), Math.max(...xs)].map((x) => x.toFixed(digits))]);
    }
  }

  console.log('\nfirst-visit download (the files each page fetched)');
  row(['', 'files', 'raw KB', 'gzip KB', 'brotli KB']);
  const downloads = pages.map((p) => download(p.dir, p.runs[0].urls));
  pages.forEach((p, i) => {
    const d = downloads[i];
    row([`  ${p.name}`, d.files, ...[d.raw, d.gzip, d.brotli].map((n) => (n / 1024).toFixed(1))]);
  });
  // The loads above are over loopback, where size costs nothing. On a phone it is most of the
  // wait: the gzip download alone (GitHub Pages sends gzip) at a slow 3G-like 400 KB/s.
  const slow = (d) => ((d.gzip / (400 * 1024)) * 1000).toFixed(0);
  console.log(`  gzip download alone at 400 KB/s: app ${slow(downloads[0])} ms, reference ${slow(downloads[1])} ms`);

  const [appHome, ref] = pages;
  const fcp = (p) => median(p.runs.map((r) => r.fcp));
  const h1Time = (p) => median(p.runs.map((r) => r.mark));
  const ratio = fcp(appHome) / fcp(ref);
  console.log(`\nfirst content, app / reference: ${ratio.toFixed(2)}x by paint ` +
    `(${fcp(appHome).toFixed(1)} / ${fcp(ref).toFixed(1)} ms), ` +
    `${(h1Time(appHome) / h1Time(ref)).toFixed(2)}x by first h1`);
  if (ratio <= GOAL) {
    console.log(`goal (≤ ${GOAL}x) met, with ${(GOAL * fcp(ref) - fcp(appHome)).toFixed(1)} ms to spare`);
  } else {
    const over = fcp(appHome) - GOAL * fcp(ref);
    console.log(`goal (≤ ${GOAL}x) missed by ${(ratio - GOAL).toFixed(2)}x: the app's median first paint ` +
      `must drop by ${over.toFixed(1)} ms to ${(GOAL * fcp(ref)).toFixed(1)} ms (${((100 * over) / fcp(appHome)).toFixed(0)}% less)`);
  }
} catch (error) {
  if (!interrupted()) {
    console.error(`\nstartup benchmark failed: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  }
} finally {
  await shutdown();
}
