// Search as a learner uses it in the release build: the field in every page's header, results
// as they type, the query in the URL, suggestions when nothing matches, and the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForThisFile, open, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();

const searchBox = (page) => page.getByRole('search', { name: 'Cards' }).getByRole('searchbox', { name: 'Search cards' });
const results = (page) => page.getByRole('main').getByRole('list').first().getByRole('listitem');
const resultLink = (result) => result.getByRole('heading', { level: 2 }).getByRole('link');
const status = (page) => page.getByRole('main').getByRole('status');

/** Types `query` into the header's field one key at a time, as a person does. */
async function typeSearch(page, query) {
  await searchBox(page).fill('');
  await searchBox(page).pressSequentially(query, { delay: 15 });
}

// The searches issue 14 names, with the card each must bring first.
const FIRST = [
  ['throtling', 'what-is-drf-throttling-and-its-types'],
  ['circuit br', 'what-is-circuit-breaker-pattern'],
  ['normalisation', 'what-are-django-best-practices-for-project-organization'],
  ['xss', 'how-does-django-handle-security'],
  ['n+1', 'orm-disadvantages-n-1-problem'],
  ['jwt', 'how-do-you-handle-authentication-in-microservices'],
];

test('typing in the header field brings the right card first, with its section and a marked snippet', async () => {
  const page = await app.page();
  await open(page, app.url, 'card/what-is-pep-and-why-is-it-important');
  for (const [query, card] of FIRST) {
    await typeSearch(page, query);
    await page.waitForURL((url) => url.searchParams.get('q') === query);
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    const first = results(page).first();
    await first.waitFor();
    assert.equal(await resultLink(first).getAttribute('href'), `${new URL(app.url).pathname}card/${card}`, `${query} -> ${card}`);
    assert.match(await status(page).textContent(), new RegExp(`cards? match(es)? \u201c${query.replace('+', '\\+')}\u201d`));
    assert.ok((await first.locator('mark').count()) > 0, `${query}: the matched words are marked`);
  }
  // The first result names its section and shows the matched line.
  await typeSearch(page, 'throtling');
  const first = results(page).first();
  await first.getByText('Django REST Framework Questions').waitFor();
  assert.deepEqual(await first.locator('mark').allTextContents(), ['throttling', 'Throttling']);
  assert.deepEqual(page.problems, []);
});

test('the query lives in the URL: a deep link, reload and Back all work', async () => {
  const page = await app.page();
  await open(page, app.url, 'search?q=n%2B1');
  await results(page).first().waitFor();
  assert.equal(await searchBox(page).inputValue(), 'n+1');
  assert.match(await resultLink(results(page).first()).textContent(), /N\+1 Problem/);
  await page.reload();
  await waitForApp(page);
  assert.equal(await searchBox(page).inputValue(), 'n+1');
  await results(page).first().waitFor();

  // From a section, typing opens search; one Back returns to the section, not to each keystroke.
  await open(page, app.url, 'section/django-rest-framework-questions');
  await typeSearch(page, 'pagination');
  await results(page).first().waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Django REST Framework Questions' }).waitFor();
  assert.equal(await searchBox(page).inputValue(), '', 'the field empties off the search page');
  assert.deepEqual(page.problems, []);
});

test('nothing found: the closest word is offered and leads to results', async () => {
  const page = await app.page();
  await open(page, app.url);
  await typeSearch(page, 'paginashun');
  await status(page).getByText('No cards match \u201cpaginashun\u201d.').waitFor();
  await page.getByRole('link', { name: 'pagination' }).click();
  await results(page).first().waitFor();
  assert.equal(await searchBox(page).inputValue(), 'pagination');
  assert.match(await resultLink(results(page).first()).textContent(), /pagination/i);

  // The empty page suggests searches from the deck's own acronyms.
  await typeSearch(page, '');
  await status(page).getByText(/Type a word you remember/).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'DRF' }).click();
  await results(page).first().waitFor();
  assert.deepEqual(page.problems, []);
});

test('keyboard: / focuses the field, Enter goes to the first result, and a result practises its card', async () => {
  const page = await app.page();
  await page.setViewportSize({ width: 1366, height: 900 });
  await open(page, app.url);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
  await page.keyboard.type('circuit br');
  await results(page).first().waitFor();
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Circuit Breaker/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Circuit Breaker pattern/ }).waitFor();

  // From a result, a practice mode for that card alone is one tap away.
  await open(page, app.url, 'search?q=circuit%20breaker');
  const practice = results(page).first().getByRole('navigation', { name: /^Practice / });
  await practice.getByRole('link', { name: 'Flip' }).click();
  await page.getByText('Practicing one card:').waitFor();
  assert.match(page.url(), /review\?card=what-is-circuit-breaker-pattern$/);
  assert.deepEqual(page.problems, []);
});
