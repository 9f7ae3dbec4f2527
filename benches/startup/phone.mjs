// Start-up on a throttled phone (issue 31), a measurement, not a test: run it through
// `scripts/startup-bench.sh --phone`, which builds both bundles. Over loopback (run.mjs) size
// costs nothing; on a phone the download and a slow CPU are most of the wait, so this loads the
// app on a card's deep link and the bare Leptos reference page in turns, each cold in a fresh
// browser context, on a slow mobile network (150 ms latency, 400 KB/s down and up, responses gzip
// encoded as GitHub Pages serves them) with the CPU 4x slower, and prints the medians of first
// paint, "usable" and bytes, and the ratio of the two pages' usable times.
//
//   node benches/startup/phone.mjs --app dist --reference <dir> [--base /interview-prep/] [--pairs 7] [--path card/<id>]
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../tests/support/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, closeOnInterrupt } from '../../tests/support/chromium.mjs';
import { median, PHONE, throttleLikeAPhone } from '../../tests/support/phone.mjs';

const GOAL = 2.0; // issue 31: the app usable within this times the reference's
const MOONSHOT = 1.5;
const LOAD_TIMEOUT = 60_000; // a throttled load takes seconds, not milliseconds

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const appDir = arg('app', 'dist');
const referenceDir = arg('reference');
const base = arg('base', process.env.PUBLIC_URL ?? '/interview-prep/');
const pairs = Number(arg('pairs', 7));
const path = arg('path', 'card/difference-between-apiview-viewset-and-genericapiview');
if (!referenceDir || !Number.isInteger(pairs) || pairs < 1) {
  console.error('usage: node benches/startup/phone.mjs --app dist --reference <dir> [--base /x/] [--pairs N] [--path card/<id>]');
  process.exit(2);
}
for (const file of [join(appDir, `${path}.html`), join(referenceDir, 'index.html')]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: a wrong --path, or not built (scripts/startup-bench.sh --phone without --no-build)`);
    process.exit(1);
  }
}

// Installed in every page before its own scripts; times are ms since navigation start.
// "Usable", the same for both pages: the first animation frame that starts after both
//   (a) a WebAssembly.instantiate* promise has resolved, i.e. the page's wasm instance exists, and
//   (b) the page has mounted its Leptos view, seen as `mounted` matching in the DOM: for the app
//       `data-app="running"` on <html>, which src/main.rs sets right after mounting (its
//       build-time copy of the page is on screen long before, so a heading says nothing); for
//       the reference its `main h1`, as run.mjs marks it (its body is empty until it mounts).
// It is read with performance.now() in that frame's callback: the app's view is then on screen
// and handles input. The same frame as first-content.mjs's "on screen", one rule for both pages.
function instrument(mounted) {
  const bench = (window.__bench = {});
  const check = () => {
    if (bench.mounted == null && document.querySelector(mounted)) bench.mounted = performance.now();
    if (bench.instantiated != null && bench.mounted != null && !bench.frameRequested) {
      bench.frameRequested = true;
      requestAnimationFrame(() => (bench.usable = performance.now()));
    }
  };
  // Registered before wasm-bindgen's own continuation, so it runs first, before the wasm's main.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const result = original.apply(this, args);
      result.then(() => {
        bench.instantiated ??= performance.now();
        check();
      }, () => {});
      return result;
    };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  // A mount is one task, so its records arrive at that task's end, before the next frame.
  new MutationObserver(check)
    .observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app'] });
}

/** One cold, throttled load of `url` in a new context; resolves to its times and bytes. */
async function load(browser, url, mounted) {
  // A fresh context is the cold cache. Service workers are blocked (as in first-content.mjs): the
  // reference has none, and the app's only starts on `load` to precache the rest of the site,
  // which is not start-up and would blur the bytes column.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  try {
    await context.addInitScript(instrument, mounted);
    const page = await context.newPage();
    page.setDefaultTimeout(LOAD_TIMEOUT);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await throttleLikeAPhone(cdp);
    const response = await page.goto(url, { timeout: LOAD_TIMEOUT });
    if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    await page.waitForFunction(() => window.__bench.usable != null && window.__bench.fcp != null, null,
      { timeout: LOAD_TIMEOUT });
    // Bytes of the whole load (as run.mjs counts them), so wait for what comes after mounting too.
    await page.waitForLoadState('networkidle');
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const { fcp, instantiated, mounted, usable } = window.__bench;
      return { fcp, instantiated, mounted, usable, transferred: entries.reduce((sum, e) => sum + e.transferSize, 0) };
    });
  } finally {
    await context.close();
  }
}

const servers = [];
let browser;
const shutdown = async () => {
  await browser?.close().catch(() => {});
  await Promise.all(servers.map((s) => s.close().catch(() => {})));
};
const interrupted = closeOnInterrupt(shutdown);

try {
  // gzip: true compresses every response (HTML, JS, CSS, wasm) as GitHub Pages does.
  const app = await startServer({ dir: appDir, base, gzip: true });
  const reference = await startServer({ dir: referenceDir, base, gzip: true });
  servers.push(app, reference);
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: LOAD_TIMEOUT,
    handleSIGINT: false, handleSIGTERM: false, // shutdown() closes it
  });
  const pages = [
    { name: 'app', url: app.url + path, mounted: 'html[data-app="running"]' },
    // The reference has one page, the whole deck, at its root; it routes nothing.
    { name: 'reference', url: reference.url, mounted: 'main h1' },
  ];
  console.log(`Chromium ${browser.version()}, phone: ${PHONE.latency} ms latency, ${PHONE.throughput / 1024} KB/s ` +
    `down and up, gzip, CPU ${PHONE.cpu}x slower; ${pairs} cold loads of each page in turns, after one warm-up each.`);
  for (const p of pages) {
    await load(browser, p.url, p.mounted); // warm-up: the browser's first renderer and compiler start-up
    p.runs = [];
  }
  for (let i = 0; i < pairs; i++) {
    // Alternate which page goes first, so that neither always follows the other.
    for (let k = 0; k < pages.length; k++) {
      const p = pages[(i + k) % pages.length];
      p.runs.push(await load(browser, p.url, p.mounted));
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${pairs} pairs`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log();

  const row = (cells) => console.log(cells[0].padEnd(30) + cells.slice(1).map((c) => String(c).padStart(10)).join(''));
  row(['', 'median', 'min', 'max']);
  for (const p of pages) {
    console.log(`${p.name}  (${p.url})`);
    const metrics = [
      ['first contentful paint, ms', (r) => r.fcp, 0],
      ['wasm instantiated, ms', (r) => r.instantiated, 0],
      ['mounted, ms', (r) => r.mounted, 0],
      ['usable, ms', (r) => r.usable, 0],
      ['transferred, KB', (r) => r.transferred / 1024, 1],
    ];
    for (const [label, get, digits] of metrics) {
      const xs = p.runs.map(get);
      row([`  ${label}`, ...[median(xs), Math.min(...xs), Math.max(...xs)].map((x) => x.toFixed(digits))]);
    }
  }
  const [appUsable, referenceUsable] = pages.map((p) => median(p.runs.map((r) => r.usable)));
  console.log(`\nusable: app ${appUsable.toFixed(0)} ms, reference ${referenceUsable.toFixed(0)} ms, ` +
    `ratio ${(appUsable / referenceUsable).toFixed(2)}x (goal ${GOAL.toFixed(1)}x, moonshot ${MOONSHOT.toFixed(1)}x)`);
} catch (error) {
  if (!interrupted()) {
    console.error(`\nphone start-up benchmark failed: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  }
} finally {
  await shutdown();
}
