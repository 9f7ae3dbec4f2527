// Writes the whole app as one self-contained HTML file (issue 16), to share by email or USB
// stick and open from disk: the stylesheet and icon inlined, the wasm and the question bank
// inlined as base64 bytes, and the JS glue loaded from a blob: URL (Chromium blocks module and
// wasm fetches from file://, but not an inline module script, a blob: import, WebAssembly from
// bytes or a data: URL). Progress is kept in the browser's localStorage for that file, as the
// hosted app keeps it for its site.
//
// It leaves out what needs a web server: the service worker and manifest (the file is already
// offline) and the build-time copy of the home page, whose links point into the site.
//
//   node scripts/single-file.mjs <bundle dir> [output file]   (default <bundle dir>/interview-prep.html)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_TIME_MARKUP } from './build-time-markup.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/single-file.mjs <bundle dir> [output file]');
  process.exit(1);
}
const output = process.argv[3] ?? join(dir, 'interview-prep.html');

let html = readFileSync(join(dir, 'index.html'), 'utf8');
const base = html.match(/<base href="([^"]*)"/)?.[1];
if (!base) fail('index.html has no <base href>');
/** A bundle file named by its URL in index.html (`/interview-prep/main-abc.css`). */
const file = (url) => readFileSync(join(dir, url.startsWith(base) ? url.slice(base.length) : url));

/** Replaces exactly one match of `pattern`, so a change in Trunk's output fails loudly here. */
function replaceOnce(pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) fail(`expected one ${what} in index.html, found ${matches.length}`);
  html = html.replace(pattern, replacement);
}

/** Text that can sit inside a <script> element as a JS string literal. */
const scriptString = (text) => JSON.stringify(text).replace(/</g, '\\u003c');

replaceOnce(/\s*<base href="[^"]*" \/>/, '', '<base>');

// From file://, a page may change only its URL's query and fragment (HTML's "can have its URL
// rewritten"), and Leptos's router changes the path. So the file keeps the app's path in the
// fragment (interview-prep.html#/card/x) and shows the app the path it expects: history calls
// turn /…/interview-prep.html/card/x into …/interview-prep.html#/card/x, and the Location object
// the wasm reads (through one line of the glue) reads it back, also after Back and a reload.
const ROUTES_IN_THE_FRAGMENT = `
const file = location.pathname;
const asPath = (hash) => new URL(location.protocol + '//' + location.host + file + hash.slice(1));
const shown = () => (location.hash.startsWith('#/') ? asPath(location.hash) : new URL(location.href));
globalThis.prepFileLocation = (real) => new Proxy(real, {
  get(target, name) {
    if (name === 'href' || name === 'pathname' || name === 'search' || name === 'hash') return shown()[name];
    if (name === 'toString') return () => shown().href;
    const value = target[name];
    return typeof value === 'function' ? value.bind(target) : value;
  },
  set(target, name, value) {
    target[name] = value;
    return true;
  },
});
const toFragment = (url) => {
  if (url === undefined || url === null) return url;
  const to = new URL(url, shown().href);
  if (!to.pathname.startsWith(file + '/')) return url;
  return file + '#' + to.pathname.slice(file.length) + to.search + to.hash;
};
for (const name of ['pushState', 'replaceState']) {
  const original = History.prototype[name];
  History.prototype[name] = function (state, title, url) {
    return original.call(this, state, title, toFragment(url));
  };
}`;

/**
 * The wasm-bindgen glue, reading `window.location` through `prepFileLocation`: the import named
 * `__wbg_location_<hash>` (`function(arg0) { const ret = arg0.location; … }`, minified to
 * `function(n){return n.location}`).
 */
function routedGlue(glue) {
  const read = /(__wbg_location_[0-9a-f]+\s*:\s*function\s*\((\w+)\)\s*\{[^}]*?)\b\2\.location\b/g;
  const count = [...glue.matchAll(read)].length;
  if (count !== 1) fail(`expected one read of window.location in the JS glue, found ${count}`);
  return glue.replace(read, '$1globalThis.prepFileLocation($2.location)');
}
replaceOnce(
  /<link rel="stylesheet" href="([^"]+)"[^>]*\/?>/,
  // The footer offers this very file for download: from disk there is nothing to download.
  (_, href) => `<style>${file(href).toString('utf8').replace(/<\/style/gi, '<\\/style')}\n.site-footer { display: none; }</style>`,
  'stylesheet',
);
replaceOnce(
  /<link rel="icon" href="([^"]+)"[^>]*\/?>/,
  (_, href) => `<link rel="icon" href="data:image/svg+xml;base64,${file(href).toString('base64')}" />`,
  'icon',
);
replaceOnce(/<link rel="modulepreload"[^>]*>/, '', 'modulepreload');
replaceOnce(/<link rel="preload"[^>]*as="fetch"[^>]*>/, '', 'wasm preload');
replaceOnce(/\s*<link rel="manifest"[^>]*>/, '', 'manifest link');
replaceOnce(/\s*<link rel="apple-touch-icon"[^>]*>/, '', 'touch icon');
replaceOnce(/\s*<!-- Installable and offline[\s\S]*?-->/, '', 'offline comment');
replaceOnce(/\s*<script src="[^"]*\/register-[^"]*\.js"[^>]*><\/script>/, '', 'service worker script');
replaceOnce(
  /<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);([\s\S]*?)<\/script>/,
  (_, glue, wasm, rest) => `<script type="module">
${ROUTES_IN_THE_FRAGMENT}
const glue = URL.createObjectURL(new Blob([${scriptString(routedGlue(file(glue).toString('utf8')))}], { type: 'text/javascript' }));
const { default: init, ...bindings } = await import(glue);
const bytes = Uint8Array.from(atob(${scriptString(file(wasm).toString('base64'))}), (c) => c.charCodeAt(0));
const wasm = await init({ module_or_path: bytes });${rest}</script>`,
  'Trunk start-up script',
);
// The question bank the practice screens fetch (src/components/question_bank.rs), as a data:
// URL the app fetches instead of the file beside it.
const banks = readdirSync(dir).filter((name) => /^bank-[0-9a-f]{16}\.bin$/.test(name));
if (banks.length !== 1) fail(`expected one question bank (bank-<digest>.bin) in ${dir}, found ${banks.length}`);
replaceOnce(
  /<\/head>/,
  `<link id="question-bank" rel="alternate" type="application/octet-stream" href="data:application/octet-stream;base64,${readFileSync(join(dir, banks[0])).toString('base64')}" />\n</head>`,
  'end of <head>',
);
// The build-time home page links into the site; from disk the app draws its own at once.
html = html.replace(BUILD_TIME_MARKUP, '');
if (html.includes('data-prerendered')) fail('the build-time page was not removed');
replaceOnce(
  /<noscript>[\s\S]*?<\/noscript>/,
  '<noscript><p>This study app runs in your browser and needs JavaScript and WebAssembly.</p></noscript>',
  'noscript note',
);

writeFileSync(output, html);
console.log(`single file: ${output} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);

function fail(message) {
  console.error(`error: single-file: ${message}`);
  process.exit(1);
}
