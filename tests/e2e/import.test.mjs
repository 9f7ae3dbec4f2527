// Bring your own deck (issue 29), as a person does it in the release build: import a file, pasted
// text and a GitHub file link; preview the shape, the counts and the lines in no card; keep the
// deck in the browser's IndexedDB; study it under its own address with its own progress; open
// the library, and delete a deck with what goes named. A hostile file imports as text, runs
// nothing and fetches nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appForThisFile, BASE, open, SITE_PREFIX, STORAGE_PREFIX, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();
const FIXTURES = new URL('../../compile/tests/fixtures/import/', import.meta.url).pathname;

/** A fixture as the file a person would pick: its name, type and bytes. */
const fixture = (name, mimeType = 'text/markdown') => ({ name, mimeType, buffer: readFileSync(`${FIXTURES}${name}`) });

/** Opens the import page from the header, as a person does. */
async function openImport(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your decks' }).waitFor();
  await page.getByRole('link', { name: 'Import a deck' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import a deck' }).waitFor();
}

/** Chooses `file` in the picker and waits for its preview. */
async function preview(page, file) {
  await page.getByLabel('Choose a file').setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 30000 });
}

/** The preview's "N cards in M sections from <file>." line, as numbers. */
async function counts(page) {
  const text = await page.locator('.import-counts').innerText();
  const [, cards, sections] = text.match(/^(\d+) cards? in (\d+) sections?/) ?? [];
  return { cards: Number(cards), sections: Number(sections), text };
}

/** Adds the previewed deck and waits for its home page; returns the deck's path under the base. */
async function addDeck(page) {
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await page.waitForURL(/\/d\/[a-z0-9-]+\/$/, { timeout: 15000 });
  await waitForApp(page);
  return new URL(page.url()).pathname.slice(BASE.length);
}

/** The page's problems but one: a brought deck's address is served by 404.html (as on GitHub
 * Pages: no file exists for it), whose status the console reports. Other 404s are still caught
 * by the support's response check. */
const problems = (page) => page.problems.filter((p) => !/the server responded with a status of 404/.test(p));

/** Every key of deck `id`'s namespace in localStorage. */
const deckKeys = (page, id) =>
  page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), `${SITE_PREFIX}deck/${id}/`);

test('a Markdown file is previewed, kept, studied under its own address and keeps its own progress', async () => {
  const page = await app.newUser();
  await openImport(page);
  await preview(page, fixture('sudheerj_react.md'));
  const found = await counts(page);
  assert.ok(found.cards > 0, found.text);
  // The shape it was read in is shown, and others can be chosen.
  assert.match(await page.getByLabel('Read as').locator('option:checked').innerText(), /heading/i);
  assert.ok(await page.locator('.import-cards > li').count() >= 1);
  const path = await addDeck(page);
  const id = path.split('/')[1];
  // Its home names only the kinds of card it has: no link to an empty page.
  assert.match(await page.locator('main').innerText(), new RegExp(`${found.cards} cards: ${found.cards} interview questions\\.`));
  // Its own pages: browse a card, then review two.
  await page.getByRole('link', { name: 'Study' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Study' }).waitFor();
  const modes = await page.locator('.mode-name').allInnerTexts();
  // Nothing offered that the deck has no material for (it has no practice items or drills).
  assert.deepEqual(modes.filter((m) => /Multiple choice|drill|Fill in/.test(m)), [], modes.join(', '));
  await page.getByRole('link', { name: /Flashcard review/ }).click();
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
  }
  await page.reload();
  await waitForApp(page);
  assert.ok((await deckKeys(page, id)).length > 0, 'the deck keeps progress under its own namespace');
  const builtIn = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), STORAGE_PREFIX);
  assert.deepEqual(builtIn.filter((k) => k.includes('log/')), [], 'the built-in deck has no answers');
  // The library lists both decks; deleting the brought one names what goes and takes its progress.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your decks' }).waitFor();
  const list = page.getByRole('list', { name: 'Decks' });
  await list.getByRole('listitem').nth(1).waitFor();
  assert.equal(await list.getByRole('listitem').count(), 2);
  await list.getByRole('button', { name: /^Delete / }).click();
  const confirm = page.getByRole('group', { name: 'Confirm deletion' });
  assert.match(await confirm.innerText(), new RegExp(`its ${found.cards} cards and your progress`));
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.deck-list > li').length === 1);
  assert.deepEqual(await deckKeys(page, id), []);
  assert.deepEqual(problems(page), []);
});

test('pasted text and a GitHub file link import too, and a deck opens again after a reload', async () => {
  const page = await app.newUser();
  await openImport(page);
  await page.getByLabel('Questions and answers').fill('Q: What does select_related do?\nA: It follows foreign keys in the same query with a SQL join.\n\nQ: What does prefetch_related do?\nA: It runs a second query per relation and joins in Python.\n');
  await page.getByRole('button', { name: 'Read the pasted text' }).click();
  await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 30000 });
  assert.equal((await counts(page)).cards, 2);
  await page.getByRole('button', { name: 'Cancel' }).click();
  // A GitHub file page's link is fetched from its raw address.
  const raw = 'https://raw.githubusercontent.com/someone/questions/main/README.md';
  await page.route(raw, (route) => route.fulfill({ status: 200, contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(`${FIXTURES}sudheerj_react.md`) }));
  await page.getByLabel(/Address of a file/).fill('https://github.com/someone/questions/blob/main/README.md');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 30000 });
  const path = await addDeck(page);
  const title = await page.locator('main h1').first().innerText();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('main h1').first().innerText(), title);
  // A deck this browser does not keep says so, with the way back.
  await open(page, app.url, 'd/not-kept-here/');
  await page.getByRole('heading', { level: 1, name: 'This deck is not in this browser' }).waitFor();
  assert.ok(path.startsWith('d/'));
  assert.deepEqual(problems(page), []);
});

test('a hostile file imports as text: nothing runs, nothing is fetched, links cannot reach the page', async () => {
  const page = await app.newUser();
  const outside = [];
  page.on('request', (request) => {
    if (/^https?:/.test(request.url()) && new URL(request.url()).origin !== new URL(app.url).origin) outside.push(request.url());
  });
  const hostile = [
    '# Hostile deck',
    '',
    '## 1. What does this answer do?',
    '',
    '<script>window.__ran = "script"</script>',
    '<img src="https://tracker.example/pixel.png" onerror="window.__ran = \'onerror\'">',
    '<iframe src="https://evil.example/"></iframe>',
    '<form action="https://evil.example/"><input name="x"></form>',
    '<style>body { display: none }</style>',
    '<a href="#" onclick="window.__ran = \'onclick\'">click</a>',
    '[a link](javascript:window.__ran="link") [data](data:text/html,<script>1</script>)',
    '![remote image](https://tracker.example/image.png)',
    '[fine](https://docs.djangoproject.com/)',
    '',
    '## 2. What is <b onmouseover="window.__ran=1">bold</b>?',
    '',
    'Text with <svg onload="window.__ran = \'svg\'"></svg> inside.',
    '',
  ].join('\n');
  await openImport(page);
  await page.getByLabel('Choose a file').setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(hostile) });
  await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 30000 });
  await addDeck(page);
  // Every card's page, as a reader opens it (the deck's one section lists both).
  await page.locator('main a[href*="/section/"]').first().click();
  await page.locator('main a[href*="/card/"]').first().waitFor();
  const cardLinks = await page.locator('main a[href*="/card/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  assert.equal(cardLinks.length, 2, cardLinks.join(', '));
  for (const link of cardLinks) {
    await page.goto(new URL(link, page.url()).href);
    await waitForApp(page);
    const main = page.locator('main');
    assert.equal(await main.locator('script, iframe, form, style, img, svg, object, embed').count(), 0, link);
    const attributes = await main.evaluate((m) => [...m.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`)));
    assert.deepEqual(attributes.filter((a) => /^on/i.test(a) || /javascript:|data:/i.test(a)), [], link);
    for (const rel of await main.locator('.prose a').evaluateAll((as) => as.map((a) => a.rel))) {
      assert.equal(rel, 'noopener noreferrer', link);
    }
    // The markup is there, as text a reader can see.
    assert.match(await main.innerText(), /<script>|<b onmouseover/, link);
  }
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(outside, []);
});

/** Clicks `button` and returns the name and text of the file it downloads. */
async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Opens the library and the "Export, share, update or rename" panel of brought deck `name`. */
async function manage(page, name) {
  await open(page, app.url, 'decks');
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await entry.getByText('Export, share, update or rename').click();
  return entry;
}

test('three public Markdown shapes, an Anki export and a Quizlet export preview the cards counted by hand', async () => {
  // Counts made by hand in compile/tests/import.rs (each fixture is written in the style of a
  // public repository: sudheerj's, Devinterview's and learning-zone's).
  const cases = [
    ['sudheerj_react.md', 5, /heading/i],
    ['devinterview_python.md', 3, /heading/i],
    ['learning_zone_node.md', 3, /heading/i],
    ['anki_export.txt', 4, /separated|Anki/i],
    ['quizlet_export.txt', 3, /separated|Anki|Quizlet/i],
  ];
  const page = await app.newUser();
  for (const [file, cards, shape] of cases) {
    await open(page, app.url, 'import');
    await preview(page, fixture(file, file.endsWith('.md') ? 'text/markdown' : 'text/plain'));
    assert.equal((await counts(page)).cards, cards, file);
    assert.match(await page.getByLabel('Read as').locator('option:checked').innerText(), shape, file);
  }
  assert.deepEqual(problems(page), []);
});

test('a deck is updated from a newer file, keeping the progress of unchanged questions; renamed; shared by link', async () => {
  const page = await app.newUser();
  const v1 = '# ORM notes\n\n## Queries\n\n### 1. What does select_related do?\n\nA SQL join.\n\n### 2. What does only() do?\n\nDefers the other fields.\n';
  await open(page, app.url, 'import');
  await page.getByLabel('Choose a file').setInputFiles({ name: 'orm.md', mimeType: 'text/markdown', buffer: Buffer.from(v1) });
  await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 30000 });
  await addDeck(page);
  await page.getByRole('link', { name: 'Start review' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  const studied = await deckKeys(page, 'orm');
  assert.ok(studied.length > 0);
  // A newer version: one answer changed, one question removed, one added.
  const v2 = v1.replace('A SQL join.', 'A SQL join in the same query.').replace('### 2. What does only() do?\n\nDefers the other fields.\n', '### 2. What does defer() do?\n\nLoads the named fields later.\n');
  let entry = await manage(page, 'ORM notes');
  await entry.getByRole('link', { name: 'Update from a newer file' }).click();
  await page.getByRole('heading', { level: 1, name: 'Update a deck' }).waitFor();
  await page.getByLabel('Choose a file').setInputFiles({ name: 'orm.md', mimeType: 'text/markdown', buffer: Buffer.from(v2) });
  await page.getByRole('heading', { level: 3, name: 'Against the kept deck' }).waitFor({ timeout: 30000 });
  const main = await page.locator('main').innerText();
  assert.match(main, /1 card added/);
  assert.match(main, /1 card with a changed answer/);
  assert.match(main, /1 card removed/);
  await page.getByRole('button', { name: 'Replace “ORM notes”' }).click();
  await page.waitForURL(/\/d\/orm\/$/);
  await waitForApp(page);
  // The studied card's progress is still there: one card is no longer new.
  assert.match(await page.locator('main').innerText(), /1 new/);
  // Renamed: in the library and on its own pages.
  entry = await manage(page, 'ORM notes');
  await entry.getByLabel('Name').fill('Django ORM');
  await entry.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('heading', { level: 2, name: 'Django ORM' }).waitFor();
  // Exported as Markdown (the app's own format) and for Anki.
  entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Django ORM' }) });
  const markdown = await downloadFrom(page, entry.getByRole('button', { name: 'Download Markdown' }));
  assert.equal(markdown.name, 'orm.md');
  assert.match(markdown.text, /^# Django ORM\n/);
  assert.match(markdown.text, /What does defer\(\) do\?/);
  // Shared by link: a new page opens the link, previews and imports it as another deck.
  await entry.getByRole('button', { name: 'Make a share link' }).click();
  const link = await entry.getByLabel(/Share link/).inputValue();
  assert.match(link, /\/import#deck=[A-Za-z0-9_-]+$/);
  assert.match(await entry.innerText(), /up to 64 KB/);
  const other = await app.page();
  await other.goto(link);
  await other.getByRole('heading', { level: 2, name: 'Preview: Django ORM' }).waitFor({ timeout: 30000 });
  assert.equal((await counts(other)).cards, 2);
  await other.getByRole('button', { name: 'Add to my decks' }).click();
  await other.waitForURL(/\/d\/[a-z0-9-]+\/$/);
  assert.notEqual(new URL(other.url()).pathname, new URL(page.url()).pathname, 'a deck of its own');
  assert.deepEqual(problems(page), []);
  assert.deepEqual(problems(other), []);
});

/** The records of a tab-separated file with Anki's quoting (a quoted field may hold tabs, line
 * breaks and doubled quotes), header lines (`#…`) left out. */
function ankiRecords(text) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === '\t') { fields.push(field); field = ''; } else if (c === '\n') {
      fields.push(field);
      if (!(atStart && fields[0].startsWith('#'))) records.push(fields);
      fields = []; field = ''; atStart = true; continue;
    } else field += c;
    atStart = false;
  }
  if (field || fields.length) records.push([...fields, field]);
  return records.filter((r) => !(r.length === 1 && r[0].startsWith('#')));
}

test('a deck exported for Anki imports back with the same cards', async () => {
  const page = await app.newUser();
  await open(page, app.url, 'decks');
  const entry = page.getByRole('listitem').first();
  const anki = await downloadFrom(page, entry.getByRole('button', { name: 'Download for Anki' }));
  assert.match(anki.text, /^#separator:tab\n#html:true\n#deck:/);
  const records = ankiRecords(anki.text);
  assert.ok(records.length > 100 && records.every((r) => r.length === 3), `${records.length} records`);
  await open(page, app.url, 'import');
  await page.getByLabel('Choose a file').setInputFiles({ name: anki.name, mimeType: 'text/plain', buffer: Buffer.from(anki.text) });
  await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 60000 });
  const found = await counts(page);
  assert.equal(found.cards, records.length, found.text);
  // The same questions, in order (the file's are HTML-escaped).
  const unescape = (html) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const shown = await page.locator('.import-cards .card-prompt').allInnerTexts();
  assert.deepEqual(shown, records.slice(0, shown.length).map((r) => unescape(r[0])));
  await addDeck(page);
  assert.deepEqual(problems(page), []);
});

test('the built-in deck downloaded as Markdown imports whole, practice included, with every mode', async () => {
  const page = await app.newUser();
  await open(page, app.url, 'decks');
  const entry = page.getByRole('listitem').first();
  const file = await downloadFrom(page, entry.getByRole('link', { name: 'Download Markdown' }));
  assert.equal(file.name, 'interview.md');
  assert.match(file.text, /^# Django, DRF/);
  assert.match(file.text, /\n# Practice: /);
  await open(page, app.url, 'import');
  await page.getByLabel('Choose a file').setInputFiles({ name: file.name, mimeType: 'text/markdown', buffer: Buffer.from(file.text) });
  await page.getByRole('heading', { level: 2, name: /^Preview: / }).waitFor({ timeout: 60000 });
  assert.equal((await counts(page)).cards, 141);
  assert.match(await page.getByLabel('Read as').locator('option:checked').innerText(), /This app's format/);
  assert.match(await page.locator('main').innerText(), /\d+ practice items for multiple choice and fill-in/);
  assert.match(await page.locator('main').innerText(), /Every line of the file is in a card\./);
  await addDeck(page);
  await page.getByRole('link', { name: 'All study modes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Study' }).waitFor();
  const modes = await page.locator('.mode-name').allInnerTexts();
  for (const mode of ['Multiple choice quiz', 'Fill in', 'Classification drill', 'Typed recall', 'Mock interview']) {
    assert.ok(modes.includes(mode), `${mode} in ${modes.join(', ')}`);
  }
  // The quiz asks the deck's own authored items: a stem from its practice text.
  await page.getByRole('link', { name: /Multiple choice quiz/ }).click();
  // (Compared as text: the stem's inline code loses its backticks on screen, and the file wraps lines.)
  const flat = (text) => text.replace(/`/g, '').split(/\s+/).join(' ').trim();
  const stem = flat(await page.locator('#quiz-stem').textContent());
  assert.ok(stem.length > 10, stem);
  assert.ok(flat(file.text).includes(stem), stem);
  assert.deepEqual(problems(page), []);
});
