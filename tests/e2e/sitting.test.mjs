// Nothing lost on the way: a sitting in progress survives a visit to a card and Back, and a
// reload; a finished one keeps its summary on reload and Back, and opening the mode anew
// starts a new one. Mock notes reach the report, finished interviews are listed with their
// scores, every mode lists its keyboard shortcuts, and the drill paints only a wrong pick red.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForThisFile, open, savedProgress, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();
const newUser = () => app.newUser();
const bar = (page) => page.getByRole('progressbar');
const answered = async (page) => Number(await bar(page).getAttribute('aria-valuenow'));
const stem = async (page) => (await page.getByRole('heading', { level: 2 }).textContent()).trim();
const reload = async (page) => {
  await page.reload();
  await waitForApp(page);
};

test('a quiz survives its "From the card" link and Back, and a reload', async () => {
  const page = await newUser();
  await open(page, app.url, 'quiz');
  const options = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
  for (let i = 0; i < 3; i++) {
    await options.first().click();
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  await options.first().click();
  assert.equal(await answered(page), 4);
  const total = await bar(page).getAttribute('aria-valuemax');
  const asked = await stem(page);
  const verdict = await page.getByRole('status').textContent();

  await page.getByRole('status').getByRole('link').click();
  await page.getByRole('navigation', { name: 'Practice this card' }).waitFor();
  await page.goBack();
  await page.getByRole('radiogroup', { name: 'Options' }).waitFor();
  assert.equal(await answered(page), 4, 'still 4 answered, not 0');
  assert.equal(await bar(page).getAttribute('aria-valuemax'), total);
  assert.equal(await stem(page), asked, 'the same question, its answer still shown');
  assert.equal(await page.getByRole('status').textContent(), verdict);

  await reload(page);
  assert.equal(await answered(page), 4);
  assert.equal(await stem(page), asked);
  await page.getByRole('button', { name: 'Next question' }).click();
  // On to the next question, waiting for its answer (two questions may share a stem, so the
  // stem alone does not tell them apart).
  await page.getByRole('button', { name: 'Next question' }).waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('status').count(), 0, 'goes on to an unanswered question');
  assert.equal(await answered(page), 4);
  assert.equal((await savedProgress(page)).progress.reviews.length, 4, 'no answer counted twice');
  assert.deepEqual(page.problems, []);
});

test('a finished sitting keeps its summary on reload and Back; opening the mode anew starts afresh', async () => {
  const page = await newUser();
  const id = 'what-is-circuit-breaker-pattern';
  await open(page, app.url, `card/${id}`);
  await page.getByRole('navigation', { name: 'Practice this card' }).getByRole('link', { name: /^Choose/ }).click();
  const complete = page.getByRole('heading', { level: 2, name: 'Quiz complete' });
  for (let i = 0; !(await complete.isVisible()); i++) {
    assert.ok(i < 20, 'a round ends');
    await page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio').first().click();
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  // The way on has the focus: one Enter away.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'New quiz');
  const score = await page.getByText(/right the first time/).textContent();

  await reload(page);
  await complete.waitFor();
  assert.equal(await page.getByText(/right the first time/).textContent(), score);

  // To the card and Back: still the summary.
  await page.getByText('Practicing one card:').getByRole('link').click();
  await page.getByRole('navigation', { name: 'Practice this card' }).waitFor();
  await page.goBack();
  await complete.waitFor();

  // Chosen again from the card's page: a new quiz.
  await page.getByText('Practicing one card:').getByRole('link').click();
  await page.getByRole('navigation', { name: 'Practice this card' }).getByRole('link', { name: /^Choose/ }).click();
  await page.getByRole('radiogroup', { name: 'Options' }).waitFor();
  assert.equal(await answered(page), 0);
  assert.deepEqual(page.problems, []);
});

test('keyboard: a quiz to its end and into the next with keys only, shortcuts listed', async () => {
  const page = await newUser();
  await open(page, app.url, 'quiz');
  const hints = page.getByRole('list', { name: 'Keyboard shortcuts' });
  assert.match(await hints.textContent(), /1–5\s*Pick/);
  const complete = page.getByRole('heading', { level: 2, name: 'Quiz complete' });
  for (let i = 0; !(await complete.isVisible()); i++) {
    assert.ok(i < 40, 'a round ends');
    await page.keyboard.press('2');
    await page.getByRole('status').waitFor();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter');
  await page.getByRole('radiogroup', { name: 'Options' }).waitFor();
  assert.equal(await answered(page), 0, 'Enter on the summary started a new quiz');

  for (const [path, shortcut] of [['drill', /Sort/], ['fill-in', /Enter\s*Check/], ['recall', /Ctrl\+Enter\s*Check my answer/], ['mock', /Space\s*Show model answer/]]) {
    await open(page, app.url, path);
    if (path === 'drill') await page.getByRole('button', { name: /ORM: choose or avoid\?/ }).click();
    if (path === 'mock') await page.getByRole('button', { name: 'Start the interview' }).click();
    assert.match(await page.getByRole('list', { name: 'Keyboard shortcuts' }).textContent(), shortcut, path);
  }
  assert.deepEqual(page.problems, []);
});

test('typed recall: a reload keeps the sitting and the answer typed; Ctrl+Enter checks from inside it, a number key grades', async () => {
  const page = await newUser();
  await open(page, app.url, 'recall');
  const first = await stem(page);
  const field = page.getByRole('textbox', { name: 'Your answer' });
  await field.fill('Something I remember');
  // What was typed survives a reload.
  await reload(page);
  assert.equal(await field.inputValue(), 'Something I remember');
  await field.press('Control+Enter');
  const checklist = page.getByRole('group', { name: 'Key points of the model answer' });
  await checklist.getByRole('checkbox').first().check();
  // The check and the ticks survive a reload too.
  await reload(page);
  assert.ok(await checklist.getByRole('checkbox').first().isChecked());
  assert.equal(await field.inputValue(), 'Something I remember');
  await page.keyboard.press('3');
  await page.locator('[role=progressbar][aria-valuenow="1"]').waitFor();
  const second = await stem(page);
  assert.notEqual(second, first);
  await reload(page);
  assert.equal(await answered(page), 1);
  assert.equal(await stem(page), second);
  const reviews = (await savedProgress(page)).progress.reviews;
  assert.deepEqual(reviews.map((r) => [r.mode, r.grade]), [['typed-recall', 'good']]);
  assert.deepEqual(page.problems, []);
});

test('a mock interview survives reloads with its notes, reports them, and joins the history', async () => {
  const page = await newUser();
  await open(page, app.url, 'mock');
  assert.equal(await page.getByRole('list', { name: 'Past interviews' }).count(), 0);
  await page.getByRole('spinbutton', { name: 'Number of questions' }).fill('2');
  await page.getByRole('combobox', { name: 'Time per question' }).selectOption({ label: '3 minutes' });
  // The setup is kept too.
  await reload(page);
  assert.equal(await page.getByRole('spinbutton', { name: 'Number of questions' }).inputValue(), '2');
  assert.equal(await page.getByRole('combobox', { name: 'Time per question' }).inputValue(), '180');
  await page.getByRole('button', { name: 'Start the interview' }).click();

  const notes = page.getByRole('textbox', { name: 'Notes (optional)' });
  const first = await stem(page);
  await notes.fill('Breaks the circuit\nafter failures');
  await reload(page);
  assert.equal(await stem(page), first);
  assert.equal(await notes.inputValue(), 'Breaks the circuit\nafter failures', 'the notes survive');
  assert.match(await page.getByRole('timer').textContent(), /Time left: (3:00|2:5\d)/, 'the same deadline');
  // Ctrl+Enter from the notes shows the answer; 3 is "Nailed it".
  await notes.press('Control+Enter');
  await page.getByRole('group', { name: 'How did your answer compare?' }).waitFor();
  // The model answer takes the focus from the notes (a moment after it shows): only then is a
  // digit a grade rather than a character typed into the notes.
  await page.waitForFunction(() => document.activeElement?.tagName !== 'TEXTAREA');
  await page.keyboard.press('3');

  await page.locator('[role=progressbar][aria-valuenow="1"]').waitFor();
  const second = await stem(page);
  assert.notEqual(second, first);
  assert.equal(await notes.inputValue(), '', 'each question has its own notes');
  await notes.fill('No idea <b>really</b>');
  // Space, outside the notes, shows the answer too.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Space');
  await page.getByRole('group', { name: 'How did your answer compare?' }).waitFor();
  await reload(page);
  await page.getByRole('button', { name: 'Missed it' }).click();

  const report = page.getByRole('heading', { level: 2, name: 'Interview report' });
  await report.waitFor();
  assert.match(await page.getByRole('main').textContent(), /Score: 50%/);
  assert.match(await page.getByRole('main').textContent(), /1 nailed, 0 partly, 1 missed of 2/);
  const line = (list) => page.getByRole('list', { name: list }).getByRole('listitem');
  assert.equal(await line('Missed').getByRole('link').textContent(), second);
  assert.match(await line('Missed').textContent(), /Your notes: No idea <b>really<\/b>/, 'notes shown as typed, as text');
  assert.equal(await line('Nailed').getByRole('link').textContent(), first);
  assert.match(await line('Nailed').textContent(), /Your notes: Breaks the circuit\s*after failures/);

  // Recorded once, even when the report is reloaded.
  await reload(page);
  await report.waitFor();
  const mocks = (await savedProgress(page)).progress.mocks;
  assert.equal(mocks.length, 1);
  assert.deepEqual({ ...mocks[0], at: 0 }, { at: 0, n: 2, nailed: 1, partly: 0, missed: 1, score: 50 });

  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'New interview');
  await page.keyboard.press('Enter');
  const history = page.getByRole('list', { name: 'Past interviews' }).getByRole('listitem');
  assert.equal(await history.count(), 1);
  assert.match(await history.textContent(), /2 questions · 1 nailed, 0 partly, 1 missed\s*50%/);
  assert.equal(await page.getByRole('combobox', { name: 'Time per question' }).inputValue(), '180', 'choices kept');
  assert.deepEqual(page.problems, []);
});

test('drill: a right sort paints nothing red, a wrong one only the pick', async () => {
  const page = await newUser();
  await open(page, app.url, 'drill');
  await page.getByRole('button', { name: /ORM: choose or avoid\?/ }).click();
  const seen = { right: false, wrong: false };
  for (let i = 0; !(seen.right && seen.wrong); i++) {
    assert.ok(i < 20, 'both verdicts within a round');
    const radios = page.getByRole('radiogroup').getByRole('radio');
    await radios.nth(i % 2).click();
    const right = (await page.getByRole('status').textContent()).includes('Correct!');
    const looks = await radios.evaluateAll((els) => els.map((el) => ({
      picked: el.getAttribute('aria-checked') === 'true',
      red: getComputedStyle(el).borderTopColor === 'rgb(220, 38, 38)',
      green: getComputedStyle(el).borderTopColor === 'rgb(22, 163, 74)',
    })));
    if (right) {
      assert.deepEqual(looks.map((l) => l.red), [false, false], 'nothing red after a right sort');
      assert.ok(looks.find((l) => l.picked).green, 'the pick shown right');
    } else {
      assert.ok(looks.find((l) => l.picked).red, 'a wrong pick is red');
      assert.ok(looks.find((l) => !l.picked).green, 'the right bucket is shown right');
    }
    seen[right ? 'right' : 'wrong'] = true;
    await page.getByRole('button', { name: 'Next statement' }).click();
  }
  // A drill in progress survives a reload too.
  const done = await answered(page);
  await reload(page);
  assert.equal(await answered(page), done);
  assert.deepEqual(page.problems, []);
});

test('a saved sitting that cannot be read, or was saved for other content, is dropped quietly', async () => {
  const page = await newUser();
  await open(page, app.url, 'quiz');
  const options = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
  await options.first().click();
  assert.equal(await answered(page), 1);
  const saved = () => page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('interview-prep/sitting:') && /\/quiz(\||$)/.test(k));
    return key && { key, value: sessionStorage.getItem(key) };
  });
  const first = await saved();
  assert.ok(first, 'the quiz is saved in this tab');

  // A corrupt saved state: a new quiz, no error.
  await page.evaluate(({ key, value }) => sessionStorage.setItem(key, value.replace(/\n.*/s, '\n{"queue":7')), first);
  await reload(page);
  assert.equal(await answered(page), 0);
  await options.first().click();

  // Saved against other content (a new deploy): a new quiz, not other cards at old indices.
  const second = await saved();
  await page.evaluate(({ key, value }) => sessionStorage.setItem(key, value.replace(/^(\d+) \w+/, '$1 0000000000000000')), second);
  await reload(page);
  assert.equal(await answered(page), 0);
  await options.first().waitFor();
  assert.ok((await options.count()) >= 2, 'a new quiz asks a question');
  assert.deepEqual(page.problems, []);
});

test('fill in: a reload keeps what was typed and the round', async () => {
  const page = await newUser();
  await open(page, app.url, 'fill-in');
  const field = page.locator('main input[type=text]');
  await field.fill('zzz');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const prompt = await stem(page);
  await field.fill('half typed');
  await reload(page);
  assert.equal(await answered(page), 1);
  assert.equal(await stem(page), prompt);
  assert.equal(await field.inputValue(), 'half typed');
  assert.deepEqual(page.problems, []);
});
