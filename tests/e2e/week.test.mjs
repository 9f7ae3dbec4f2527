// The week before the interview (issue 27), on a phone (390 x 844): one count everywhere, a time
// estimate before a sitting, when to come back, practice kept apart from reviews, end screens that
// open on their result, a quiz that says why it grew, and a mock interview that can end early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForThisFile, open, savedProgress } from '../support/browser.mjs';
import { itemByStem } from '../support/practice.mjs';

const app = appForThisFile();
const newUser = () => app.newUser();
const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();
const sittingCounts = (page) => text(page.getByLabel('Cards left in this sitting'));

/** Sets the daily new-card limit on the study page, as a person does. */
async function setNewCardsPerDay(page, count) {
  await open(page, app.url, 'study');
  await page.getByText('Scheduling').click();
  await page.getByRole('spinbutton', { name: 'New cards per day' }).fill(String(count));
  await page.getByRole('spinbutton', { name: 'New cards per day' }).press('Tab');
}

/** Whether `locator`'s top edge is on screen, below the sticky header. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const header = await page.locator('header').first().boundingBox();
  const viewport = page.viewportSize();
  return box !== null && box.y >= (header?.height ?? 0) - 1 && box.y + 10 < viewport.height;
}

/** Scrolls to the bottom as a thumb does while answering, so an end screen has to bring its result back. */
const scrollToBottom = (page) => page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));

test('home, the study page and the sitting show one count, right after a sitting too', async () => {
  const page = await newUser();
  assert.match(await text(page.locator('.study-cta')), /^20 new · 0 learning · 0 to review today, about 10 minutes\./,
    '20 new cards, two answers each, 15 s an answer before there are enough answers to measure');
  await page.getByRole('link', { name: 'Start review' }).click();
  assert.equal(await sittingCounts(page), '20 new · 0 learning · 0 to review');
  // Seven cards Good once, one Again: all eight on learning steps that come back within minutes.
  for (let i = 0; i < 8; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: i === 3 ? /^Again/ : /^Good/ }).click();
  }
  assert.equal(await sittingCounts(page), '12 new · 8 learning · 0 to review');
  await open(page, app.url);
  assert.match(await text(page.locator('.study-cta')), /^12 new · 8 learning · 0 to review today, about \d+ minutes?\./);
  await open(page, app.url, 'study');
  assert.match(await text(page.locator('.mode-primary')), /12 new · 8 learning · 0 to review, about \d+ minutes?/);
  // A fresh sitting (another tab) opens with the same counts.
  const other = await app.page();
  await open(other, app.url, 'review');
  assert.equal(await sittingCounts(other), '12 new · 8 learning · 0 to review');
  await other.close();
  assert.deepEqual(page.problems, []);
});

test('a finished day says when to come back, and home offers something useful instead of an empty review', async () => {
  const page = await newUser();
  await setNewCardsPerDay(page, 2);
  await open(page, app.url);
  await page.getByRole('link', { name: 'Start review' }).click();
  // Two new cards, each Good through both learning steps (the second step comes back within the
  // sitting: learn-ahead).
  for (let answers = 0; answers < 4; answers++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
  }
  // The sitting shows the learning cards ahead of time (learn-ahead), so it ends once both
  // graduate: the summary says when they come back.
  await page.getByRole('heading', { level: 2, name: 'Session complete' }).waitFor();
  const next = page.locator('.summary .come-back');
  assert.match(await text(next), /^Next: 2 cards (tomorrow (morning|afternoon|evening)|on \w+day)\.$/);
  assert.ok(await inView(page, page.getByRole('heading', { level: 2, name: 'Session complete' })), 'the result is in view');

  await open(page, app.url);
  const cta = page.locator('.study-cta');
  assert.match(await text(cta), /^Nothing to review right now\./);
  assert.match(await text(cta.locator('.come-back')), /^Next: 2 cards/);
  assert.equal(await page.getByRole('link', { name: 'Start review' }).count(), 0, 'no button to an empty review');
  const meanwhile = cta.locator('a.primary-link');
  assert.equal(await meanwhile.textContent(), 'Learn 10 more new cards today');
  await meanwhile.click();
  assert.equal(await sittingCounts(page), '10 new · 0 learning · 0 to review');
  // The study page says the same.
  await open(page, app.url, 'study');
  assert.match(await text(page.locator('.mode-primary')), /Nothing to review right now/);
  assert.match(await text(page.locator('.come-back')), /^Next: 2 cards/);
  assert.deepEqual(page.problems, []);
});

test('practice answers are shown apart from reviews on the progress page', async () => {
  const page = await newUser();
  await open(page, app.url, 'quiz?card=what-is-circuit-breaker-pattern');
  await page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio').first().click();
  await page.getByRole('button', { name: 'Next question' }).waitFor();
  await open(page, app.url, 'review');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await open(page, app.url, 'progress');
  const figure = (term) => text(page.locator('.stat-grid div').filter({ has: page.getByText(term, { exact: true }) }).locator('dd'));
  const tile = (term) => page.locator('.stat-grid div').filter({ has: page.getByText(term, { exact: true }) });
  const [reviews, practice] = [tile('Reviews today'), tile('Practice today')];
  assert.equal(await reviews.locator('dd').evaluate((dd) => dd.firstChild.textContent), '1');
  assert.equal(await text(reviews.locator('small')), '1 in all');
  assert.equal(await practice.locator('dd').evaluate((dd) => dd.firstChild.textContent), '1');
  assert.equal(await text(practice.locator('small')), 'quiz, drill and fill-in: 1 in all');
  assert.match(await figure('Cards studied'), /^1 of 141/, 'the quiz answer on a card never studied leaves it new');
  assert.deepEqual(page.problems, []);
});

test('a quiz says how many misses come back, and its end opens on the score', async () => {
  const page = await newUser();
  const id = 'what-is-circuit-breaker-pattern';
  await open(page, app.url, `quiz?card=${id}`);
  const waiting = page.locator('.retries-waiting');
  assert.equal(await text(waiting), '');
  // Miss the first question: it is to be tried again, and the round says so.
  const options = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
  const item = itemByStem(await page.locator('#quiz-stem').textContent());
  const texts = (await options.allTextContents()).map((t) => t.replace(/^\d/, '').trim());
  const wrong = texts.findIndex((t) => item.options.some((o) => !o.right && o.text === t));
  await options.nth(wrong).click();
  assert.equal(await text(waiting), '1 to try again: what you miss comes back before the round ends.');
  // Answer the rest right (the retry included) until the round ends.
  for (let i = 0; i < 12; i++) {
    await page.getByRole('button', { name: 'Next question' }).click();
    if (await page.getByRole('heading', { level: 2, name: 'Quiz complete' }).isVisible()) break;
    const now = itemByStem(await page.locator('#quiz-stem').textContent());
    const shown = (await options.allTextContents()).map((t) => t.replace(/^\d/, '').trim());
    await scrollToBottom(page);
    await options.nth(shown.findIndex((t) => now.options.some((o) => o.right && o.text === t))).click();
  }
  const heading = page.getByRole('heading', { level: 2, name: 'Quiz complete' });
  await heading.waitFor();
  assert.ok(await inView(page, heading), 'the heading is on screen');
  assert.ok(await inView(page, page.locator('.summary .score')), 'the score is on screen');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'New quiz', 'the next action is focused');
  assert.deepEqual(page.problems, []);
});

test('fill-in, recall and drill end screens open on their result', async () => {
  const page = await newUser();
  // Fill in one card: type nothing useful, then move on until the end.
  await open(page, app.url, 'fill-in?card=what-are-django-signals-and-when-to-use-them');
  for (let i = 0; i < 12; i++) {
    if (await page.getByRole('heading', { level: 2, name: 'Fill-in complete' }).isVisible()) break;
    await page.getByRole('textbox', { name: 'The missing term' }).fill('x');
    await page.getByRole('button', { name: 'Check' }).click();
    await scrollToBottom(page);
    await page.getByRole('button', { name: 'Next' }).click();
  }
  let heading = page.getByRole('heading', { level: 2, name: 'Fill-in complete' });
  await heading.waitFor();
  assert.ok(await inView(page, heading), 'fill-in: the heading is on screen');
  assert.ok(await inView(page, page.locator('.summary .score')), 'fill-in: the score is on screen');

  // Typed recall of one card.
  await open(page, app.url, 'recall?card=what-is-circuit-breaker-pattern');
  await page.getByRole('textbox', { name: 'Your answer' }).fill('It stops calls to a failing service for a while.');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await scrollToBottom(page);
  await page.getByRole('button', { name: /^Good/ }).click();
  heading = page.getByRole('heading', { level: 2, name: 'Recall complete' });
  await heading.waitFor();
  assert.ok(await inView(page, heading), 'recall: the heading is on screen');

  // A whole drill.
  await open(page, app.url, 'drill');
  await page.getByRole('button', { name: /ORM: choose or avoid\?/ }).click();
  for (let i = 0; i < 60; i++) {
    if (await page.getByRole('heading', { level: 2, name: 'Drill complete' }).isVisible()) break;
    await page.keyboard.press('1');
    await scrollToBottom(page);
    await page.keyboard.press('Enter');
  }
  heading = page.getByRole('heading', { level: 2, name: 'Drill complete' });
  await heading.waitFor();
  assert.ok(await inView(page, heading), 'drill: the heading is on screen');
  assert.ok(await inView(page, page.locator('.summary .score')), 'drill: the score is on screen');
  assert.deepEqual(page.problems, []);
});

test('a mock interview focuses its notes, can end early, and its report opens on the score', async () => {
  const page = await newUser();
  await open(page, app.url, 'mock');
  await page.getByRole('spinbutton', { name: 'Number of questions' }).fill('6');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  const notes = page.getByRole('textbox', { name: 'Notes (optional)' });
  await notes.waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await page.keyboard.type('Opens after failures');
  assert.equal(await notes.inputValue(), 'Opens after failures', 'typing starts in the notes');
  for (const judgement of ['Nailed it', 'Missed it']) {
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await scrollToBottom(page);
    await page.getByRole('button', { name: judgement }).click();
  }
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  // Third question: its answer shown, then the learner stops.
  await page.getByRole('button', { name: 'Show model answer' }).click();
  await scrollToBottom(page);
  await page.getByRole('button', { name: 'End the interview here' }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Interview report' });
  await heading.waitFor();
  const main = await text(page.getByRole('main'));
  assert.match(main, /Score: 50%/);
  assert.match(main, /Ended early: 2 of 6 questions answered\./);
  assert.match(main, /1 nailed, 0 partly, 1 missed of 2/);
  assert.ok(await inView(page, page.locator('.summary .score')), 'the score is on screen');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'New interview');
  const saved = (await savedProgress(page)).progress;
  assert.deepEqual({ ...saved.mocks[0], at: 0 }, { at: 0, n: 2, nailed: 1, partly: 0, missed: 1, score: 50 });
  assert.equal(saved.reviews.filter((r) => r.mode === 'mock').length, 2, 'the open question is not judged');
  assert.deepEqual(page.problems, []);
});

test('after "Next" the question starts at the top, clear of the sticky header', async () => {
  const page = await newUser();
  await open(page, app.url, 'quiz');
  const options = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
  await options.first().click();
  await scrollToBottom(page);
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.waitForFunction(() => window.scrollY === 0);
  assert.ok(await inView(page, page.getByRole('heading', { level: 1 })), 'the h1 is below the header');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'radio', 'the first option is focused');
  assert.deepEqual(page.problems, []);
});

test('a sitting names the cards forgotten in it apart from all weak cards', async () => {
  const page = await newUser();
  await open(page, app.url, 'review?card=what-is-circuit-breaker-pattern');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Again/ }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Session complete' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Forgotten this sitting (1)' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: /Worth another look/ }).count(), 0);
  const weak = page.getByRole('link', { name: /^Go over all \d+ weak cards?/ });
  if (await weak.count()) assert.match(await weak.textContent(), /in any sitting/);
  assert.deepEqual(page.problems, []);
});

test('search suggests only what could be a misspelling', async () => {
  const page = await newUser();
  await open(page, app.url, 'search?q=celery');
  await page.getByText(/No cards match/).waitFor();
  assert.equal(await page.getByText(/Did you mean/).count(), 0, '"celery" is not a misspelling of "every"');
  await open(page, app.url, 'search?q=paginashun');
  await page.getByText(/Did you mean/).waitFor();
  assert.match(await text(page.getByRole('main')), /pagination/);
  assert.deepEqual(page.problems, []);
});

test('commands in an answer are shown as code', async () => {
  const page = await newUser();
  await open(page, app.url, 'card/how-do-you-create-a-django-project');
  const code = page.getByRole('article').locator('.prose code');
  assert.deepEqual(await code.allTextContents(), ['django-admin startproject project_name']);
  assert.deepEqual(page.problems, []);
});

test('"?" opens every keyboard shortcut on one sheet; Escape closes it', async () => {
  const page = await newUser();
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, app.url, 'study');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.waitFor();
  const words = await text(sheet);
  for (const screen of ['Everywhere', 'Flashcard review', 'Multiple choice', 'Classification drill', 'Fill in', 'Typed recall', 'Mock interview']) {
    assert.ok(words.includes(screen), `${screen} is on the sheet`);
  }
  const pairs = await sheet.locator('.shortcut-list div').evaluateAll((rows) => rows.map((row) => `${row.querySelector('dt').textContent} = ${row.querySelector('dd').textContent}`));
  assert.ok(pairs.includes('/ = Search'), pairs.join('; '));
  assert.ok(pairs.includes('Space = Show answer'), pairs.join('; '));
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
  // Typing "?" in the search field is a question mark, not the sheet.
  const field = page.getByRole('searchbox', { name: 'Search cards' });
  await field.click();
  await page.keyboard.type('what?');
  assert.equal(await field.inputValue(), 'what?');
  assert.equal(await sheet.isVisible(), false);
  // The footer's button opens it too, on a phone as well.
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, app.url);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await sheet.waitFor();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await sheet.waitFor({ state: 'hidden' });
  assert.deepEqual(page.problems, []);
});

test('the pager shows the whole title of the next and previous card on a phone', async () => {
  const page = await newUser();
  // A card whose neighbours have long titles.
  await open(page, app.url, 'card/what-are-database-views-in-django');
  for (const which of ['.pager-next .pager-title', '.pager-prev .pager-title']) {
    const clipped = await page.locator(which).evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    assert.equal(clipped, false, `${which} is whole`);
  }
  assert.match(await text(page.locator('.pager-next')), /16\. How do you create and use database views in Django\?/);
  assert.deepEqual(page.problems, []);
});

test('one spelling: "Practice", never "Practise", on the screens a learner meets', async () => {
  const page = await newUser();
  for (const path of ['card/what-is-circuit-breaker-pattern', 'quiz?card=what-is-circuit-breaker-pattern', 'search?q=serializer', 'study']) {
    await open(page, app.url, path);
    const words = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' '));
    assert.doesNotMatch(words, /Practis/, path);
  }
  assert.deepEqual(page.problems, []);
});

test('a review is due on its day: the morning count and sitting hold it before its minute', async () => {
  const page = await newUser();
  await open(page, app.url, 'review?card=what-is-circuit-breaker-pattern');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Easy/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Session complete' }).waitFor();
  const due = Object.values((await savedProgress(page)).progress.cards)[0].due;
  // One minute into the local day it falls due (before its minute, unless it is due at midnight).
  const morning = await page.evaluate((due) => {
    const d = new Date(due);
    d.setHours(0, 1, 0, 0);
    return d.getTime();
  }, due);
  assert.ok(morning < due, 'the card is due later that day');
  await page.clock.install({ time: morning });
  await open(page, app.url);
  await setNewCardsPerDay(page, 0);
  await open(page, app.url);
  assert.match(await text(page.locator('.study-cta')), /^0 new · 0 learning · 1 to review today/);
  await open(page, app.url, 'card/what-is-circuit-breaker-pattern');
  assert.match(await text(page.getByRole('article')), /Due for review today/);
  await open(page, app.url, 'review');
  assert.equal(await sittingCounts(page), '0 new · 0 learning · 1 to review');
  assert.deepEqual(page.problems, []);
});

test('a quiz asks ten different cards before any comes back', async () => {
  const page = await newUser();
  await open(page, app.url, 'quiz');
  const cards = [];
  const stems = [];
  for (let i = 0; i < 10; i++) {
    const stem = await page.locator('#quiz-stem').textContent();
    stems.push(stem);
    const item = itemByStem(stem);
    cards.push(item.card);
    const options = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
    const shown = (await options.allTextContents()).map((t) => t.replace(/^\d/, '').trim());
    await options.nth(Math.max(0, shown.findIndex((t) => item.options.some((o) => o.right && o.text === t)))).click();
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  assert.equal(new Set(cards).size, 10, cards.join(', '));
  assert.equal(new Set(stems).size, 10);
  await page.getByRole('heading', { level: 2, name: 'Quiz complete' }).waitFor();
  assert.deepEqual(page.problems, []);
});
