// Where the wasm's bytes go: reads a wasm file that kept its name section (`wasm-opt -g`) and
// prints its code bytes per crate and per app route, and its data bytes. Run it through
// `scripts/bytes.sh`, which builds such a file the way the release build does.
//
// A function counts for the crate its demangled path starts with (`tachys::view::..` is tachys);
// a generic instance counts for the first crate named in its path, so Leptos view code
// monomorphised for a route is Leptos's. The route table counts every function whose name
// mentions `interview_prep::routes::<route>`, wherever it starts: what a screen costs.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/wasm-bytes.mjs <file.wasm>');
  process.exit(2);
}
const bytes = readFileSync(file);
let at = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
};
const text = (length) => {
  const value = bytes.toString('utf8', at, at + length);
  at += length;
  return value;
};

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
let dataBytes = 0;
const sections = {};
const sectionNames = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  const start = at;
  sections[sectionNames[id] ?? id] = (sections[sectionNames[id] ?? id] ?? 0) + size;
  if (id === 2) {
    for (let count = leb(), i = 0; i < count; i++) {
      text(leb());
      text(leb());
      const kind = bytes[at++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { at += 2; }
      else if (kind === 4) { at++; leb(); }
    }
  } else if (id === 10) {
    for (let count = leb(), i = 0; i < count; i++) {
      const bodySize = leb();
      bodySizes.push(bodySize);
      at += bodySize;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const name = text(leb());
    if (name === 'name') {
      while (at < end) {
        const sub = bytes[at++];
        const subSize = leb();
        const subEnd = at + subSize;
        if (sub === 1) {
          for (let count = leb(), i = 0; i < count; i++) {
            const index = leb();
            names.set(index, text(leb()));
          }
        }
        at = subEnd;
      }
    }
  }
  at = end;
  void start;
}

if (names.size === 0) {
  console.error(`${file} has no function names: build it with \`wasm-opt -g\` (scripts/bytes.sh does).`);
  process.exit(1);
}

// The crate a demangled name belongs to: the first path segment, looking through `<`, `&`,
// `dyn ` and `impl ` so `<alloc::vec::Vec<T> as Drop>::drop` is alloc.
// The crate disambiguators v0 mangling adds (`core[6a69a5c15ad3308a]::`, fewer digits when the
// hash has leading zeros) are dropped first.
const withoutCrateHashes = (name) => name.replace(/\[[0-9a-f]{1,16}\]/g, '');
const crateOf = (name) => {
  const cleaned = withoutCrateHashes(name);
  if (/^<(str|\[[^\]]*\])>::/.test(cleaned)) return 'core/alloc (str and slice methods)';
  const match = /([a-z_][a-z0-9_]*)::/.exec(cleaned);
  if (match) return match[1];
  return /^[a-z_0-9$.]+$/i.test(name) ? '(runtime, wasm-bindgen glue)' : '(other)';
};

const byCrate = new Map();
const byRoute = new Map();
let codeTotal = 0;
bodySizes.forEach((size, i) => {
  const name = withoutCrateHashes(names.get(i + importedFunctions) ?? '');
  codeTotal += size;
  const crate = crateOf(name);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  const routes = new Set([...name.matchAll(/interview_prep::(routes|components)::([a-z_]+)/g)].map((m) => `${m[1]}/${m[2]}`));
  for (const route of routes) byRoute.set(route, (byRoute.get(route) ?? 0) + size);
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (n) => `${((100 * n) / bytes.length).toFixed(1)}%`;
const table = (title, rows) => {
  console.log(`\n| ${title} | bytes | share of the file |\n| --- | ---: | ---: |`);
  for (const [name, size] of rows) console.log(`| ${name} | ${kb(size)} | ${pct(size)} |`);
};
console.log(`${file}: ${kb(bytes.length)} raw, ${bodySizes.length} functions`);
table('section', [['code', codeTotal], ['data (strings, tables, the deck)', dataBytes], ['everything else (names excluded)', bytes.length - codeTotal - dataBytes - (sections.custom ?? 0)]]);
const crates = [...byCrate].sort((a, b) => b[1] - a[1]);
const shown = crates.filter(([, size]) => size >= 1024);
const rest = crates.filter(([, size]) => size < 1024).reduce((t, [, size]) => t + size, 0);
table('code by crate', [...shown, ['(crates under 1 KB)', rest]]);
table('code naming a screen or component (overlaps)', [...byRoute].sort((a, b) => b[1] - a[1]));

// `--top N`: the N largest functions, to see what a crate's bytes are.
const top = process.argv.indexOf('--top');
if (top > 0) {
  const count = Number(process.argv[top + 1] ?? 40);
  const functions = bodySizes.map((size, i) => [names.get(i + importedFunctions) ?? '?', size]);
  table(`${count} largest functions`, functions.sort((a, b) => b[1] - a[1]).slice(0, count).map(([n, s]) => [`\`${n.slice(0, 150)}\``, s]));
}
