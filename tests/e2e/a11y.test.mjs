// Accessibility and layout on every screen: axe-core (npm) finds no serious or critical
// violation on a phone and a desktop, light and dark; no page scrolls sideways at 360 px; the
// keyboard focus follows the new content after a reveal, an answer and a page change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { appForThisFile, open, waitForApp, SITE_PREFIX } from '../support/browser.mjs';

const app = appForThisFile();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const CODE_CARD = 'card/difference-between-apiview-viewset-and-genericapiview';
// The not-found screen really is a 404 (Chromium logs it): not a fault.
const DOCUMENT_NOT_FOUND = 'console error: Failed to load resource: the server responded with a status of 404 (Not Found)';
const faults = (page) => page.problems.filter((p) => p !== DOCUMENT_NOT_FOUND);

/** Clicks the first option of the question on screen. */
const answerQuiz = (page) =>
  page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio').first().click();

/** Every screen, and the states that show new content (a reveal, an answer, a check). */
const SCREENS = [
  { name: 'home', path: '' },
  { name: 'section', path: 'section/django-rest-framework-questions' },
  { name: 'card with code and a table', path: CODE_CARD },
  { name: 'kind', path: 'kind/one-liners' },
  { name: 'study', path: 'study' },
  { name: 'review', path: 'review' },
  {
    name: 'review, answer shown',
    path: 'review',
    act: (page) => page.getByRole('button', { name: 'Show answer' }).click(),
  },
  { name: 'quiz', path: 'quiz' },
  {
    name: 'quiz, answered',
    path: 'quiz',
    act: async (page) => {
      await answerQuiz(page);
      await page.locator('.verdict').waitFor();
    },
  },
  { name: 'drill', path: 'drill' },
  {
    name: 'drill, sorting',
    path: 'drill',
    act: async (page) => {
      await page.getByRole('button', { name: /All drills mixed/ }).click();
      await page.getByRole('radiogroup').getByRole('radio').first().click();
      await page.locator('.verdict').waitFor();
    },
  },
  { name: 'recall', path: 'recall' },
  {
    name: 'recall, checked',
    path: 'recall',
    act: async (page) => {
      await page.getByLabel('Your answer').fill('It routes requests and returns responses.');
      await page.getByRole('button', { name: 'Check my answer' }).click();
      await page.locator('.recall-result').waitFor();
    },
  },
  { name: 'fill-in', path: 'fill-in' },
  { name: 'mock', path: 'mock' },
  {
    name: 'mock, answer shown',
    path: 'mock',
    act: async (page) => {
      await page.getByRole('button', { name: 'Start the interview' }).click();
      await page.getByRole('button', { name: 'Show model answer' }).click();
      await page.getByRole('button', { name: 'Nailed it' }).waitFor();
    },
  },
  { name: 'search', path: 'search?q=serializer' },
  { name: 'progress', path: 'progress' },
  { name: 'not found', path: 'no-such-page' },
];

/** Each screen opened afresh (no sitting kept from the last visit), with `act` done. */
async function visit(page, screen) {
  await page.evaluate(() => sessionStorage.clear());
  await open(page, app.url, screen.path);
  if (screen.act) await screen.act(page);
}

/** axe's violations on the page, each with its targets. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`),
    }));
  });
  return violations;
}

const isSerious = (v) => v.impact === 'serious' || v.impact === 'critical';

/** axe's serious and critical violations on the page. */
const seriousViolations = async (page) => (await violations(page)).filter(isSerious);

for (const [viewportName, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  for (const theme of ['light', 'dark']) {
    test(`axe: no serious or critical violation on any screen (${viewportName}, ${theme})`, async (t) => {
      const page = await app.newUser();
      await page.setViewportSize(viewport);
      // The system's scheme: the app follows it when no theme was chosen.
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      const found = [];
      for (const screen of SCREENS) {
        await visit(page, screen);
        for (const v of await violations(page)) {
          const line = `${screen.name}: ${v.impact} ${v.id} (${v.help})\n    ${v.targets.join('\n    ')}`;
          // Moderate and minor ones are listed, not failed.
          if (isSerious(v)) found.push(line);
          else t.diagnostic(line);
        }
      }
      assert.equal(found.length, 0, `axe violations (${viewportName}, ${theme}):\n${found.join('\n')}`);
      assert.deepEqual(faults(page), []);
    });
  }
}

test('the theme chosen on the progress page overrides the system and is remembered', async () => {
  const page = await app.newUser();
  await page.emulateMedia({ colorScheme: 'light' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await open(page, app.url, 'progress');
  const toggle = page.getByRole('group', { name: 'Theme' });
  await toggle.getByRole('radio', { name: 'Dark' }).check();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const dark = await background();
  assert.notEqual(dark, light, 'dark has its own background');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), `${SITE_PREFIX}theme`), 'dark');

  // Remembered on every page, after a reload.
  await open(page, app.url, CODE_CARD);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await background(), dark);
  for (const v of await seriousViolations(page)) assert.fail(`dark by choice: ${v.id} ${v.targets.join(', ')}`);

  // "System" forgets the choice and follows the system again.
  await open(page, app.url, 'progress');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System' }).check();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme || 'system'), 'system');
  assert.equal(await background(), light);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), dark);
  assert.deepEqual(page.problems, []);
});

test('at 360x640 no page scrolls sideways', async () => {
  const page = await app.newUser();
  await page.setViewportSize({ width: 360, height: 640 });
  const wide = [];
  for (const screen of SCREENS) {
    await visit(page, screen);
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = document.scrollingElement;
      return { scrollWidth, clientWidth };
    });
    if (scrollWidth > clientWidth) wide.push(`${screen.name}: ${scrollWidth} > ${clientWidth}`);
  }
  assert.deepEqual(wide, []);
  assert.deepEqual(faults(page), []);
});

test('phone: new content is never under the action bar, and the bar sits under the card on desktop', async () => {
  const page = await app.newUser();
  const barTop = () => page.locator('.action-bar').first().evaluate((el) => el.getBoundingClientRect().top);
  const bottomOf = (locator) => locator.evaluate((el) => el.getBoundingClientRect().bottom);

  // The quiz verdict, once answered, is scrolled into view above the bar (the explanations
  // of every option follow it, and may run on below).
  await visit(page, SCREENS.find((s) => s.name === 'quiz, answered'));
  const verdict = page.locator('.feedback .verdict');
  assert.ok((await bottomOf(verdict)) <= (await barTop()), 'the verdict is above the bar');

  // At the end of the page, the last content still clears the bar.
  await visit(page, SCREENS.find((s) => s.name === 'recall, checked'));
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  assert.ok((await bottomOf(page.locator('.recall-card'))) <= (await barTop()), 'the recall card ends above the bar');

  // Desktop: the main button is as wide as the card and under it.
  await page.setViewportSize(DESKTOP);
  await visit(page, { path: 'review' });
  const card = await page.locator('.flashcard').boundingBox();
  const button = await page.getByRole('button', { name: 'Show answer' }).boundingBox();
  assert.ok(Math.abs(button.x - card.x) <= 1 && Math.abs(button.width - card.width) <= 1,
    `button ${JSON.stringify(button)} under card ${JSON.stringify(card)}`);
  assert.deepEqual(page.problems, []);
});

test('phone: breadcrumb links and grade buttons are big enough to tap', async () => {
  const page = await app.newUser();
  await open(page, app.url, CODE_CARD);
  for (const box of await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON()))) {
    assert.ok(box.height >= 44, `breadcrumb link ${box.height}px tall`);
  }
  await visit(page, SCREENS.find((s) => s.name === 'review, answer shown'));
  const grades = await page.locator('.grade-buttons button')
    .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON()));
  assert.equal(grades.length, 4);
  for (const [i, box] of grades.entries()) {
    assert.ok(box.height >= 44 && box.width >= 44, `grade button ${i}: ${box.width}x${box.height}`);
    if (i > 0) assert.ok(box.left - grades[i - 1].right >= 8, 'room between grade buttons');
  }
  assert.deepEqual(page.problems, []);
});

test('keyboard: focus moves to the new content after a reveal, an answer and a page change', async () => {
  const page = await app.newUser();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, cls: el.className, text: el.textContent.trim().slice(0, 80) };
  });

  // A page change: the new page's heading takes the focus.
  await open(page, app.url, 'section/testing-questions');
  await page.locator('.card-list a').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('article.card h1').waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  const heading = await focused();
  assert.equal(heading.tag, 'H1');
  // Tab from there reaches the page's own links, not the header's.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)));

  // A reveal: the answer takes the focus.
  await open(page, app.url, 'review');
  await page.getByRole('button', { name: 'Show answer' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('.flashcard .answer'));
  // The grade keys still work from there.
  await page.keyboard.press('3');
  await page.waitForFunction(() => !document.querySelector('.flashcard .answer'));

  // An answer: the verdict takes the focus; arrow keys moved between the options before it.
  await open(page, app.url, 'quiz');
  const radios = page.getByRole('radiogroup', { name: 'Options' }).getByRole('radio');
  await radios.first().waitFor();
  // An authored choice has 3 to 5 options, a true-or-false statement 2.
  const last = (await radios.count()) - 1;
  await radios.first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await radios.nth(1).evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await radios.nth(last).evaluate((el) => el === document.activeElement), true, 'arrows wrap around');
  // One tab stop for the group.
  assert.deepEqual(await radios.evaluateAll((els) => els.map((el) => el.tabIndex)), [...Array(last).fill(-1), 0]);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement?.matches('.feedback'));
  assert.equal(await radios.nth(last).getAttribute('aria-checked'), 'true');
  // Enter goes on to the next question.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.bar-text')?.textContent.startsWith('1 /'));

  // A check of typed recall: the result takes the focus.
  await open(page, app.url, 'recall');
  await page.getByLabel('Your answer').fill('Tests.');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.activeElement?.matches('.recall-result'));
  assert.deepEqual(page.problems, []);
});

test('every control shows a focus ring from the keyboard', async () => {
  const page = await app.newUser();
  await open(page, app.url, CODE_CARD);
  const missing = [];
  // Tab through the card page: links, code blocks, the table, the pager.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { visible, what: `${el.tagName}.${el.className} ${el.textContent.trim().slice(0, 30)}` };
    });
    if (ring && !ring.visible) missing.push(ring.what);
  }
  assert.deepEqual(missing, []);
  await waitForApp(page);
  assert.deepEqual(page.problems, []);
});
