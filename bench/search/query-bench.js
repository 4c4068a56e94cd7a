// Cold-query benchmark: our search.js over search/index/ vs Pagefind's API over its own index, same built site.
//   node query-bench.js SITE_DIR PAGEFIND_DIR [query ...]
// Serves SITE_DIR (and PAGEFIND_DIR at /pagefind/) on loopback without compression, opens a fresh Chromium
// context per query (empty cache), loads each engine's script on a blank same-origin page, runs the query and
// fetches what it needs to show the top 10 results. Reports bytes served, time to results, and the time the
// same query takes again once every chunk has arrived (the search itself, no network).
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { chromium } = require(path.join(__dirname, 'work/node_modules/playwright-core'));

const [site, pagefind, ...args] = process.argv.slice(2);
const queries = args.length ? args : ['latency', 'forecast pipeline dashboard'];
let served = 0;
let files = 0;

const types = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.html': 'text/html', '.css': 'text/css' };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  if (url === '/__blank.html') { res.end('<!doctype html><title>bench</title>'); return; }
  const file = url.startsWith('/pagefind/') ? path.join(pagefind, url.slice(10)) : path.join(site, url);
  fs.readFile(file, (err, body) => {
    if (err) { res.statusCode = 404; res.end(); return; }
    served += body.length;
    files++;
    res.setHeader('Content-Type', types[path.extname(file)] || 'application/octet-stream');
    res.end(body);
  });
});

const engines = {
  ours: async (q) => {
    const t0 = performance.now();
    await new Promise((ok, fail) => { const s = document.createElement('script'); s.src = '/assets/js/search.js'; s.onload = ok; s.onerror = fail; document.head.append(s); });
    const ix = new window.InternalSiteSearch.SearchIndex('/search/index/');
    const run = async () => { const r = await ix.rank(q); const docs = await Promise.all(r.results.slice(0, 10).map((h) => ix.doc(h.id))); return [r.results.length, docs[0] && docs[0].t]; };
    const [total, first] = await run();
    const t1 = performance.now();
    await run();
    return { total, first, coldMs: t1 - t0, warmMs: performance.now() - t1 };
  },
  pagefind: async (q) => {
    const t0 = performance.now();
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    const run = async () => { const r = await pf.search(q); const docs = await Promise.all(r.results.slice(0, 10).map((x) => x.data())); return [r.results.length, docs[0] && docs[0].meta.title]; };
    const [total, first] = await run();
    const t1 = performance.now();
    await run();
    return { total, first, coldMs: t1 - t0, warmMs: performance.now() - t1 };
  },
};

(async () => {
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const rows = [];
  for (const q of queries) {
    for (const name of Object.keys(engines)) {
      for (let rep = 0; rep < 3; rep++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(origin + '/__blank.html');
        served = 0; files = 0;
        const r = await page.evaluate(engines[name], q);
        rows.push({ query: q, engine: name, rep, bytes: served, files, ...r });
        await context.close();
      }
    }
  }
  await browser.close();
  server.close();
  const best = {};
  for (const r of rows) {
    const k = r.query + '|' + r.engine;
    if (!best[k] || r.coldMs < best[k].coldMs) best[k] = { ...r, warmMs: Math.min(r.warmMs, best[k] ? best[k].warmMs : Infinity) };
  }
  console.log('query\tengine\tresults\tfiles\tbytes\tcold ms\twarm ms\ttop result');
  for (const r of Object.values(best)) {
    console.log([r.query, r.engine, r.total, r.files, r.bytes, r.coldMs.toFixed(0), r.warmMs.toFixed(1), r.first].join('\t'));
  }
  for (const q of queries) {
    const o = best[q + '|ours'], p = best[q + '|pagefind'];
    console.log(`ratio ours/pagefind for "${q}": bytes ${(o.bytes / p.bytes).toFixed(2)}, cold time ${(o.coldMs / p.coldMs).toFixed(2)}`);
  }
})().catch((e) => { console.error(e); process.exit(1); });
