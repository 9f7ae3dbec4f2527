// Checks that every page of a bundle stays under its public URL (issue 30, "one base setting"):
// each page's <base href> is the base, and every root-relative href, src and action in it starts
// with the base, so before the wasm (or without JavaScript) no link leaves the site.
// scripts/test.sh runs it on a bundle built by `trunk build --public-url /x/` alone.
//
//   node scripts/check-base.mjs <bundle dir> <base, e.g. /x/>
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [dir, base] = process.argv.slice(2);
if (!dir || !base?.startsWith('/') || !base.endsWith('/')) {
  console.error('usage: node scripts/check-base.mjs <bundle dir> </base/>');
  process.exit(2);
}

const pages = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return pages(path);
    // The single-file copy has no base by design: it opens from disk.
    return entry.name.endsWith('.html') && entry.name !== 'interview-prep.html' ? [path] : [];
  });

const problems = [];
let links = 0;
const files = pages(dir);
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const name = relative(dir, file);
  const baseHref = html.match(/<base href="([^"]*)"/)?.[1];
  if (baseHref !== base) problems.push(`${name}: <base href="${baseHref}">, not "${base}"`);
  for (const [, url] of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
    links++;
    if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith(base)) {
      problems.push(`${name}: ${url} leaves ${base}`);
    }
  }
}
if (files.length === 0) problems.push(`no pages in ${dir}`);
if (problems.length > 0) {
  console.error(`${problems.length} link(s) outside ${base}:\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
console.log(`check-base: ${files.length} pages, ${links} links and sources, every one under ${base}`);
