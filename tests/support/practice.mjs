// The authored practice items (content/practice/*.md), read the way a reviewer reads them, so a
// browser test can tell which option of the question on screen is right without the app's help.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = new URL('../../content/practice/', import.meta.url).pathname;

/** Code marks off and spaces collapsed: how the page's text content reads. */
export const plain = (text) => text.replaceAll('`', '').replace(/\s+/g, ' ').trim();

/** Every choice and true-or-false item: { card, kind, stem, options: [{ text, right }] }. */
export function practiceItems() {
  const items = [];
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.md')).sort()) {
    let card = null;
    let item = null;
    const lines = readFileSync(join(DIR, name), 'utf8').split('\n');
    const finish = () => {
      if (item) items.push({ ...item, stem: plain(item.stem) });
      item = null;
    };
    for (const line of lines) {
      if (line.startsWith('## ')) { finish(); card = line.slice(3).trim(); continue; }
      if (line.startsWith('### ')) {
        finish();
        const kind = line.slice(4).trim();
        if (kind === 'choice' || kind === 'true or false') item = { card, kind, stem: '', options: [], phase: 'stem' };
        continue;
      }
      if (!item) continue;
      const option = line.match(/^- \[( |x|X)\] (.*)$/);
      if (item.kind === 'choice' && option) {
        item.phase = 'options';
        item.options.push({ text: plain(option[2]), right: option[1] !== ' ' });
      } else if (item.kind === 'true or false' && /^\*\*(True|False)\.\*\*/.test(line)) {
        const truth = line.startsWith('**True.**');
        item.options = [{ text: 'True', right: truth }, { text: 'False', right: !truth }];
        item.phase = 'done';
      } else if (item.phase === 'stem' && line.trim()) {
        item.stem += ` ${line}`;
      } else if (item.phase === 'stem' && !line.trim() && item.stem) {
        item.phase = 'after-stem';
      }
    }
    finish();
  }
  return items;
}

/** The item whose stem is `stem` (as the page shows it). */
export function itemByStem(stem) {
  const wanted = plain(stem);
  const found = practiceItems().find((item) => item.stem === wanted);
  if (!found) throw new Error(`no authored item with the stem ${JSON.stringify(wanted)}`);
  return found;
}
