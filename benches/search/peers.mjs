// The four JS search libraries the search benchmark compares ours with, each behind the same small
// interface, with the settings of the comparison table in the search issue (keep them as they are:
// the point is to compare with each library as its documentation suggests using it).
//
// Each library's ESM browser build is served from node_modules by run.mjs's static server under
// ./vendor/<package>/ and imported only by the page that measures that library.
//
// An engine is { name, settings, build(docs), search(query, limit), indices(result), size() }:
// - build(docs) constructs the index from every document (what "index build" times);
// - search(query, limit) returns the library's own result (what the timing loop calls; its
//   `length` is read, so nothing is optimised away), best first, at most about `limit` entries;
// - indices(result) maps that result to document indices (deck order), best first;
// - size() is the UTF-8 length of the library's serialised index as JSON, or null if it has none.
// Every document gets its deck index as its id (a number where the library takes one), so results
// map back to cards without a lookup table.

const utf8 = (string) => new TextEncoder().encode(string).length;

export const PEERS = {
  async flexsearch() {
    const { Document } = await import('./vendor/flexsearch/dist/flexsearch.bundle.module.min.mjs');
    let index;
    return {
      name: 'FlexSearch',
      settings: 'Document index over title, text, context; tokenize "forward"; merge: true',
      build(docs) {
        index = new Document({
          document: {
            id: 'id',
            // Merged results list the title field's hits first, then text's, then context's.
            index: ['title', 'text', 'context'].map((field) => ({ field, tokenize: 'forward' })),
          },
        });
        docs.forEach((doc, id) => index.add({ id, title: doc.title, text: doc.text, context: doc.context }));
      },
      // `limit` applies per field; the merged list of all fields is cut to `limit`.
      search: (query, limit) => index.search(query, { limit, merge: true }).slice(0, limit),
      indices: (result) => result.map((entry) => entry.id),
      async size() {
        // export() hands over the index in chunks, each already a JSON string.
        let bytes = 0;
        await index.export((key, data) => {
          if (data != null) bytes += utf8(key) + utf8(data);
        });
        return bytes;
      },
    };
  },

  async minisearch() {
    const { default: MiniSearch } = await import('./vendor/minisearch/dist/es/index.js');
    let index;
    return {
      name: 'MiniSearch',
      settings: 'fields title, context, text; searchOptions { prefix: true, fuzzy: 0.2, boost: { title: 2 } }',
      build(docs) {
        index = new MiniSearch({
          fields: ['title', 'context', 'text'],
          searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
        });
        index.addAll(docs.map((doc, id) => ({ id, title: doc.title, context: doc.context, text: doc.text })));
      },
      // MiniSearch has no limit: it scores and sorts every match, then we keep the first `limit`.
      search: (query, limit) => index.search(query).slice(0, limit),
      indices: (result) => result.map((hit) => hit.id),
      size: async () => utf8(JSON.stringify(index)), // MiniSearch#toJSON
    };
  },

  async orama() {
    const { create, insertMultiple, search, save } = await import('./vendor/@orama/orama/dist/browser/index.js');
    let db;
    return {
      name: 'Orama',
      settings: 'schema title, context, text: string; search { tolerance: 1, boost: { title: 2 } }',
      build(docs) {
        db = create({ schema: { title: 'string', context: 'string', text: 'string' } });
        // Orama takes a document's string `id` as its id.
        const result = insertMultiple(db, docs.map((doc, id) => ({ id: String(id), title: doc.title, context: doc.context, text: doc.text })));
        if (typeof result?.then === 'function') throw new Error('Orama inserted asynchronously');
      },
      search(term, limit) {
        const result = search(db, { term, tolerance: 1, boost: { title: 2 }, limit });
        if (typeof result?.then === 'function') throw new Error('Orama searched asynchronously');
        return result.hits;
      },
      indices: (hits) => hits.map((hit) => Number(hit.id)),
      size: async () => utf8(JSON.stringify(save(db))),
    };
  },

  async fuse() {
    const { default: Fuse } = await import('./vendor/fuse.js/dist/fuse.mjs');
    let fuse;
    return {
      name: 'Fuse.js',
      settings: 'keys title, context, text; threshold 0.3 (other options default)',
      build(docs) {
        fuse = new Fuse(docs, { keys: ['title', 'context', 'text'], threshold: 0.3 });
      },
      search: (query, limit) => fuse.search(query, { limit }),
      indices: (result) => result.map((hit) => hit.refIndex),
      // Fuse's index (FuseIndex#toJSON) holds the normalised field values it scans at search time.
      size: async () => utf8(JSON.stringify(fuse.getIndex().toJSON())),
    };
  },
};
