// Progress that is never lost, in the browser's real localStorage: two tabs, damaged data,
// a full or refused storage, export / reset / import, and the stats page that shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appForThisFile, DIST, gradeInPage, open, savedProgress, SITE_PREFIX, STORAGE_PREFIX, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();

/** Grades `count` cards Good in the review that is on screen. */
async function gradeGood(page, count) {
  for (let i = 0; i < count; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
  }
}

/** A new learner who has reviewed `count` cards of the first sitting. */
async function learnerWith(count) {
  const page = await app.newUser();
  await page.getByRole('link', { name: 'Start review' }).click();
  await gradeGood(page, count);
  return page;
}

/** Every key this copy of the app stored, with its text. */
const stored = (page) =>
  page.evaluate((prefix) => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)]),
  ), STORAGE_PREFIX);

/** Fills localStorage with filler until it refuses even one more character. */
const fillStorage = (page) =>
  page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      try {
        for (;;) localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
      } catch { /* full at this size: try smaller */ }
    }
  });

const clearFiller = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));

/** Clicks `button` and returns the text of the file it downloads. */
async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('two tabs reviewing different cards both count, and each tab sees the other', async () => {
  const a = await app.newUser();
  const b = await app.page();
  await open(a, app.url, 'review?section=django-rest-framework-questions');
  await open(b, app.url, 'review?section=testing-questions');
  await gradeGood(a, 3);
  await gradeGood(b, 1);
  // B merged A's three answers when A saved (the storage event) and kept its own.
  await open(b, app.url, 'progress');
  const today = b.locator('.stat-grid div').filter({ has: b.getByText('Reviews today', { exact: true }) }).locator('dd');
  assert.match(await today.textContent(), /^4/);
  await a.reload();
  await waitForApp(a);
  const saved = (await savedProgress(a)).progress;
  assert.equal(Object.keys(saved.cards).length, 4);
  assert.equal(saved.reviews.length, 4);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('progress shows on the stats page and home after a reload', async () => {
  const page = await learnerWith(2);
  await page.reload();
  await waitForApp(page);
  await open(page, app.url, '');
  assert.match(await page.getByRole('link', { name: /^Streak:/ }).textContent(), /Streak: 1 day \(best 1\)/);
  await page.getByRole('link', { name: /^Streak:/ }).click();
  await page.getByRole('heading', { name: 'Your progress', exact: true }).waitFor();
  const figure = (term) => page.locator('.stat-grid div').filter({ has: page.getByText(term, { exact: true }) }).locator('dd').textContent();
  assert.match(await figure('Reviews today'), /^2/);
  assert.match(await figure('Streak'), /^1 day/);
  assert.match(await figure('Cards studied'), /^2 of 141/);
  // Charts carry their numbers in words.
  assert.match(await page.getByRole('img', { name: /answers on 1 days in the last year/ }).getAttribute('aria-label'), /^2 answers/);
  assert.ok(await page.getByRole('img', { name: /due/i }).count() >= 1);
  assert.equal(await page.locator('.mastery-list li').count(), 14);
  // The browser's answer to "keep this site's data" is shown, with a way to ask.
  await page.getByText(/^The browser (has agreed to keep|may delete) this site's data/).waitFor();
  assert.deepEqual(page.problems, []);
});

test('progress saved before decks had namespaces is moved into the deck, byte for byte, and shows as before (issue 28)', async () => {
  // localStorage as the version before decks left it (the engine's fixture of that layout).
  const fixture = JSON.parse(readFileSync(new URL('../../engine/tests/fixtures/layout-before-decks.json', import.meta.url), 'utf8'));
  const entries = Object.entries(fixture).map(([key, value]) => [key.replace('interview-prep@/interview-prep/:', SITE_PREFIX), value]);
  const page = await app.newUser();
  await page.evaluate((entries) => { for (const [key, value] of entries) localStorage.setItem(key, value); }, entries);
  await page.reload();
  await waitForApp(page);

  const after = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  for (const [key, value] of entries) {
    const rest = key.startsWith(SITE_PREFIX) ? key.slice(SITE_PREFIX.length) : null;
    if (rest === null || rest === 'theme') {
      assert.equal(after[key], value, `${key} stays: another project's, or site-wide`);
    } else {
      assert.equal(after[key], undefined, `${key} moved away`);
      assert.equal(after[`${STORAGE_PREFIX}${rest}`], value, `${key} moved byte for byte`);
    }
  }
  const saved = await savedProgress(page);
  assert.equal(saved.progress.reviews.length, 30);
  assert.equal(saved.progress.mocks.length, 1);

  // The learner sees the same history, settings and chosen section as before.
  await open(page, app.url, 'progress');
  const stat = (name) => page.locator('.stat-grid > div').filter({ has: page.getByText(name, { exact: true }) }).locator('dd');
  await assert.doesNotReject(stat('Reviews today').getByText('12 in all').waitFor());
  await assert.doesNotReject(stat('Practice today').getByText('quiz, drill and fill-in: 18 in all').waitFor());
  await assert.doesNotReject(stat('Cards studied').getByText(/^5 of \d+$/).waitFor());
  await open(page, app.url, 'study');
  const sections = page.getByRole('group', { name: 'Sections' });
  assert.equal(await sections.getByRole('checkbox', { name: 'Django REST Framework Questions' }).isChecked(), true);
  assert.equal(await sections.getByRole('checkbox', { name: 'Definitions' }).isChecked(), false);
  assert.equal(await page.getByLabel('New cards per day').inputValue(), '15');
});

test('garbage in every stored key: the app works, says so, keeps the garbage and salvages the rest', async () => {
  const page = await learnerWith(3);
  const before = await stored(page);
  const cardsKey = `${STORAGE_PREFIX}cards`;
  const goodLine = before[cardsKey].split('\n')[0];
  await page.evaluate(({ keys, cardsKey, goodLine }) => {
    for (const key of keys) localStorage.setItem(key, '\u0000garbage{{');
    localStorage.setItem(cardsKey, `garbage\n${goodLine}\n`);
  }, { keys: Object.keys(before), cardsKey, goodLine });
  await page.reload();
  await waitForApp(page);
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /Part of your saved progress was damaged: \d+ records? could not be read .* everything else was kept\. The data as it was is kept under "interview-prep@\/interview-prep\/:deck\/interview\/backup\/\d+"/);
  const after = await stored(page);
  const backupKey = Object.keys(after).find((k) => k.startsWith(`${STORAGE_PREFIX}backup/`));
  assert.ok(JSON.parse(after[backupKey])[cardsKey].startsWith('garbage\n'), 'the damaged text is kept as it was');
  const saved = (await savedProgress(page)).progress;
  assert.equal(Object.keys(saved.cards).length, 1, 'the good line was salvaged');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  // Studying goes on and saves.
  await open(page, app.url);
  await page.getByRole('link', { name: 'Start review' }).click();
  await gradeGood(page, 1);
  assert.equal(Object.keys((await savedProgress(page)).progress.cards).length, 2);
  // The backup can be reviewed and what still reads merged back (issue 26: a restore control).
  await page.getByRole('link', { name: 'Progress', exact: true }).first().click();
  await page.getByRole('button', { name: /^Review the backup of / }).click();
  const preview = page.getByRole('region', { name: 'Preview of the backup' });
  assert.match(await preview.textContent(), /^The backup has 1 studied cards, 0 answers/);
  assert.match(await preview.textContent(), /records? in the backup could not be read, or not as written, and will be left out or bounded\./);
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  await page.getByText(/^Done\. You now have 2 studied cards \(before: 2\)/).waitFor();
  assert.deepEqual(page.problems, []);
});

test('an import that could never be saved is refused, and nothing changes (issue 26, defect 5)', async () => {
  const page = await learnerWith(2);
  const before = await savedProgress(page);
  await page.getByRole('link', { name: 'Progress', exact: true }).first().click();
  // 60,000 cards this deck does not have: about 4 MB of card lines, more than the room left
  // once the page fills storage to leave 1 MB.
  const line = (n) => `junk-card-${n}\tr\t30\t5\tmk0y5zsw\tmk0y5zsw\t3\t0`;
  const file = JSON.stringify({
    format: 'interview-prep-progress', version: 2, exported: Date.now(), settings: {}, mocks: [], history: [],
    cards: Array.from({ length: 60000 }, (_, n) => line(n)), answers: [],
  });
  await page.evaluate(() => {
    const chunk = 'x'.repeat(1 << 20);
    let n = 0;
    try { for (;;) localStorage.setItem(`filler-${n++}`, chunk); } catch { /* full */ }
    localStorage.removeItem('filler-0');
  });
  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('region', { name: 'Preview of the file' }).getByRole('button', { name: 'Merge into my progress' }).click();
  assert.match(await page.getByRole('alert').textContent(), /would not fit in this browser's storage .* so nothing was changed/);
  await clearFiller(page);
  assert.deepEqual(await savedProgress(page), before);
  assert.deepEqual(page.problems, []);
});

test('progress saved by a newer version is left alone, with a way to reload', async () => {
  const page = await app.newUser();
  const newer = '{"schema":99,"future":true}';
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: `${STORAGE_PREFIX}progress`, value: newer });
  await page.reload();
  await waitForApp(page);
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /newer version of this app \(format 99\)/);
  assert.equal(await alert.getByRole('button', { name: 'Reload' }).count(), 1);
  await page.getByRole('link', { name: 'Start review' }).click();
  await gradeGood(page, 1);
  assert.deepEqual(await stored(page), { [`${STORAGE_PREFIX}progress`]: newer });
  assert.deepEqual(page.problems, []);
});

test('a full storage: told, nothing lost, export works, and saving resumes when there is room', async () => {
  const page = await learnerWith(1);
  await fillStorage(page);
  await gradeGood(page, 2);
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /Storage is full, so your latest answers are kept in this tab only/);
  const file = await downloadFrom(page, alert.getByRole('button', { name: 'Download my progress' }));
  assert.match(file.name, /^interview-prep-progress-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(file.text);
  assert.equal(exported.format, 'interview-prep-progress');
  assert.equal(exported.answers.length, 3, 'the export holds the answers storage refused');
  await clearFiller(page);
  await gradeGood(page, 1);
  assert.equal(await page.getByRole('alert').count(), 0, 'the notice goes once saving works');
  assert.equal((await savedProgress(page)).progress.reviews.length, 4);
  assert.deepEqual(page.problems, []);
});

test('damaged data that cannot be backed up blocks saving until it is downloaded or discarded', async () => {
  const page = await app.newUser();
  const garbage = `garbage ${'#'.repeat(200_000)}`;
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: `${STORAGE_PREFIX}cards`, value: garbage });
  await fillStorage(page);
  await page.reload();
  await waitForApp(page);
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /could not be copied aside .* nothing will be saved until you download it or discard it/);
  const file = await downloadFrom(page, alert.getByRole('button', { name: 'Download the saved data' }));
  assert.equal(JSON.parse(file.text)[`${STORAGE_PREFIX}cards`], garbage);
  assert.equal((await stored(page))[`${STORAGE_PREFIX}cards`], garbage, 'left in place until discarded');
  await alert.getByRole('button', { name: 'Discard it and save from now on' }).click();
  await clearFiller(page);
  await page.getByRole('link', { name: 'Start review' }).click();
  await gradeGood(page, 1);
  assert.equal(Object.keys((await savedProgress(page)).progress.cards).length, 1);
  assert.deepEqual(page.problems, []);
});

test('storage refused altogether: studying works in memory, and the page says so', async () => {
  const page = await app.page();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await open(page, app.url);
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /This browser does not let the app keep data .*SecurityError.* lost when it closes/);
  await page.getByRole('link', { name: 'Start review' }).click();
  await gradeGood(page, 2);
  await page.getByRole('link', { name: 'Progress' }).click();
  await page.getByText(/Your progress is not being saved in this browser .*; 2 answers exist only in this tab/).waitFor();
  const file = await downloadFrom(page, page.getByRole('main').getByRole('button', { name: 'Download my progress' }));
  assert.equal(JSON.parse(file.text).answers.length, 2);
  assert.deepEqual(page.problems, []);
});

test('export, reset, import: everything comes back, and a wrong file is refused', async () => {
  const page = await learnerWith(3);
  const original = await savedProgress(page);
  await page.getByRole('link', { name: 'Progress' }).click();
  const file = await downloadFrom(page, page.getByRole('main').getByRole('button', { name: 'Download my progress' }));

  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  assert.match(await page.getByRole('group', { name: 'Confirm reset' }).textContent(), /forgets the schedule of 3 cards and 3 answers/);
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByText('All progress was reset.').waitFor();
  const emptied = (await savedProgress(page)).progress;
  assert.deepEqual([Object.keys(emptied.cards).length, emptied.reviews.length], [0, 0]);

  const input = page.getByLabel('Import progress from a file');
  await input.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  assert.match(await page.getByRole('alert').textContent(), /not a progress export from this app/);
  await input.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  const preview = page.getByRole('region', { name: 'Preview of the file' });
  assert.match(await preview.textContent(), /The file has 3 studied cards, 3 answers, 0 mock interviews and 0 days of history\. Merging adds 3 cards/);
  // On a phone the preview appears below the file picker: it is brought on screen, focused
  // (issue 27).
  await page.waitForFunction(() => document.activeElement?.classList.contains('import-preview'));
  const box = await preview.boundingBox();
  assert.ok(box.y >= 0 && box.y < page.viewportSize().height - 40, `the preview is on screen (top at ${box.y})`);
  // Replace names everything it removes and what will be kept (issue 26, defect 8).
  assert.match(await preview.textContent(), /Replacing keeps only the file's: it removes 0 cards, 0 answers, 0 mock interviews and 0 days of history that only this browser has; you then keep 3 cards and 3 answers\./);
  await preview.getByRole('button', { name: 'Replace my progress' }).click();
  await page.getByText(/Done\. You now have 3 studied cards/).waitFor();
  assert.deepEqual(await savedProgress(page), original);
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await savedProgress(page), original, 'and it survives a reload');
  assert.deepEqual(page.problems, []);
});

test('the retention slider saves once, when it is let go, and the setting survives a reload', async () => {
  const page = await app.newUser();
  await open(page, app.url, 'study');
  await page.getByText('Scheduling').click();
  const slider = page.getByRole('slider', { name: /Desired retention/ });
  await slider.fill('80');
  await page.getByText('Desired retention: 80%').waitFor();
  assert.equal((await savedProgress(page)).progress.settings.desired_retention, 0.8);
  await page.reload();
  await waitForApp(page);
  await page.getByText('Scheduling').click();
  await page.getByText('Desired retention: 80%').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a link (and its QR code) carries the schedule to another device, which previews and merges it', async () => {
  const page = await learnerWith(3);
  const sent = (await savedProgress(page)).progress.cards;
  await page.getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('button', { name: 'Make a link for another device' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to your schedule' }).inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/interview-prep\/progress#schedule=[A-Za-z0-9_-]+$/);
  assert.equal(await page.getByRole('img', { name: 'QR code of the link to your schedule' }).count(), 1);

  // The other device: nothing studied yet.
  await page.evaluate(() => localStorage.clear());
  await open(page, app.url);
  await page.goto(link);
  await waitForApp(page);
  const arrival = page.getByRole('region', { name: 'Schedule from another device' });
  assert.match(await arrival.textContent(), /The link has the schedules of 3 cards\. Merging adds 3 cards/);
  await arrival.getByRole('button', { name: 'Merge into my progress' }).click();
  await page.getByText('Merged the schedules of 3 cards from your other device.').waitFor();
  assert.ok(!page.url().includes('#'), 'the schedule leaves the address bar once merged');
  const received = (await savedProgress(page)).progress;
  assert.deepEqual(Object.keys(received.cards).sort(), Object.keys(sent).sort());
  for (const [id, card] of Object.entries(sent)) {
    assert.equal(received.cards[id].phase, card.phase);
    assert.equal(Math.floor(received.cards[id].due / 60000), Math.floor(card.due / 60000));
  }
  assert.equal(received.reviews.length, 0, 'answers stay on the device they were given on');

  await page.goto(`${link.slice(0, -6)}`);
  await waitForApp(page);
  assert.match(await page.getByRole('alert').textContent(), /damaged or cut short/);
  assert.deepEqual(page.problems, []);
});

/** Opens `tabs` pages of one new learner on a review, has each grade 20 cards at once, and
 * returns how many answers each tab then holds and how many storage holds. */
async function gradeAtOnce(tabs) {
  const first = await app.newUser();
  const pages = [first];
  for (let i = 1; i < tabs; i++) pages.push(await app.page());
  await Promise.all(pages.map((page) => open(page, app.url, 'review')));
  await Promise.all(pages.map((page) => gradeInPage(page, 20)));
  // Each tab hears of the others' last writes (the storage event) and writes back what
  // storage lacks; then every tab and storage agree.
  const expected = 20 * tabs;
  const held = [];
  for (const page of pages) {
    await page.waitForFunction(
      ([prefix, expected]) => {
        const head = JSON.parse(localStorage.getItem(`${prefix}progress`) ?? '{}');
        const dir = head.epoch ? `${prefix}e${head.epoch}/` : prefix;
        const answers = Object.keys(localStorage)
          .filter((k) => k.startsWith(`${dir}log/`))
          .flatMap((k) => localStorage.getItem(k).split('\n').filter(Boolean));
        return answers.length >= expected;
      },
      [STORAGE_PREFIX, expected],
      { timeout: 10000 },
    ).catch(() => {});
    held.push((await savedProgress(page)).progress.reviews.length);
  }
  // What each tab holds in memory: its progress page, reached inside the app.
  const shown = [];
  for (const page of pages) {
    await page.getByRole('link', { name: 'Progress', exact: true }).first().click();
    const figure = page.locator('.stat-grid div').filter({ has: page.getByText('Reviews today', { exact: true }) }).locator('dd');
    shown.push(Number((await figure.locator('small').textContent()).match(/^(\d+) in all/)[1]));
    assert.deepEqual(page.problems, []);
  }
  await Promise.all(pages.map((page) => page.close()));
  return { held, shown, expected };
}

test('two and three tabs grading at the same moment keep every answer (issue 26, defect 1)', async () => {
  for (const tabs of [2, 3, 2, 3]) {
    const { held, shown, expected } = await gradeAtOnce(tabs);
    assert.deepEqual(held, Array(tabs).fill(expected), `${tabs} tabs: storage as each tab reads it`);
    assert.deepEqual(shown, Array(tabs).fill(expected), `${tabs} tabs: answers each tab shows`);
  }
});

test('a visit with the clock a year behind changes nothing stored (issue 26, defect 2)', async () => {
  const page = await learnerWith(5);
  const before = await stored(page);
  const yearMs = 365 * 24 * 3600 * 1000;
  await page.addInitScript((yearMs) => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() - yearMs;
  }, yearMs);
  await open(page, app.url, 'progress');
  await page.getByText(/saved reviews? (is|are) dated later than this device's clock shows/).waitFor();
  await open(page, app.url, 'review');
  // The cards studied "later" are due now; grading one adds an answer and moves nothing else.
  assert.deepEqual(await stored(page), before, 'opening pages wrote nothing');
  assert.deepEqual(page.problems, []);
});

/**
 * Decodes every QR code in a PNG screenshot, in a blank page with jsQR (the screenshot is
 * read as an image the way a phone camera's frame would be, pixel for pixel).
 */
async function decodeQr(png) {
  const page = await app.page();
  await page.goto('about:blank');
  await page.addScriptTag({ path: 'node_modules/jsqr/dist/jsQR.js' });
  const text = await page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height);
    return globalThis.jsQR(pixels.data, image.width, image.height)?.data ?? null;
  }, `data:image/png;base64,${png.toString('base64')}`);
  await page.close();
  return text;
}

test('a whole deck studied moves by QR codes a phone screenshot can be read from (issue 26, defect 9)', async () => {
  const page = await app.newUser();
  // Every card of the deck studied: the ids are the build's per-card pages.
  const ids = readdirSync(join(DIST, 'card')).map((file) => file.replace(/\.html$/, ''));
  assert.equal(ids.length, 141);
  const at = Date.now() - 86400000;
  const t36 = (ms) => ms.toString(36);
  const file = JSON.stringify({
    format: 'interview-prep-progress', version: 2, exported: Date.now(), settings: {}, mocks: [], history: [],
    cards: ids.map((id, n) => `${id}\tr\t${10 + n}\t5\t${t36(at + (5 + n % 9) * 86400000)}\t${t36(at)}\t3\t0`),
    answers: [],
  });
  await open(page, app.url, 'progress');
  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('region', { name: 'Preview of the file' }).getByRole('button', { name: 'Replace my progress' }).click();
  await page.getByText(/^Done\. You now have 141 studied cards/).waitFor();

  await page.getByRole('button', { name: 'Make a link for another device' }).click();
  await page.getByText(/Your schedule takes 8 codes of up to 20 cards each/).waitFor();
  const links = [];
  for (let code = 1; code <= 8; code++) {
    const link = await page.getByRole('textbox', { name: `Link ${code} of 8` }).inputValue();
    const qr = page.getByRole('img', { name: `QR code ${code} of 8 of the links to your schedule` });
    await qr.scrollIntoViewIfNeeded();
    // What a phone shows: the whole 390 x 844 screen, at one pixel per CSS pixel.
    const decoded = await decodeQr(await page.screenshot());
    assert.equal(decoded, link, `code ${code} reads back as its link`);
    links.push(decoded);
    if (code < 8) await page.getByRole('button', { name: 'Next code' }).click();
  }

  // The other device (nothing studied) scans them in any order; together they carry every card.
  await page.evaluate(() => localStorage.clear());
  await open(page, app.url);
  for (const link of links.reverse()) {
    await page.goto(link);
    await waitForApp(page);
    await page.getByRole('region', { name: 'Schedule from another device' }).getByRole('button', { name: 'Merge into my progress' }).click();
    await page.getByText(/^Merged the schedules of \d+ cards/).waitFor();
  }
  const received = (await savedProgress(page)).progress;
  assert.equal(Object.keys(received.cards).length, 141);
  assert.deepEqual(page.problems, []);
});

test('a storage that throws something other than a DOMException is named in words (issue 26, defect 10)', async () => {
  const page = await learnerWith(1);
  await page.evaluate(() => {
    Storage.prototype.setItem = function setItem() { throw new TypeError('storage is broken'); };
  });
  await gradeGood(page, 1);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /could not be saved \(storage error: TypeError: storage is broken\); they are kept in this tab/);
  assert.doesNotMatch(text, /wasm-function|JsValue/);
  assert.deepEqual(page.problems, []);
});
