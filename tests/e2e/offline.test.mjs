// Offline (issue 16): after one visit the service worker has every file of the build, so the app
// loads and works with the network off, deep links and reloads included; a new deploy is taken
// whole, after the person chooses to reload, and the page says it was updated; the app is
// installable. The bundle is served from a copy, so the test can deploy a new build over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appForThisFile, DIST, open, savedProgress, waitForApp } from '../support/browser.mjs';

const served = mkdtempSync(join(tmpdir(), 'prep-offline-'));
cpSync(DIST, served, { recursive: true });
const app = appForThisFile({ serviceWorkers: 'allow', dir: served });

const Q27_PATH = 'card/difference-between-apiview-viewset-and-genericapiview';
const Q27 = /^27\. Difference between APIView, ViewSet, and GenericAPIView$/;

/** Waits until a service worker with the whole build cached controls the page. */
async function waitForOfflineCopy(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The build a page runs: its wasm file's hashed name. */
const buildOf = (page) =>
  page.evaluate(() => document.querySelector('link[rel="preload"][as="fetch"]').getAttribute('href'));

test('after one visit the app loads and works offline: deep links, reloads, studying, unknown paths', async () => {
  const page = await app.page();
  await open(page, app.url);
  await waitForOfflineCopy(page);

  await app.context.setOffline(true);
  try {
    await page.goto(app.url + Q27_PATH);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();
    assert.equal(await page.locator('pre code.language-python').count(), 3, 'the rendered answer, offline');
    await page.reload();
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();

    // A study screen reached by a deep link with a query, offline, and an answer saved.
    await page.goto(`${app.url}review?card=difference-between-apiview-viewset-and-genericapiview`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    const saved = await savedProgress(page);
    assert.equal(saved.progress.reviews.length, 1, 'the answer is saved offline');

    await page.goto(app.url + 'no/such/page');
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  } finally {
    await app.context.setOffline(false);
  }
  assert.deepEqual(page.problems, []);
});

test('a deck brought to the browser opens and studies offline, and another can be imported offline', async () => {
  const page = await app.page();
  await open(page, app.url, 'import');
  await waitForOfflineCopy(page);
  const deck = '# Offline notes\n\n## Basics\n\n### 1. What is a migration?\n\nA versioned change to the schema.\n';
  await page.getByLabel('Choose a file').setInputFiles({ name: 'offline.md', mimeType: 'text/markdown', buffer: Buffer.from(deck) });
  await page.getByRole('heading', { level: 2, name: 'Preview: Offline notes' }).waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await page.waitForURL(/\/d\/offline\/$/);
  await waitForApp(page);

  await app.context.setOffline(true);
  try {
    // Its pages (served by the cached 404.html, as every address under /d/ is) and its cards.
    await page.goto(`${app.url}d/offline/card/what-is-a-migration`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: /What is a migration\?/ }).waitFor();
    await page.goto(`${app.url}d/offline/review`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':deck/offline/')));
    assert.ok(keys.length > 0, 'the answer is saved offline, under the deck');
    // The compile worker was fetched once (by the import above), so importing works offline too.
    await open(page, app.url, 'import');
    await page.getByLabel('Questions and answers').fill('Q: What is squashing?\nA: Merging many migrations into one.\n');
    await page.getByRole('button', { name: 'Read the pasted text' }).click();
    await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 30000 });
  } finally {
    await app.context.setOffline(false);
  }
  // The only console errors are the 404 status of the /d/ addresses (served by 404.html).
  assert.deepEqual(page.problems.filter((p) => !/status of 404/.test(p)), []);
});

test('the app is installable: a manifest under the sub-path, icons, and a service worker', async () => {
  const page = await app.page();
  await open(page, app.url);
  await waitForOfflineCopy(page);
  const cdp = await app.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'Chromium finds nothing against installing it');
  const manifest = await (await page.request.get(new URL('manifest.webmanifest', app.url).href)).json();
  const base = new URL(app.url).pathname;
  assert.equal(new URL(manifest.start_url, app.url).pathname, base);
  assert.equal(new URL(manifest.scope, app.url).pathname, base);
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.sizes === '192x192' && i.purpose === 'any'));
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'any'));
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, app.url).href);
    assert.equal(response.headers()['content-type'], 'image/png', icon.src);
  }
  await cdp.detach();
  assert.deepEqual(page.problems, []);
});

/**
 * A new build over the served copy, as a deploy would put it: the wasm and its glue under new
 * hashed names (the old ones gone from the server), every page and the service worker pointing
 * at them, and a new version.
 */
function deployNewBuild() {
  const wasm = readdirSync(served).find((f) => f.endsWith('_bg.wasm'));
  const glue = wasm.replace('_bg.wasm', '.js');
  const renamed = [
    [wasm, wasm.replace('interview-prep-', 'interview-prep-2')],
    [glue, glue.replace('interview-prep-', 'interview-prep-2')],
  ];
  for (const [from, to] of renamed) renameSync(join(served, from), join(served, to));
  const textFiles = readdirSync(served, { recursive: true }).filter((f) => /\.(html|js)$/.test(f));
  for (const file of textFiles) {
    const path = join(served, file);
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of renamed) text = text.replaceAll(from, to);
    if (file === 'sw.js') text = text.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "2$1"');
    writeFileSync(path, text);
  }
  return renamed[0][1];
}

test('a new deploy is offered, then taken whole, with an "updated" notice', async () => {
  const page = await app.page();
  await open(page, app.url);
  await waitForOfflineCopy(page);
  const before = await buildOf(page);
  const newWasm = deployNewBuild();

  // The next visit still runs the build it has, whole (its files are gone from the server),
  // and offers the new one.
  await page.goto(app.url + Q27_PATH);
  await waitForApp(page);
  assert.equal(await buildOf(page), before);
  const offer = page.getByRole('status').filter({ hasText: 'A new version is ready.' });
  await offer.waitFor();
  await offer.getByRole('button', { name: 'Reload' }).click();

  await page.getByRole('status').filter({ hasText: 'Updated to the latest version.' }).waitFor();
  await waitForApp(page);
  assert.ok((await buildOf(page)).endsWith(newWasm), 'the new build runs');
  await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `only the new version's cache is kept: ${caches}`);
  await page.getByRole('button', { name: 'OK' }).click();
  assert.equal(await page.getByRole('status').filter({ hasText: 'Updated' }).count(), 0);
  assert.deepEqual(page.problems, []);
});
