// Saved progress in the browser's real localStorage: unreadable data is kept as a backup and
// reported, never silently dropped, and new reviews then save normally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForThisFile, open, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();

test('unreadable saved progress is backed up and reported, and studying goes on', async () => {
  const page = await app.page();
  await open(page, app.url);
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('interview-prep/progress', '{"schema":1,"progress":{"cards":');
  });
  await page.reload();
  await waitForApp(page);

  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /Saved progress could not be read .*starting fresh\. A copy was kept under "interview-prep\/progress\.backup\.\d+"/);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('interview-prep/progress.backup.')).map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(backups, ['{"schema":1,"progress":{"cards":'], 'the unreadable text is kept as it was');

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);

  await page.getByRole('link', { name: 'Start review' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('interview-prep/progress')));
  assert.equal(Object.keys(saved.progress.cards).length, 1, 'new reviews save over the fresh start');
  assert.deepEqual(page.problems, []);
});

test('progress written by a newer app version is kept, not overwritten', async () => {
  const page = await app.page();
  await open(page, app.url);
  const newer = '{"schema":99,"progress":{"future":true}}';
  await page.evaluate((value) => {
    localStorage.clear();
    localStorage.setItem('interview-prep/progress', value);
  }, newer);
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByRole('alert').textContent(), /newer version of the app \(format 99\)/);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('interview-prep/progress.backup.')).map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, [newer]);
  assert.deepEqual(page.problems, []);
});
