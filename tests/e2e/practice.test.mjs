// Practising one card from its page, and every answer counting: a missed multiple-choice
// question is a lapse, so the card is due again within minutes and a review brings it first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForThisFile, open, savedProgress } from '../support/browser.mjs';

const app = appForThisFile();
const newUser = () => app.newUser();

test('practise one card from its page: a missed question makes the card due', async () => {
  const page = await newUser();
  const id = 'what-is-circuit-breaker-pattern';
  await open(page, app.url, `card/${id}`);
  const title = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  assert.equal(title, '49. What is Circuit Breaker pattern?');
  assert.match(await page.getByRole('article').textContent(), /Not studied yet/);
  const practice = page.getByRole('navigation', { name: 'Practise this card' });
  const modes = await practice.getByRole('link').allTextContents();
  assert.deepEqual(modes.map((t) => t.match(/^(Flip|Type|Fill in|Choose)/)?.[1]), ['Flip', 'Type', 'Fill in', 'Choose']);
  await practice.getByRole('link', { name: /^Choose/ }).click();

  await page.getByText('Practising one card:').waitFor();
  const total = Number(await page.getByRole('progressbar').getAttribute('aria-valuemax'));
  assert.ok(total >= 1);
  const options = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
  assert.equal(await options.count(), 4);
  const texts = await options.allTextContents();
  const wrong = texts.findIndex((t) => !/circuit/i.test(t));
  assert.ok(texts.some((t) => /circuit/i.test(t)), `the concept is an option: ${texts}`);
  await options.nth(wrong).click();
  await page.getByText(/Not quite/).waitFor();
  // A miss comes back before the round ends.
  assert.equal(Number(await page.getByRole('progressbar').getAttribute('aria-valuemax')), total + 1);

  const saved = await savedProgress(page);
  const record = saved.progress.reviews.at(-1);
  assert.equal(record.mode, 'quiz');
  assert.equal(record.grade, 'again');
  assert.equal(saved.progress.cards[id].phase, 'learning:0');

  await open(page, app.url, `card/${id}`);
  assert.match(await page.getByRole('article').textContent(), /Learning · next review in (<1m|1m)/);

  // Five minutes later the card is due, and a review starts with it, before any new card.
  await page.clock.install({ time: Date.now() + 5 * 60_000 });
  await open(page, app.url, `card/${id}`);
  assert.match(await page.getByRole('article').textContent(), /Due for review now/);
  await open(page, app.url, 'review');
  assert.equal((await page.getByRole('heading', { level: 2 }).textContent()).trim(), title);
  assert.deepEqual(page.problems, []);
});

test('a decision-guide item offers only the modes that fit it', async () => {
  const page = await newUser();
  await open(page, app.url, 'card/avoid-orm-complex-queries-needed');
  const practice = page.getByRole('navigation', { name: 'Practise this card' });
  const modes = await practice.getByRole('link').allTextContents();
  // No answer text to type or fill in: flip it, or choose.
  assert.deepEqual(modes.map((t) => t.match(/^(Flip|Type|Fill in|Choose)/)?.[1]), ['Flip', 'Choose']);
  await practice.getByRole('link', { name: /^Flip/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Complex queries needed' }).waitFor();
  await page.getByRole('button', { name: 'Show answer' }).click();
  // Easy graduates it at once; Good would keep it in this sitting as a learning card.
  await page.getByRole('button', { name: /^Easy/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Session complete' }).waitFor();
  assert.equal((await savedProgress(page)).progress.reviews.length, 1);
  assert.deepEqual(page.problems, []);
});

test('fill in one card: a typo is forgiven and shown, a wrong word comes back, both count', async () => {
  const page = await newUser();
  const id = 'what-is-circuit-breaker-pattern';
  await open(page, app.url, `card/${id}`);
  const practice = page.getByRole('navigation', { name: 'Practise this card' });
  await practice.getByRole('link', { name: /^Fill in/ }).click();
  await page.getByText('Practising one card:').waitFor();

  // The reverse card first: the description, without the concept's name.
  const prompt = (await page.getByRole('heading', { level: 2 }).textContent()).trim();
  assert.match(prompt, /prevents cascading failures/);
  assert.doesNotMatch(prompt, /circuit/i);
  const field = page.getByRole('textbox', { name: 'The concept' });
  await field.fill('circut breaker');
  await field.press('Enter');
  assert.match(await page.getByRole('status').textContent(), /Correct, spelled Circuit Breaker/);
  const total = Number(await page.getByRole('progressbar').getAttribute('aria-valuemax'));
  await page.getByRole('button', { name: 'Next' }).click();

  // A cloze next: a wrong word is shown the answer and comes back at the end of the round.
  await page.getByRole('textbox', { name: 'The missing word' }).fill('zzz');
  await page.getByRole('button', { name: 'Check' }).click();
  assert.match(await page.getByRole('status').textContent(), /Not quite\. The answer is/);
  assert.equal(Number(await page.getByRole('progressbar').getAttribute('aria-valuemax')), total + 1);

  const saved = await savedProgress(page);
  const typed = saved.progress.reviews.filter((r) => r.mode === 'typed');
  assert.deepEqual(typed.map((r) => r.grade), ['good', 'again']);
  assert.deepEqual(page.problems, []);
});
