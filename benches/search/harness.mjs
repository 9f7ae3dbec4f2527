// The search benchmark's measurements, run inside the page of the engine being measured: the
// bench page (page.html) for the JS peers, the app itself (dist/, where trunk puts the wasm-bindgen
// exports on window.wasmBindings) for ours. run.mjs imports this module into each page and calls it
// through page.evaluate, so every engine is measured by the same code in the same browser.

/** Our engine, from the app's wasm-bindgen exports, behind the same interface as peers.mjs. */
export function ours(bindings) {
  let bytes = null;
  return {
    name: 'ours',
    settings: 'prep-engine search in the app\'s release wasm (dist/)',
    // The first prep_search_load() loads or builds the index and returns its data's size in bytes.
    async build() {
      bytes = Number(await bindings.prep_search_load());
    },
    search: (query, limit) => bindings.prep_search(query, limit), // a Uint32Array of card indices
    indices: (result) => Array.from(result),
    size: async () => bytes,
  };
}

/** Whether this build of the app has our search (run.mjs prints "not in this build" if not). */
export const hasOurs = (bindings) =>
  typeof bindings?.prep_search === 'function' && typeof bindings?.prep_search_load === 'function';

/** Milliseconds to build (peers) or load (ours) the index, the first time in this page. */
export async function build(engine, docs) {
  const start = performance.now();
  await engine.build(docs);
  return performance.now() - start;
}

/** The first `depth` document indices each query returns, in the order of `queries`. */
export function top(engine, queries, limit, depth = 3) {
  return queries.map((query) => engine.indices(engine.search(query, limit)).slice(0, depth));
}

/** The smallest step performance.now() takes here, in µs (Chromium coarsens it on purpose). */
export function timerResolution() {
  let step = Infinity;
  for (let i = 0; i < 200; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    step = Math.min(step, b - a);
  }
  return step * 1000;
}

/**
 * Microseconds per call of each query (in the order of `queries`, which should hold each query
 * once; run.mjs weights them by how often they were typed).
 *
 * The method: Chromium's performance.now() is coarse (100 µs steps with jitter, 5 µs in a
 * cross-origin-isolated page such as run.mjs serves), far coarser than one fast search, so no
 * single call is timed. First every query runs `warmup` times (JIT, caches, lazily built tables).
 * Then each query is calibrated: it runs k times back to back, k doubling from 1 until one such
 * batch takes at least `batchMs` (≥ 20 timer steps). Then `rounds` passes go over the whole list,
 * each timing one batch of k calls per query; a query's time is the median over the passes of
 * (batch time / k). Repeating a query k times measures it with warm caches, the same for every
 * engine; an engine that memoised its last answer would look faster than it is (none of the peers
 * does with these settings, and ours must not). Each result's length is read into a sink so no
 * call can be optimised away.
 */
export function timeQueries(engine, queries, { limit, batchMs = 1, rounds = 3, warmup = 2 }) {
  let sink = 0;
  const { search } = engine;
  // How many results each query gives (from the first warm-up pass): an empty answer is fast.
  const results = queries.map((query) => search(query, limit).length);
  for (let w = 1; w < warmup; w++) for (const query of queries) sink += search(query, limit).length;

  const batch = (query, k) => {
    const start = performance.now();
    for (let i = 0; i < k; i++) sink += search(query, limit).length;
    return performance.now() - start;
  };
  const repeats = queries.map((query) => {
    let k = 1;
    while (k < 1 << 20 && batch(query, k) < batchMs) k *= 2;
    return k;
  });
  const samples = queries.map(() => []);
  for (let r = 0; r < rounds; r++) {
    // Alternate the direction of the passes, so no query always runs right after the same one.
    for (let n = 0; n < queries.length; n++) {
      const i = r % 2 ? queries.length - 1 - n : n;
      samples[i].push((batch(queries[i], repeats[i]) / repeats[i]) * 1000);
    }
  }
  globalThis.__searchBenchSink = sink;
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return { micros: samples.map(median), results };
}
