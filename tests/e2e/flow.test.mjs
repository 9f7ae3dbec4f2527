// A study sitting that flows, as a new learner meets it on a phone: interview questions from
// the first sitting, a section in one tap, undo, honest counts, no dead end after a sitting,
// and a filter that is remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForThisFile, open, savedProgress, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();
const newUser = () => app.newUser();

/** Sets the daily new-card limit on the study page, as a person does (saved when the field is left). */
async function setNewCardsPerDay(page, count) {
  await open(page, app.url, 'study');
  await page.getByText('Scheduling').click();
  await page.getByRole('spinbutton', { name: 'New cards per day' }).fill(String(count));
  await page.getByRole('spinbutton', { name: 'New cards per day' }).press('Tab');
}
const eyebrow = (page) => page.getByRole('article').locator('.eyebrow').textContent();
const prompt = async (page) => (await page.getByRole('heading', { level: 2 }).textContent()).trim();

test('a first sitting opens with an interview question and says New / Learning / Review', async () => {
  const page = await newUser();
  await page.getByRole('link', { name: 'Start review' }).click();
  assert.equal((await eyebrow(page)).trim(), 'Interview question');
  const counts = page.getByLabel('Cards left in this sitting');
  assert.equal((await counts.textContent()).replace(/\s+/g, ' '), '20 new · 0 learning · 0 to review');
  // Every kind turns up within the first sitting's first dozen cards.
  const kinds = new Set();
  for (let i = 0; i < 12; i++) {
    kinds.add((await eyebrow(page)).trim().split(' · ')[0]);
    await page.getByRole('button', { name: 'Show answer' }).click();
    if (i === 0) {
      assert.match(await page.getByText(/^Again: forgot/).textContent(), /Good: recalled/, 'grades explained the first time');
    }
    await page.getByRole('button', { name: /^Good/ }).click();
  }
  assert.ok(kinds.has('Interview question') && kinds.size >= 3, [...kinds].join(', '));
  assert.equal((await counts.textContent()).replace(/\s+/g, ' '), '8 new · 12 learning · 0 to review');
  // 12 answered; 8 new cards need two answers each, the 12 learning ones one more.
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '12');
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuemax'), String(12 + 8 * 2 + 12));
  // The study page says the order in one sentence, and it can be changed.
  await open(page, app.url, 'study');
  await page.getByText(/New cards mix the four kinds in proportion/).waitFor();
  await page.getByRole('radio', { name: 'Reading order' }).check();
  await page.getByText(/New cards come in the order of the content/).waitFor();
  assert.deepEqual(page.problems, []);
});

test('one tap studies a section from its page, without changing the saved selection', async () => {
  const page = await newUser();
  await open(page, app.url, 'section/django-rest-framework-questions');
  const inSection = new Set(
    (await page.locator('.card-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .map((href) => href.split('/card/')[1]),
  );
  const study = page.getByRole('navigation', { name: 'Study this section' });
  await study.getByRole('link', { name: 'Review' }).click();
  await page.getByText(/One section: /).waitFor();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
  }
  const reviewed = (await savedProgress(page)).progress.reviews.map((r) => r.card);
  assert.equal(reviewed.length, 3);
  for (const id of reviewed) assert.ok(inSection.has(id), `${id} is in the section`);
  // The saved selection is still everything.
  await open(page, app.url, 'study');
  const sections = page.getByRole('group', { name: 'Sections' }).getByRole('checkbox');
  assert.equal(await sections.count(), 14);
  for (const box of await sections.all()) assert.ok(await box.isChecked());
  // Kinds too: the home page links each kind to its page, one tap from studying it.
  await open(page, app.url);
  await page.getByRole('link', { name: '6 definitions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Definitions' }).waitFor();
  await page.getByRole('navigation', { name: 'Study the definitions' }).getByRole('link', { name: 'Review' }).click();
  assert.equal((await eyebrow(page)).trim(), 'Define the term');
  assert.deepEqual(page.problems, []);
});

test('undo takes back a mis-tapped grade exactly, with the key or the button, across a reload', async () => {
  const page = await newUser();
  await open(page, app.url, 'review');
  const undo = page.getByRole('button', { name: 'Undo' });
  assert.ok(await undo.isDisabled(), 'nothing to undo yet');
  const first = await prompt(page);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  const afterGood = await savedProgress(page);
  const second = await prompt(page);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Again/ }).click(); // the mis-tap
  assert.equal((await savedProgress(page)).progress.reviews.length, 2);

  await page.keyboard.press('u');
  assert.equal(await prompt(page), second, 'the card is back');
  await page.getByRole('group', { name: 'How well did you remember?' }).waitFor(); // answer shown
  assert.deepEqual(await savedProgress(page), afterGood, 'schedule and log exactly as before');

  await undo.click();
  assert.equal(await prompt(page), first);
  assert.equal((await savedProgress(page)).progress.reviews.length, 0);
  await page.keyboard.press('Control+z');
  await page.getByText('There is nothing to undo in this sitting.').waitFor();

  await page.reload();
  await waitForApp(page);
  const saved = await savedProgress(page);
  assert.deepEqual(saved.progress.cards, {}, 'the undone grades stay undone after a reload');
  assert.deepEqual(page.problems, []);
});

test('after the day\u2019s new cards, the way on is one Enter away: learn more, cram', async () => {
  const page = await newUser();
  await setNewCardsPerDay(page, 2);
  await open(page, app.url, 'review');
  // Two new cards, each Good on both learning steps: four answers, as the bar said.
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuemax'), '4');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await page.getByRole('heading', { name: 'Session complete' }).waitFor();
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuemax'), '4');
  const next = page.getByRole('region', { name: 'What next?' }).getByRole('link');
  const labels = await next.allTextContents();
  assert.match(labels[0], /^Learn 10 more new cards today/);
  assert.ok(labels.some((l) => /^(Quiz on|Fill in|Write the answers to) these 2 cards/.test(l)), labels.join(' | '));
  assert.ok(labels.some((l) => /^Start “/.test(l)), labels.join(' | '));
  assert.ok(labels.some((l) => /^Cram all 141 selected cards/.test(l)), labels.join(' | '));
  // The first is focused: Enter takes it.
  await page.keyboard.press('Enter');
  await page.getByText('10 more than today\u2019s limit').waitFor();
  assert.equal((await page.getByLabel('Cards left in this sitting').textContent()).replace(/\s+/g, ' '), '10 new · 0 learning · 0 to review');

  // A section's one tap still studies something once today's new cards are spent.
  await open(page, app.url, 'section/testing-questions');
  const sectionStudy = page.getByRole('navigation', { name: 'Study this section' });
  await sectionStudy.getByRole('link', { name: /^Learn \d+ new$/ }).click();
  await page.getByText(/One section: Testing Questions/).waitFor();
  assert.match(await page.getByLabel('Cards left in this sitting').textContent(), /[1-9]\d* new/);

  // Cramming leaves every schedule alone.
  const before = (await savedProgress(page)).progress.cards;
  await open(page, app.url, 'review?pool=cram');
  await page.getByText('Practice only: your schedule is not changed').waitFor();
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  const saved = (await savedProgress(page)).progress;
  assert.deepEqual(saved.cards, before);
  assert.equal(saved.reviews.at(-1).obs, true);
  assert.deepEqual(page.problems, []);
});

test('a review sitting survives a card visit and Back, and a grade can be undone after a reload', async () => {
  const page = await newUser();
  await open(page, app.url, 'review');
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
  }
  const third = await prompt(page);
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '2');
  await open(page, app.url, 'card/def-django');
  await page.goBack();
  await waitForApp(page);
  assert.equal(await prompt(page), third, 'the same card, not a new sitting');
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '2');

  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Hard/ }).click();
  const beforeHard = (await savedProgress(page)).progress.reviews.length - 1;
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '3');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await prompt(page), third);
  assert.equal((await savedProgress(page)).progress.reviews.length, beforeHard);

  // The same cards in another mode: a quiz on a list of cards asks only about them.
  const seen = new Set((await savedProgress(page)).progress.reviews.map((r) => r.card));
  seen.add('what-is-circuit-breaker-pattern'); // a card with multiple-choice questions
  await open(page, app.url, `quiz?cards=${[...seen].join(',')}`);
  await page.getByText(`The ${seen.size} cards of your last sitting`).waitFor();
  await page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio').first().click();
  const quizzed = (await savedProgress(page)).progress.reviews.at(-1).card;
  assert.ok(seen.has(quizzed), `${quizzed} was in the sitting`);
  assert.deepEqual(page.problems, []);
});

test('the chosen selection is remembered and never flips to everything', async () => {
  const page = await newUser();
  await open(page, app.url, 'study');
  const kinds = page.getByRole('group', { name: 'Kinds of card' });
  for (const name of ['Questions', 'Definitions', 'One-liners']) {
    await kinds.getByRole('checkbox', { name }).uncheck();
  }
  const last = kinds.getByRole('checkbox', { name: 'Decision guide' });
  assert.ok(await last.isChecked());
  assert.ok(await last.isDisabled(), 'the last kind cannot be unticked');
  assert.match(await page.getByRole('main').textContent(), /19 cards selected/);
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByRole('main').textContent(), /19 cards selected/);
  assert.ok(!(await kinds.getByRole('checkbox', { name: 'Questions' }).isChecked()));
  // Custom study works on that selection.
  await page.getByText('Custom study').click();
  await page.getByRole('link', { name: /^Cram all 19 selected cards/ }).click();
  await page.getByText('Practice only: your schedule is not changed').waitFor();
  assert.equal((await eyebrow(page)).trim().split(' ')[0], 'Choose'); // decision-guide cards only
  assert.deepEqual(page.problems, []);
});

test('review shortcuts are listed on a device with a keyboard', async () => {
  const page = await newUser();
  await open(page, app.url, 'review');
  const hints = page.getByRole('list', { name: 'Keyboard shortcuts' });
  assert.match(await hints.textContent(), /Space\s*Show answer.*1–4.*U\s*Undo/);
  assert.deepEqual(page.problems, []);
});

test('search from a screen with nothing to review keeps every letter typed (issue 27)', async () => {
  const page = await newUser();
  await setNewCardsPerDay(page, 0);
  await open(page, app.url, 'review');
  await page.getByRole('heading', { name: 'Nothing to review right now' }).waitFor();
  const field = page.getByRole('searchbox', { name: 'Search cards' });
  await field.click();
  await page.keyboard.type('serializer', { delay: 30 });
  await page.waitForURL(/search\?q=serializer$/);
  assert.equal(await field.inputValue(), 'serializer');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search', 'the field keeps the focus');
  assert.deepEqual(page.problems, []);
});

test('an interview six days out: a plan on home, and no interval past the day before it (issue 27)', async () => {
  const page = await newUser();
  // Without a date, Easy on a new card is more than six days out.
  await open(page, app.url, 'review');
  await page.getByRole('button', { name: 'Show answer' }).click();
  const easyFree = Number((await page.getByRole('button', { name: /^Easy/ }).textContent()).match(/(\d+)d$/)[1]);
  assert.ok(easyFree > 6, `Easy without a date: ${easyFree}d`);

  const inSix = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 6);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await open(page, app.url, 'study');
  await page.getByLabel('Interview date').fill(inSix);
  await page.getByText(/^6 days to your interview: today 29 new and 0 reviews, about 15 minutes\.$/).waitFor();
  await open(page, app.url);
  assert.match(await page.locator('.study-cta').textContent(), /6 days to your interview: today 29 new and 0 reviews, about 15 minutes\./);
  assert.match(await page.locator('.study-cta').textContent(), /29 new · 0 learning · 0 to review today/, 'the queue follows the plan');

  await page.getByRole('link', { name: 'Start review' }).click();
  // The sitting resumes where it was left: the answer already shown.
  await page.getByRole('button', { name: /^Easy/ }).waitFor();
  const easy = (await page.getByRole('button', { name: /^Easy/ }).textContent()).match(/(\d+)d$/);
  assert.ok(easy && Number(easy[1]) <= 5, `Easy with the date: ${easy?.[1]}d, due by the day before the interview`);
  await page.getByRole('button', { name: /^Easy/ }).click();
  const card = Object.values((await savedProgress(page)).progress.cards)[0];
  const dayBefore = await page.evaluate(() => {
    const d = new Date();
    d.setHours(0, 0, 0, 0);
    d.setDate(d.getDate() + 5);
    return d.getTime();
  });
  assert.ok(card.due <= dayBefore, 'saved due date by the day before the interview');

  // Cleared: the daily limit is back.
  await open(page, app.url, 'study');
  await page.getByRole('button', { name: 'Clear the date' }).click();
  await open(page, app.url);
  assert.doesNotMatch(await page.locator('.study-cta').textContent(), /days to your interview/);
  assert.deepEqual(page.problems, []);
});
