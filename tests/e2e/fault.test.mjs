// A fault in the wasm, as a person meets it in the release build. The release wasm is built with
// `-Cpanic=immediate-abort` (scripts/wasm-toolchain.sh): every panic is an `unreachable` trap with
// no Rust code left to report it, so index.html's own script must notice the trap, say the app
// stopped and offer a reload; answers given before the fault are already saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { appForThisFile, open, savedProgress, waitForApp } from '../support/browser.mjs';

const app = appForThisFile();

for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
  test(`${viewport.width}px: a trap in the wasm shows a notice with a reload, and answers before it are kept`, async () => {
    const page = await app.newUser();
    await page.setViewportSize(viewport);
    // Trunk's start-up event hands over the wasm instance's exports: kept to fault it from outside.
    await page.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (event) => (window.faultyWasm = event.detail.wasm)));
    await open(page, app.url, 'review');
    const graded = (await page.getByRole('heading', { level: 2 }).textContent()).trim();
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await page.getByRole('heading', { level: 2, name: graded }).waitFor({ state: 'detached' });

    // An allocation the wasm cannot make (an alignment of 3) aborts, from a task of its own as
    // an event handler's fault would: the same trap a panic is in this build.
    await page.evaluate(() => setTimeout(() => window.faultyWasm.__wbindgen_malloc(1, 3)));
    const notice = page.getByRole('alert');
    await notice.waitFor();
    assert.equal(
      (await notice.locator('p').textContent()).trim(),
      'Something went wrong and the app stopped. Answers you gave before this are saved: reload to carry on.',
    );
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'stopped');
    const reload = notice.getByRole('button', { name: 'Reload' });
    assert.ok(await reload.evaluate((button) => button === document.activeElement), 'the way out has the focus');
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth));
    const button = await reload.boundingBox();
    assert.ok(button.x >= 0 && button.x + button.width <= viewport.width, `Reload is on screen whole: ${JSON.stringify(button)}`);
    mkdirSync('target/screenshots', { recursive: true });
    await page.screenshot({ path: `target/screenshots/fault-${viewport.width}.png` });
    assert.equal(page.problems.length, 1, `the trap alone: ${page.problems}`);
    assert.match(page.problems[0], /^page error: unreachable/);

    await reload.click();
    await waitForApp(page);
    assert.equal(await page.getByRole('alert').count(), 0, 'a fresh start, no notice');
    const saved = await savedProgress(page);
    assert.equal(saved.progress.reviews.length, 1, 'the answer given before the fault is kept');
    await open(page, app.url);
    assert.match(await page.getByRole('main').textContent(), /19 new · 1 learning/);
    assert.equal(page.problems.length, 1, `nothing more after the reload: ${page.problems}`);
  });
}
