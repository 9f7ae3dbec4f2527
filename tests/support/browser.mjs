// Launches Debian's Chromium through playwright-core (never a downloaded browser) and serves the
// release bundle from dist/ under the GitHub Pages-like sub-path. Each test gets a fresh context
// (its own real localStorage) and a list of every console error, page error and failed request.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

export const BASE = process.env.PUBLIC_URL ?? '/interview-prep/';
/** The release bundle under test (scripts/build.sh writes it; DIST=other/dir to test another). */
export const DIST = process.env.DIST ?? 'dist';

/**
 * Starts the server and the browser once per test file. The service worker is blocked unless
 * `serviceWorkers: 'allow'` (tests/e2e/offline.test.mjs): elsewhere every request reaches the
 * server, so a test sees the files it built. `dir` serves another copy of the bundle.
 */
export async function startApp({ serviceWorkers = 'block', dir = DIST } = {}) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/ is missing: build the release bundle first (scripts/test.sh does)`);
  }
  const server = await startServer({ dir, base: BASE });
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'prep-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers,
    viewport: { width: 390, height: 844 }, // a phone: the app is phone first
  });
  return {
    url: server.url,
    server,
    context: browser,
    /** A new page that records problems; call `assertClean()` at the end of a test. */
    async page() {
      const page = await browser.newPage();
      page.setDefaultTimeout(10000);
      const problems = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (req) => {
        // Leaving a page while it still loads (a quick click or reload) aborts its requests: not a fault.
        if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()}`);
      });
      page.on('response', (res) => {
        // A deep link is served by the 404.html copy of the app, as on GitHub Pages; anything else must load.
        if (res.status() >= 400 && res.request().resourceType() !== 'document') {
          problems.push(`HTTP ${res.status()}: ${res.url()}`);
        }
      });
      page.problems = problems;
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens `path` (relative to the app's base) and waits until the wasm app has rendered. */
export async function open(page, appUrl, path = '') {
  await page.goto(new URL(path, appUrl).href);
  await waitForApp(page);
}

/**
 * The app is up once it has replaced the build's static copy of the page (`data-app` on
 * <html>, set by src/main.rs) and its main landmark has content.
 */
export async function waitForApp(page) {
  await page.locator('html[data-app="running"]').waitFor({ state: 'attached', timeout: 15000 });
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 15000 });
}

/** A new user on the home page: a fresh page of `app` with the browser's localStorage cleared. */
export async function newUser(app) {
  // Pages of earlier users still open in this context would write their progress back into
  // the cleared storage (an open tab never adopts a loss it did not make): close them.
  const page = await app.page();
  await Promise.all(app.context.pages().filter((other) => other !== page).map((other) => other.close()));
  await open(page, app.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForApp(page);
  return page;
}

/** This copy of the app's namespace in localStorage (keys are namespaced by site path): site-wide
 * preferences such as the theme live straight under it. */
export const SITE_PREFIX = `interview-prep@${BASE}:`;

/** Where the built-in deck keeps its progress, preferences and backups (each deck has its own
 * namespace inside the site's). */
export const STORAGE_PREFIX = `${SITE_PREFIX}deck/interview/`;

/**
 * The progress the app saved in the browser's own localStorage, read here from the documented
 * format (docs/progress-format.md) independently of the app: `{ progress: { cards, reviews,
 * settings, mocks } }` with readable names (`grade: 'good'`, `mode: 'quiz'`), or null if nothing
 * is saved.
 */
export const savedProgress = (page) =>
  page.evaluate((prefix) => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(prefix));
    if (keys.length === 0) return null;
    const phase = (code) =>
      code === 'n' ? 'new' : code === 'r' ? 'review'
        : code[0] === 'l' ? `learning:${code.slice(1)}` : `relearning:${code.slice(1)}`;
    const grades = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };
    const modes = { f: 'flashcard', r: 'typed-recall', q: 'quiz', m: 'mock', d: 'drill', t: 'typed' };
    const lines = (key) => (localStorage.getItem(key) ?? '').split('\n').filter(Boolean).map((l) => l.split('\t'));
    const head = JSON.parse(localStorage.getItem(`${prefix}progress`) ?? '{}');
    // After a reset or a Replace import, cards and answers live under `e<epoch>/`.
    const dir = head.epoch ? `${prefix}e${head.epoch}/` : prefix;
    const cards = {};
    for (const [id, ph, s, d, due, last, reps, lapses] of lines(`${dir}cards`)) {
      cards[id] = { phase: phase(ph), s: Number(s), d: Number(d), due: parseInt(due, 36), last: parseInt(last, 36), reps: Number(reps), lapses: Number(lapses) };
    }
    const reviews = [];
    for (const key of keys.filter((k) => k.startsWith(`${dir}log/`))) {
      for (const [card, at, grade, mode, ph, elapsed, lastIvl, ivl, flag] of lines(key)) {
        const review = { card, at: parseInt(at, 36), grade: grades[grade], mode: modes[mode] ?? 'other', phase: phase(ph), elapsed: Number(elapsed), last_ivl: parseInt(lastIvl, 36), ivl: parseInt(ivl, 36) };
        if (flag?.startsWith('o')) review.obs = true; // flags: `o` observed only, `w<n>` the tab
        reviews.push(review);
      }
    }
    reviews.sort((a, b) => a.at - b.at || (a.card < b.card ? -1 : 1));
    return { schema: head.schema, progress: { cards, reviews, settings: head.settings ?? null, mocks: head.mocks ?? [] } };
  }, STORAGE_PREFIX);

/**
 * The app for one test file: started before its tests, closed after them. The returned object
 * stands for the running app (`url`, `context`, `page()`) and adds `newUser()`.
 */
export function appForThisFile(options) {
  let running;
  before(async () => {
    running = await startApp(options);
  });
  after(async () => {
    await running?.close();
  });
  return {
    get url() { return running.url; },
    get context() { return running.context; },
    get server() { return running.server; },
    page: () => running.page(),
    newUser: () => newUser(running),
  };
}

/**
 * Grades `count` cards Good from inside the page, with `setTimeout(0)` between clicks, as fast
 * as a script can: the repro of issue 26, defect 1. Resolves when the last grade is clicked.
 */
export const gradeInPage = (page, count) =>
  page.evaluate(async (count) => {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    const button = async (pattern) => {
      for (let wait = 0; wait < 2000; wait++) {
        const found = [...document.querySelectorAll('main button')].find((b) => pattern.test(b.textContent.trim()));
        if (found) return found;
        await tick();
      }
      throw new Error(`no button ${pattern}`);
    };
    for (let i = 0; i < count; i++) {
      (await button(/^Show answer/)).click();
      await tick();
      (await button(/^Good/)).click();
      await tick();
    }
  }, count);
