// Browsing the deck in the release build, served under a sub-path as GitHub Pages does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForThisFile, open, waitForApp } from '../support/browser.mjs';

const DECK_TITLE = 'Django, DRF, Microservices & APIs: Definitions + Interview Q&A';
const Q27 = /^27\. Difference between APIView, ViewSet, and GenericAPIView$/;

const app = appForThisFile();

test('home -> section -> card, and Q27 renders its code examples and decision table', async () => {
  const page = await app.page();
  await open(page, app.url);
  await page.getByRole('heading', { level: 1, name: DECK_TITLE }).waitFor();
  assert.match(await page.getByRole('main').textContent(), /141 cards: 68 interview questions, 6 definitions, 48 one-liners and 19 decision-guide items/);

  await page.getByRole('link', { name: /Django REST Framework Questions/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Django REST Framework Questions' }).waitFor();
  await page.getByRole('link', { name: Q27 }).click();
  await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();
  assert.ok(page.url().startsWith(`${app.url}card/`), `card URL under the base: ${page.url()}`);

  const code = page.locator('pre code.language-python');
  assert.equal(await code.count(), 3, 'three python examples');
  assert.match(await code.nth(0).textContent(), /class BookAPIView\(APIView\):/);
  assert.match(await code.nth(2).textContent(), /router\.register\('books', BookViewSet\)/);
  assert.ok((await code.nth(0).locator('.tok-kw').count()) > 0, 'python keywords are highlighted');

  const table = page.getByRole('table');
  assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['Use Case', 'Choose']);
  assert.deepEqual(await table.getByRole('row').nth(1).getByRole('cell').allTextContents(), ['Full control needed', 'APIView']);
  assert.equal(await table.getByRole('row').count(), 4);
  assert.match(await page.getByRole('article').textContent(), /Bottom Line/);
  assert.deepEqual(page.problems, []);
});

test('a card deep link loads directly and survives a reload', async () => {
  const page = await app.page();
  await open(page, app.url, 'card/difference-between-apiview-viewset-and-genericapiview');
  await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();

  await page.getByRole('link', { name: /^Next/ }).click();
  await page.getByRole('heading', { level: 1, name: /^28\. How does DRF handle authentication/ }).waitFor();
  await page.getByRole('link', { name: /^Previous/ }).click();
  await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();
  await page.getByRole('link', { name: 'Django REST Framework Questions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Django REST Framework Questions' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('every card is reachable through the app links and as a fresh deep link', async () => {
  const page = await app.page();
  await open(page, app.url);
  const sectionLinks = page.getByRole('main').getByRole('list').getByRole('link');
  const sectionCount = await sectionLinks.count();
  assert.equal(sectionCount, 14, 'definitions, 4 one-liner lists, the decision guide, 8 question sections');

  const cards = [];
  for (let s = 0; s < sectionCount; s++) {
    await open(page, app.url);
    const link = page.getByRole('main').getByRole('list').getByRole('link').nth(s);
    const sectionName = (await link.locator('.section-title').textContent()).trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: sectionName }).waitFor();
    const cardLinks = page.getByRole('main').locator('.card-list').getByRole('link');
    const n = await cardLinks.count();
    assert.ok(n > 0, `${sectionName} lists its cards`);
    for (let c = 0; c < n; c++) {
      const cardLink = cardLinks.nth(c);
      const name = (await cardLink.textContent()).trim();
      const href = await cardLink.getAttribute('href');
      await cardLink.click();
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      const article = (await page.getByRole('article').textContent()).replace(name, '');
      assert.ok(article.trim().length > 20, `${name} shows its answer`);
      cards.push({ name, href });
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: sectionName }).waitFor();
    }
  }
  assert.equal(cards.length, 141);
  assert.equal(new Set(cards.map((c) => c.href)).size, 141, 'each card has its own URL');
  assert.equal(cards.filter((c) => /^\d+\. /.test(c.name)).length, 68);

  assert.deepEqual(page.problems, []);
  await page.close();

  // A fresh page per batch of deep links: ~140 wasm instantiations in one tab can exhaust
  // Chromium's wasm memory reservations in a headless run (seen once as "Out of memory"),
  // which is a property of the test's tab, not of a person's visit.
  const BATCH = 35;
  for (let start = 0; start < cards.length; start += BATCH) {
    const batchPage = await app.page();
    for (const { name, href } of cards.slice(start, start + BATCH)) {
      assert.ok(href.startsWith(new URL(app.url).pathname), `${href} is under the base path`);
      const response = await batchPage.goto(new URL(href, app.url).href);
      assert.equal(response.status(), 200, `${href} is served as a page of its own`);
      await batchPage.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    }
    assert.deepEqual(batchPage.problems, []);
    await batchPage.close();
  }
  assert.deepEqual(app.server.outsideRequests, [], 'nothing is requested from the site root');
});

test('unknown addresses show a not-found page with a way home', async () => {
  const page = await app.page();
  await open(page, app.url, 'no/such/page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await open(page, app.url, 'card/no-such-card');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.match(await page.getByRole('main').textContent(), /There is no card “no-such-card”/);
  await page.getByRole('link', { name: 'Go to all sections' }).click();
  await page.getByRole('heading', { level: 1, name: DECK_TITLE }).waitFor();
  // The two unknown addresses really are 404s (Chromium logs each one); nothing else went wrong.
  const documentNotFound = 'console error: Failed to load resource: the server responded with a status of 404 (Not Found)';
  assert.deepEqual(page.problems, [documentNotFound, documentNotFound]);
});
