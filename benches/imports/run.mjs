// Hostile imports in the release build (issue 26, defects 1 and 3), measured, not asserted:
// - a file with 100,000 days of history (newest first) and one with 100,000 mock interviews,
//   each imported, previewed and merged, then a settings change: the time each step takes;
// - two and three pages of one profile grading 20 cards each at once, `runs` times each: the
//   answers storage keeps.
// Run with `node benches/imports/run.mjs [--runs N]` after `scripts/build.sh`.
import { gradeInPage, open, startApp, savedProgress, STORAGE_PREFIX } from '../../tests/support/browser.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const app = await startApp();

async function freshPage() {
  for (const page of app.context.pages()) await page.close();
  const page = await app.page();
  await open(page, app.url, 'progress');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('html[data-app="running"]').waitFor({ state: 'attached' });
  return page;
}

function exportWith({ mocks = [], history = [] }) {
  return JSON.stringify({
    format: 'interview-prep-progress', version: 2, exported: Date.now(),
    settings: { desired_retention: 0.9, new_cards_per_day: 20 }, mocks, history, cards: [], answers: [],
  });
}

async function timeImport(name, file) {
  const page = await freshPage();
  const t0 = performance.now();
  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const preview = page.getByRole('region', { name: 'Preview of the file' });
  await preview.waitFor({ timeout: 120000 });
  const t1 = performance.now();
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  await page.getByText(/^Done\./).waitFor({ timeout: 120000 });
  const t2 = performance.now();
  await page.goto(new URL('study', app.url).href);
  await page.getByText('Scheduling').click();
  const field = page.getByRole('spinbutton', { name: 'New cards per day' });
  const t3 = performance.now();
  await field.fill('7');
  await field.press('Tab');
  await page.waitForFunction((prefix) => (localStorage.getItem(`${prefix}progress`) ?? '').includes('"new_cards_per_day":7'), STORAGE_PREFIX, { timeout: 120000 });
  const t4 = performance.now();
  const kept = await page.evaluate((prefix) => {
    const head = JSON.parse(localStorage.getItem(`${prefix}progress`));
    return { mocks: head.mocks.length, history: head.history.length };
  }, STORAGE_PREFIX);
  console.log(`${name}: ${(file.length / 1048576).toFixed(1)} MB; read and preview ${(t1 - t0).toFixed(0)} ms, merge ${(t2 - t1).toFixed(0)} ms, a settings change then ${(t4 - t3).toFixed(0)} ms; kept ${kept.mocks} mocks, ${kept.history} days`);
}

const today = Math.floor(Date.now() / 86400000);
await timeImport('100,000 days of history', exportWith({
  history: Array.from({ length: 100000 }, (_, n) => ({ d: today - n, n: 3, rn: 1, rp: 1, sec: 40 })),
}));
await timeImport('100,000 mock interviews', exportWith({
  mocks: Array.from({ length: 100000 }, (_, n) => ({ at: Date.now() - n * 60000, n: 2, nailed: 1, partly: 1, missed: 0, score: 75 })),
}));

for (const tabs of [2, 3]) {
  const kept = [];
  for (let run = 0; run < runs; run++) {
    const first = await freshPage();
    const pages = [first];
    for (let i = 1; i < tabs; i++) pages.push(await app.page());
    await Promise.all(pages.map((page) => open(page, app.url, 'review')));
    await Promise.all(pages.map((page) => gradeInPage(page, 20)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const counts = [];
    for (const page of pages) counts.push((await savedProgress(page)).progress.reviews.length);
    kept.push(Math.min(...counts));
  }
  console.log(`${tabs} tabs grading 20 cards each at once, ${runs} runs: answers kept ${kept.join(', ')} of ${20 * tabs}`);
}
await app.close();
