// The README's screenshots (docs/screenshots/), made from the release build by this test, so they
// always show the app as it is: a review with its answer shown on a phone (390x844) and a card on
// a desktop (1366x900), each in the light and the dark theme. Each screen is checked to fit its
// width before it is taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { appForThisFile, open } from '../support/browser.mjs';

const app = appForThisFile();
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

const fitsItsWidth = (page) =>
  page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth);

async function shoot(page, name) {
  assert.ok(await fitsItsWidth(page), `${name}: nothing scrolls sideways`);
  const path = `${DIR}/${name}.png`;
  await page.screenshot({ path });
  assert.ok(statSync(path).size > 10_000, `${name}: a real screenshot`);
}

for (const theme of ['light', 'dark']) {
  test(`phone, ${theme}: a review with its answer shown`, async () => {
    const page = await app.newUser();
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await page.getByRole('link', { name: 'Start review' }).click();
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, `phone-${theme}`);
    assert.deepEqual(page.problems, []);
  });

  test(`desktop, ${theme}: a card with code and a table`, async () => {
    const page = await app.page();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await open(page, app.url, 'card/difference-between-apiview-viewset-and-genericapiview');
    await shoot(page, `desktop-${theme}`);
    assert.deepEqual(page.problems, []);
  });
}
