// The single-file build (issue 16): dist/interview-prep.html opened from disk (file://) runs the
// whole app with nothing fetched from anywhere, moves between pages (Back and reload included,
// the path kept in the fragment), and remembers progress across visits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appForThisFile, DIST, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();
const FILE = pathToFileURL(resolve(DIST, 'interview-prep.html')).href;
const DRF = 'Django REST Framework Questions';
const Q27 = /^27\. Difference between APIView, ViewSet, and GenericAPIView$/;

test('the single HTML file works from disk: pages, Back, reload, studying, and progress kept', async () => {
  const page = await app.page();
  const fetched = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto(FILE);
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /^Django, DRF, Microservices/ }).waitFor();

  await page.getByRole('link', { name: new RegExp(DRF) }).click();
  await page.getByRole('heading', { level: 1, name: DRF }).waitFor();
  await page.getByRole('link', { name: Q27 }).click();
  await page.getByRole('heading', { level: 1, name: Q27 }).waitFor();
  assert.equal(page.url(), `${FILE}#/card/difference-between-apiview-viewset-and-genericapiview`);
  assert.equal(await page.locator('pre code.language-python').count(), 3);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: DRF }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: DRF }).waitFor();

  await page.getByRole('link', { name: 'Study', exact: true }).click();
  await page.getByRole('link', { name: /Flashcard review/ }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();

  // The practice screens' question bank is inside the file too (a data: URL, not a fetch
  // beside it, which file:// refuses).
  await page.goto(`${FILE}#/quiz`);
  await waitForApp(page);
  await page.locator('#quiz-stem').waitFor();
  assert.ok((await page.locator('#quiz-stem').textContent()).trim().length > 20, 'a question from the bank');

  // Closed and opened again: the answer is remembered.
  await page.close();
  const again = await app.page();
  await again.goto(`${FILE}#/progress`);
  await waitForApp(again);
  await again.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  assert.match(await again.getByRole('main').textContent(), /1 answer/);

  const elsewhere = fetched.filter((url) => !/^(file|blob|data):/.test(url));
  assert.deepEqual(elsewhere, [], 'everything is inside the file');

  // A re-downloaded copy under another name, in another folder, opens with the same progress
  // (issue 26, defect 6), and offers no device link it cannot make work.
  const folder = mkdtempSync(join(tmpdir(), 'prep-copy-'));
  const copy = join(folder, 'interview-prep (1).html');
  copyFileSync(resolve(DIST, 'interview-prep.html'), copy);
  await again.goto(`${pathToFileURL(copy).href}#/progress`);
  await waitForApp(again);
  await again.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  assert.match(await again.getByRole('main').textContent(), /1 answer/);
  assert.equal(await again.getByRole('button', { name: 'Make a link for another device' }).count(), 0);
  await again.getByText(/a link to it would not open anywhere else/).waitFor();
  assert.deepEqual(again.problems, []);
});
