// Prints the first-visit files of a release bundle (index.html and what it references: JS, wasm,
// CSS, icon) with their raw, gzip and brotli sizes, and the total, then the deck compiler's worker
// apart (no visit loads it): `node scripts/size-report.mjs dist`.
// With `--files a b ...`, the sizes of those files instead.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compileWorker, firstVisit, formatFirstVisit, formatSizes, sizes } from './first-visit.mjs';

const args = process.argv.slice(2);
if (args[0] === '--files') {
  console.log(formatSizes(args.slice(1).map((path) => sizes(basename(path), readFileSync(path)))));
} else {
  const dir = args[0] ?? 'dist';
  console.log(formatFirstVisit(firstVisit(dir, process.env.PUBLIC_URL ?? '/interview-prep/')));
  const worker = compileWorker(dir);
  if (worker.files.length > 0) console.log(`\n${formatFirstVisit(worker)}`);
}
