// Import benchmark (issue 29), not a test: how long the compile worker takes to read and compile
// a 100-question Markdown file and a 5,000-card TSV, and what a library of 10 decks of 1,000
// cards costs the app's start-up and the library page. Drives the release bundle in dist/ in
// headless Chromium, as the browser tests do.
//   node benches/import/run.mjs [--runs N]
import { startApp, open, waitForApp } from '../../tests/support/browser.mjs';
import { COMPILE_WORKER } from '../../scripts/first-visit.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

/** A Markdown file of `count` numbered questions in sections of ten, each answer two paragraphs
 * and a code block: the shape of the popular interview-question repositories. */
function markdownFile(count) {
  const lines = ['# Generated interview questions', ''];
  for (let i = 1; i <= count; i++) {
    if (i % 10 === 1) lines.push(`## Section ${Math.ceil(i / 10)}`, '');
    lines.push(`### ${i}. What does feature number ${i} of the framework do, and when would you use it?`, '');
    lines.push(`Feature ${i} keeps **state** between requests and is configured in \`settings.FEATURE_${i}\`. It matters when several services share a database and each must see its own writes.`, '');
    lines.push('```python', `def feature_${i}(request):`, `    return cache.get("feature-${i}", default=${i})`, '```', '');
    lines.push(`Use it when the default (${i} seconds) is too short; avoid it for data that must be fresh.`, '');
  }
  return lines.join('\n');
}

/** An Anki-style TSV of `count` cards, tags naming 50 sections. */
function tsvFile(count) {
  const rows = ['#separator:tab', '#html:false', '#tags column:3'];
  for (let i = 1; i <= count; i++) {
    rows.push(`What is term ${i}?\tTerm ${i} is the name for behaviour ${i}, used when the system needs it.\tsection-${i % 50}`);
  }
  return rows.join('\n');
}

/** Starts the worker in `page` and times, `runs` times, its start and an import of `text`. */
const timeImport = (page, name, text, runs) =>
  page.evaluate(async ({ worker, name, text, runs }) => {
    const times = [];
    let boot = 0;
    let cards = 0;
    for (let run = 0; run < runs; run++) {
      const compiler = new Worker(new URL(worker, document.baseURI));
      const started = performance.now();
      let ready = 0;
      const reply = await new Promise((resolve, reject) => {
        compiler.onmessage = (event) => {
          if (event.data?.ready) {
            ready = performance.now();
            const bytes = new TextEncoder().encode(text);
            compiler.postMessage({ import: bytes, file: name, source: 'bench.md' }, [bytes.buffer]);
            return;
          }
          resolve(event.data);
        };
        compiler.onerror = (event) => reject(new Error(event.message));
      });
      const done = performance.now();
      compiler.terminate();
      if (reply.errors) throw new Error(reply.errors.join('\n'));
      boot = Math.max(boot, ready - started);
      times.push(done - ready);
      cards = reply.deck.length;
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], boot, deckBytes: cards };
  }, { worker: `${COMPILE_WORKER}_loader.js`, name, text, runs });

/** Fills the library with `decks` decks of `cards` cards each, through the app's own import. */
async function fillLibrary(page, decks, cards) {
  const rows = Array.from({ length: cards }, (_, i) => `Q: What is item ${i + 1}?\nA: Item ${i + 1} is an answer of a sentence.\n`).join('\n');
  for (let d = 1; d <= decks; d++) {
    await open(page, page.context().appUrl, 'import');
    await page.getByLabel('Choose a file').setInputFiles({ name: `deck-${d}.txt`, mimeType: 'text/plain', buffer: Buffer.from(rows) });
    await page.getByRole('button', { name: 'Add to my decks' }).click({ timeout: 60000 });
    await page.waitForURL(/\/d\//);
    await waitForApp(page);
  }
}

/** Records, in the page, when the app took over (`data-app="running"`) and when the library's
 * list was read (no "Reading your decks…" line left), in ms since navigation. */
function recordMilestones() {
  const seen = () => {
    const root = document.documentElement;
    if (!window.__running && root.dataset.app === 'running') window.__running = performance.now();
    if (!window.__listed && document.querySelector('.deck-list') && !document.querySelector('.deck-list > li.muted')) {
      window.__listed = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { attributes: true, childList: true, subtree: true });
}

/** Median time (ms) from navigation to `milestone`, over `runs` loads of `url`. */
async function startUp(page, url, runs, milestone = '__running') {
  const times = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(url);
    await waitForApp(page);
    await page.waitForFunction((name) => window[name] !== undefined, milestone);
    times.push(await page.evaluate((name) => window[name], milestone));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const app = await startApp();
try {
  const page = await app.page();
  page.context().appUrl = app.url;
  await page.addInitScript(recordMilestones);
  await open(page, app.url, 'import');
  const md = await timeImport(page, 'questions.md', markdownFile(100), runs);
  const tsv = await timeImport(page, 'cards.tsv', tsvFile(5000), Math.min(runs, 3));
  console.log(`100-question Markdown file: ${md.median.toFixed(0)} ms median, ${md.max.toFixed(0)} ms max (goal 300 ms); worker start ${md.boot.toFixed(0)} ms`);
  console.log(`5,000-card TSV: ${tsv.median.toFixed(0)} ms median, ${tsv.max.toFixed(0)} ms max (goal 3,000 ms)`);
  const emptyHome = await startUp(page, app.url, runs);
  const emptyLibrary = await startUp(page, `${app.url}decks`, runs, '__listed');
  await fillLibrary(page, 10, 1000);
  const fullHome = await startUp(page, app.url, runs);
  const fullLibrary = await startUp(page, `${app.url}decks`, runs, '__listed');
  const listed = await page.locator('.deck-list > li').count();
  console.log(`start-up, home: ${emptyHome.toFixed(0)} ms with no brought deck, ${fullHome.toFixed(0)} ms with 10 of 1,000 cards (+${(fullHome - emptyHome).toFixed(0)} ms; goal +50 ms)`);
  console.log(`library page listed: ${emptyLibrary.toFixed(0)} ms with no brought deck, ${fullLibrary.toFixed(0)} ms with ${listed - 1} decks (+${(fullLibrary - emptyLibrary).toFixed(0)} ms)`);
} finally {
  await app.close();
}
