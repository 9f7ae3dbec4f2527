// First content on a throttled phone (issue 16), a measurement, not a test: cold loads of a
// card's deep link over a slow mobile network (150 ms latency, 400 KB/s, gzip as GitHub Pages
// serves it) on a 4x slower CPU, each in a fresh context. It prints the medians of first
// contentful paint, the card's heading on screen, and the app taking over the page, for the
// build as it is and for the same build with its build-time content removed (what every page
// was before issue 16: an empty body until the wasm had run).
//
//   node scripts/first-content.mjs [--dir dist] [--runs 7] [--path card/<id>]
import { chromium } from 'playwright-core';
import { startServer } from '../tests/support/server.mjs';
import { BUILD_TIME_MARKUP } from './build-time-markup.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/chromium.mjs';
import { PHONE, throttleLikeAPhone } from '../tests/support/phone.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = arg('dir', process.env.DIST ?? 'dist');
const runs = Number(arg('runs', 7));
const path = arg('path', 'card/difference-between-apiview-viewset-and-genericapiview');
const base = process.env.PUBLIC_URL ?? '/interview-prep/';

/** The page as it was before: the build-time skip link, header, main and footer removed. */
const withoutBuildTimeContent = (html) =>
  html.replace(BUILD_TIME_MARKUP, '');

function instrument() {
  const times = (window.__firstContent = {});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') times.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    if (times.heading == null && document.querySelector('main h1')) {
      // On screen: the next frame after it is in the DOM.
      requestAnimationFrame(() => (times.heading ??= performance.now()));
    }
    if (times.app == null && document.documentElement.dataset.app === 'running') times.app = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttleLikeAPhone(cdp);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { timeout: 60_000 });
    await page.waitForFunction(() => {
      const t = window.__firstContent;
      return t.app != null && t.fcp != null && t.heading != null;
    }, null, { timeout: 60_000 });
    const times = await page.evaluate(() => window.__firstContent);
    // Nothing is on screen before the first paint.
    return { ...times, heading: Math.max(times.heading, times.fcp) };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const variants = [
  ['with build-time content', null],
  ['without (before issue 16)', withoutBuildTimeContent],
];
const servers = await Promise.all(
  variants.map(([, rewriteHtml]) => startServer({ dir, base, gzip: true, rewriteHtml })),
);
const results = variants.map(() => []);
for (let run = 0; run < runs; run++) {
  for (const [i, server] of servers.entries()) results[i].push(await measure(browser, server.url + path));
}
console.log(`/${path}: ${runs} cold loads each, ${PHONE.latency} ms latency, ${PHONE.throughput / 1024} KB/s, gzip, CPU ${PHONE.cpu}x slower`);
console.log('page                              first paint   heading on screen   app running');
for (const [i, [name]] of variants.entries()) {
  const ms = (key) => `${Math.round(median(results[i].map((r) => r[key])))} ms`.padStart(10);
  console.log(`${name.padEnd(32)} ${ms('fcp')}   ${ms('heading').padStart(17)}   ${ms('app').padStart(11)}`);
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));
