// Runs the theme's search.js under node against a built site folder, the way the browser would, and prints the
// ranked results as JSON lines. Used by the ranking fixture tests: the JS is what users run, so the JS is tested.
//   node search-runner.js SEARCH_JS SITE_FOLDER BASE_PATH QUERY...
'use strict';
const fs = require('fs');
const path = require('path');
const [searchJs, site, basePath, ...queries] = process.argv.slice(2);
const api = require(path.resolve(searchJs));

(async () => {
  for (const query of queries) {
    // A fresh index per query: every query starts cold, and `loaded` lists what it fetched.
    const loaded = [];
    const index = new api.SearchIndex(basePath + 'search/index/', (url) => {
      const relative = url.slice(basePath.length).split('?')[0];
      loaded.push(relative);
      const b = fs.readFileSync(path.join(site, relative));
      return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    });
    const ranked = await index.rank(query);
    const match = api.matcher(ranked);
    const top = [];
    for (const hit of ranked.results.slice(0, 5)) {
      const doc = await index.doc(hit.id);
      const d = api.describe(doc, hit, match);
      top.push({ title: doc.t, url: d.url, excerpt: d.excerpt });
    }
    process.stdout.write(JSON.stringify({ query, total: ranked.results.length, top, loaded, ms: index.lastComputeMs }) + '\n');
  }
})().catch((e) => { console.error(e); process.exit(1); });
