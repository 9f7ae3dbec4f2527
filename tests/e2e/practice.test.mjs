// Practising one card from its page, and every answer counting: a missed multiple-choice
// question is a lapse, so the card is due again within minutes and a review brings it first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, startApp, waitForApp } from '../support/browser.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function newUser() {
  const page = await app.page();
  await open(page, app.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForApp(page);
  return page;
}

const savedProgress = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('interview-prep/progress') ?? 'null'));

test('practise one card from its page: a missed question makes the card due', async () => {
  const page = await newUser();
  // A decision-guide item: its multiple-choice question's right option is the item itself.
  await open(page, app.url, 'card/choose-orm-when-rapid-development-needed');
  const title = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  assert.equal(title, 'Rapid development needed');
  assert.match(await page.getByRole('article').textContent(), /Not studied yet/);
  const practice = page.getByRole('navigation', { name: 'Practise this card' });
  // A guide item has no answer text to type or fill in: flip it, or choose.
  const modes = await practice.getByRole('link').allTextContents();
  assert.deepEqual(modes.map((t) => t.match(/^(Flip|Type|Fill in|Choose)/)?.[1]), ['Flip', 'Choose']);
  await practice.getByRole('link', { name: /^Choose/ }).click();

  await page.getByText('Practising one card:').waitFor();
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuemax'), '1');
  const options = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
  assert.equal(await options.count(), 4);
  const texts = (await options.allTextContents()).map((t) => t.replace(/^\d/, '').trim());
  const wrong = texts.findIndex((t) => t !== title);
  await options.nth(wrong).click();
  await page.getByText(/Not quite/).waitFor();
  // A miss comes back before the round ends.
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuemax'), '2');

  const saved = await savedProgress(page);
  const record = saved.progress.reviews.at(-1);
  assert.equal(record.mode, 'quiz');
  assert.equal(record.grade, 'again');
  const id = 'choose-orm-when-rapid-development-needed';
  assert.equal(saved.progress.cards[id].phase, 'learning:0');

  await open(page, app.url, `card/${id}`);
  assert.match(await page.getByRole('article').textContent(), /Learning · next review in 1m/);

  // Five minutes later the card is due, and a review starts with it, before any new card.
  await page.clock.install({ time: Date.now() + 5 * 60_000 });
  await open(page, app.url, `card/${id}`);
  assert.match(await page.getByRole('article').textContent(), /Due for review now/);
  await open(page, app.url, 'review');
  assert.equal((await page.getByRole('heading', { level: 2 }).textContent()).trim(), title);
  assert.deepEqual(page.problems, []);
});
