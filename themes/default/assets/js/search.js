// Search as you type over the chunked index the generator writes to search/index/ (format: docs/search.md).
// A query fetches the manifest, the vocabulary chunk of each word's first letter, the postings chunks of the terms
// it picked and one small chunk per result shown: never the whole index. No framework, no server.
(() => {
  'use strict';

  var WORD = /[\p{L}\p{Nd}]+(?:\.\p{Nd}+)*/gu;

  function words(text) { return (text.toLowerCase().match(WORD) || []); }

  // At most one edit (insert, delete, substitute, swap two neighbours) between a and b.
  function oneEdit(a, b) {
    var la = a.length, lb = b.length, i = 0;
    if (Math.abs(la - lb) > 1) return false;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function lowerBound(list, key) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < key) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // Chunks are gzipped; a server that already inflated them (Content-Encoding) hands over the plain bytes.
  async function inflate(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function json(bytes) { return JSON.parse(new TextDecoder().decode(bytes)); }

  // A postings chunk (docs/search.md): 'P', then per term n and three columns of n values: document deltas
  // (varints), weights (bytes), sections (varints). Returns, per term of the chunk, {d, w, s} with absolute ids.
  function postings(bytes) {
    var at = 1, terms = [];
    function varint() {
      var value = 0, shift = 0, b;
      do { b = bytes[at++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
      return value;
    }
    while (at < bytes.length) {
      var n = varint(), d = new Array(n), s = new Array(n), doc = 0, i;
      for (i = 0; i < n; i++) { doc += varint(); d[i] = doc; }
      var w = bytes.subarray(at, at + n);
      at += n;
      for (i = 0; i < n; i++) s[i] = varint();
      terms.push({ d: d, w: w, s: s });
    }
    return terms;
  }

  function SearchIndex(base, load) {
    this.base = base;
    this.load = load || (url => fetch(url).then(r => { if (!r.ok) throw new Error(url + ': ' + r.status); return r.arrayBuffer(); }));
    this.chunks = new Map();
  }

  SearchIndex.prototype.manifest = function () {
    var self = this;
    if (!this.m) this.m = this.load(this.base + 'manifest.json').then(inflate).then(json).then(m => {
      m.stopSet = new Set(m.stop);
      return m;
    }).catch(e => { self.m = null; throw e; });
    return this.m;
  };

  SearchIndex.prototype.chunk = function (path) {
    var self = this;
    if (!this.chunks.has(path)) {
      this.chunks.set(path, this.manifest().then(m => {
        return self.load(self.base + path + '?v=' + m.hash);
      }).then(inflate).then(path.startsWith('p/') ? postings : json).catch(e => { self.chunks.delete(path); throw e; }));
    }
    return this.chunks.get(path);
  };

  // Documents travel in small groups (manifest.docGroup per file): fewer files to write, little more to fetch.
  SearchIndex.prototype.doc = function (id) {
    var self = this;
    return this.manifest().then(m => self.chunk('d/' + Math.floor(id / m.docGroup) + '.bin').then(g => g[id % m.docGroup]));
  };

  // The words of a query worth looking up; the last one is a prefix while it is still being typed.
  SearchIndex.prototype.parse = function (query, m) {
    var all = words(query), typing = !/\s$/.test(query);
    var list = all.filter((w, i) => {
      return w.length >= m.minTerm && (!m.stopSet.has(w) || (typing && i === all.length - 1)); // "in" may become "index"
    });
    var seen = new Set();
    list = list.filter(w => { if (seen.has(w)) return false; seen.add(w); return true; });
    return { words: list, prefix: list.length > 0 && typing && all[all.length - 1] === list[list.length - 1] };
  };

  // A word stands for itself (quality 1), its completions while typed (0.8), and, when neither exists and it has
  // 5+ letters, terms one typo away (0.6, 0.5 for a typo in a prefix). The first letter has to be right.
  SearchIndex.prototype.expand = async function (word, prefix, m) {
    var key = -1;
    m.vocab.forEach((k, i) => { if (word.startsWith(k) && (key < 0 || k.length > m.vocab[key].length)) key = i; });
    if (key < 0) return [];
    var v = await this.chunk('v/' + key + '.bin');
    var out = [];
    function add(i, q) { out.push({ term: v.t[i], df: v.f[i], shard: v.p[i], at: v.o[i], q: q }); }
    var at = lowerBound(v.t, word);
    if (v.t[at] === word) add(at, 1);
    if (prefix) {
      var more = [];
      for (var i = at; i < v.t.length && v.t[i].startsWith(word); i++) if (v.t[i] !== word) more.push(i);
      more.sort((a, b) => v.f[b] - v.f[a]).slice(0, 6).forEach(i => { add(i, 0.8); });
    }
    if (out.length === 0 && word.length >= 5) {
      var near = [];
      for (var j = 0; j < v.t.length; j++) {
        var t = v.t[j];
        if (oneEdit(word, t)) near.push([j, 0.6]);
        else if (prefix && t.length > word.length &&
          (oneEdit(word, t.slice(0, word.length)) || oneEdit(word, t.slice(0, word.length + 1)) ||
            oneEdit(word, t.slice(0, word.length - 1)))) near.push([j, 0.5]);
      }
      near.sort((a, b) => b[1] - a[1] || v.f[b[0]] - v.f[a[0]]).slice(0, 4).forEach(n => { add(n[0], n[1]); });
    }
    return out;
  };

  SearchIndex.prototype.rank = async function (query) {
    var m = await this.manifest(), self = this, parsed = this.parse(query, m);
    var expanded = await Promise.all(parsed.words.map((w, i) => {
      return self.expand(w, parsed.prefix && i === parsed.words.length - 1, m);
    }));
    var shards = new Set();
    expanded.forEach(list => { list.forEach(c => { shards.add(c.shard); }); });
    var loaded = new Map();
    await Promise.all(Array.from(shards).map(s => {
      return self.chunk('p/' + s + '.bin').then(p => { loaded.set(s, p); });
    }));
    var started = now();
    var perWord = expanded.map(list => {
      var best = new Map();
      list.forEach(c => {
        var p = loaded.get(c.shard)[c.at];
        var idf = 1 + 0.5 * Math.log(m.docs / c.df) / Math.log(m.docs + 1);
        for (var i = 0; i < p.d.length; i++) {
          var doc = p.d[i], score = c.q * p.w[i] * idf, had = best.get(doc);
          if (!had || score > had.score) best.set(doc, { score: score, section: p.s[i] });
        }
      });
      return best;
    });
    var results = [];
    if (perWord.length) {
      var order = perWord.slice().sort((a, b) => a.size - b.size);
      order[0].forEach((hit, id) => {
        var score = 0, top = null;
        for (var k = 0; k < order.length; k++) {
          var h = order[k].get(id);
          if (!h) return;
          score += h.score;
          if (!top || h.score > top.score) top = h;
        }
        results.push({ id: id, score: score, section: top.section });
      });
      results.sort((a, b) => b.score - a.score || a.id - b.id);
    }
    var terms = [];
    expanded.forEach(list => { list.forEach(c => { terms.push(c.term); }); });
    this.lastComputeMs = now() - started;
    return { results: results, terms: terms, prefix: parsed.prefix ? parsed.words[parsed.words.length - 1] : null, words: parsed.words };
  };

  function now() { return typeof performance !== 'undefined' ? performance.now() : Date.now(); }

  SearchIndex.prototype.facets = function () {
    var self = this;
    if (!this.f) this.f = Promise.all([this.manifest(), this.chunk('facets.bin')]).then(r => {
      var n = r[0].docs;
      return r[1].map(facet => {
        var of = new Array(n);
        facet.values.forEach((value, v) => {
          var doc = 0;
          value.d.forEach(delta => { doc += delta; (of[doc] = of[doc] || []).push(v); });
        });
        return { key: facet.key, name: facet.name, values: facet.values.map(v => { return { key: v.k, name: v.n }; }), of: of };
      });
    });
    return this.f;
  };

  // Keeps the ids that pass the selected filters ({facet: [keys]}); counts each facet's values among the ids that
  // pass the other facets' filters, so a selected value never hides its alternatives. ids null: every document.
  SearchIndex.prototype.filter = async function (ids, selected) {
    var facets = await this.facets(), m = await this.manifest();
    if (!ids) { ids = []; for (var d = 0; d < m.docs; d++) ids.push(d); }
    var wanted = facets.map(f => {
      var keys = selected[f.key] || [];
      var set = new Set();
      f.values.forEach((v, i) => { if (keys.indexOf(v.key) >= 0) set.add(i); });
      return set;
    });
    function passes(id, skip) {
      for (var k = 0; k < facets.length; k++) {
        if (k === skip || !wanted[k].size) continue;
        var vals = facets[k].of[id];
        if (!vals || !vals.some(v => wanted[k].has(v))) return false;
      }
      return true;
    }
    var counts = facets.map(f => new Array(f.values.length).fill(0));
    var kept = [];
    ids.forEach(id => {
      if (passes(id, -1)) kept.push(id);
      facets.forEach((f, k) => {
        if (passes(id, k)) (f.of[id] || []).forEach(v => { counts[k][v]++; });
      });
    });
    return {
      ids: kept,
      facets: facets.map((f, k) => {
        return { key: f.key, name: f.name, values: f.values.map((v, i) => { return { key: v.key, name: v.name, count: counts[k][i], selected: wanted[k].has(i) }; }) };
      }),
    };
  };

  function describe(doc, hit, match) {
    var sections = doc.s, s = hit.section > 0 ? hit.section - 1 : -1;
    var order = [];
    if (s >= 0) order.push(s);
    for (var i = 0; i < sections.length; i++) if (i !== s) order.push(i);
    var found = null;
    for (var k = 0; k < order.length && !found; k++) {
      var text = sections[order[k]][2], re = new RegExp(WORD.source, 'gu'), w;
      while ((w = re.exec(text))) if (match(w[0].toLowerCase())) { found = { section: order[k], at: w.index }; break; }
    }
    var url = doc.u, heading = null;
    var target = s >= 0 ? s : (found && hit.section !== 0 ? found.section : -1);
    if (target >= 0 && sections[target][0]) { url += '#' + sections[target][0]; heading = sections[target][1]; }
    var source = found ? sections[found.section][2] : (doc.m || (sections[0] ? sections[0][2] : ''));
    var from = found ? Math.max(0, found.at - 60) : 0;
    if (from > 0) { var space = source.indexOf(' ', from); from = space > 0 && space < found.at ? space + 1 : from; }
    var excerpt = source.slice(from, from + 220);
    var end = excerpt.length === 220 ? excerpt.lastIndexOf(' ') : -1;
    if (end > 120) excerpt = excerpt.slice(0, end);
    return { url: url, heading: heading, excerpt: (from > 0 ? '… ' : '') + excerpt + (from + excerpt.length < source.length ? ' …' : '') };
  }

  function matcher(ranked) {
    var terms = new Set(ranked.terms), prefix = ranked.prefix;
    return w => terms.has(w) || (prefix !== null && w.startsWith(prefix));
  }

  function highlight(el, text, match) {
    var re = new RegExp(WORD.source, 'gu'), last = 0, w;
    while ((w = re.exec(text))) {
      if (!match(w[0].toLowerCase())) continue;
      el.append(text.slice(last, w.index));
      var mark = document.createElement('mark');
      mark.textContent = w[0];
      el.append(mark);
      last = w.index + w[0].length;
    }
    el.append(text.slice(last));
  }

  var KINDS = { product: 'Product', release: 'Release', guide: 'Guide', newsletter: 'Newsletter', 'office-hours': 'Office hours', page: 'Page' };

  function meta(doc, heading) {
    return [KINDS[doc.k] || doc.k, doc.p, doc.d, heading ? '› ' + heading : null].filter(Boolean).join(' · ');
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function debounce(fn, ms) {
    var t;
    return () => { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  function headerBox(form, index) {
    var input = form.querySelector('input[type=search]'), list = form.querySelector('[role=listbox]');
    var popup = list.parentElement, status = form.querySelector('.search-status');
    var active = -1, options = [], serial = 0;
    // The box becomes a combobox only once the script can drive one; without JS it stays a plain search field.
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-expanded', 'false');

    function open(on) { popup.hidden = !on; input.setAttribute('aria-expanded', on ? 'true' : 'false'); }
    function select(i) {
      if (options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (options[i]) {
        options[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      } else input.removeAttribute('aria-activedescendant');
    }
    function option(url, title, info, excerpt, match) {
      var li = el('li', 'search-option');
      li.setAttribute('role', 'option');
      li.id = list.id + '-' + options.length;
      li.setAttribute('aria-selected', 'false');
      li.dataset.url = url;
      var t = el('span', 'search-option-title');
      highlight(t, title, match);
      li.append(t);
      if (info) li.append(el('span', 'search-meta', info));
      if (excerpt) { var p = el('span', 'search-excerpt'); highlight(p, excerpt, match); li.append(p); }
      options.push(li);
      return li;
    }
    async function run() {
      var query = input.value, mine = ++serial;
      if (!query.trim()) { open(false); list.replaceChildren(); options = []; select(-1); status.textContent = ''; return; }
      try {
        var ranked = await index.rank(query), match = matcher(ranked), top = ranked.results.slice(0, 6);
        var docs = await Promise.all(top.map(r => index.doc(r.id)));
        if (mine !== serial) return;
        options = [];
        active = -1;
        input.removeAttribute('aria-activedescendant');
        var items = top.map((r, i) => {
          var d = describe(docs[i], r, match);
          return option(d.url, docs[i].t, meta(docs[i], d.heading), d.excerpt, match);
        });
        var all = form.action + (form.action.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(query);
        items.push(option(all, ranked.results.length ? 'All ' + ranked.results.length + ' results' : 'No results: search page', null, null, () => false));
        list.replaceChildren.apply(list, items);
        status.textContent = ranked.results.length + ' results';
        open(true);
      } catch (e) {
        status.textContent = 'Search is unavailable right now.';
        console.warn('search:', e);
      }
    }
    input.addEventListener('input', debounce(run, 60));
    input.addEventListener('focus', () => { if (options.length && input.value.trim()) open(true); });
    input.addEventListener('keydown', e => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!options.length) return;
        e.preventDefault();
        open(true);
        var n = options.length;
        select(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === 'Enter' && active >= 0 && !popup.hidden) {
        e.preventDefault();
        location.href = options[active].dataset.url;
      } else if (e.key === 'Escape') {
        if (!popup.hidden) { e.preventDefault(); serial++; open(false); select(-1); } // and drop a search still under way
      }
    });
    list.addEventListener('mousedown', e => { e.preventDefault(); }); // keep focus in the input
    list.addEventListener('click', e => {
      var li = e.target.closest('[role=option]');
      if (li) location.href = li.dataset.url;
    });
    // Closing waits a moment: on touch screens a tap on an option may move focus before its click arrives.
    form.addEventListener('focusout', () => setTimeout(() => { if (!form.contains(document.activeElement)) open(false); }, 250));
  }

  function searchPage(root, index) {
    var form = root.querySelector('form'), input = form.querySelector('input[type=search]');
    var results = root.querySelector('.search-results'), status = root.querySelector('.search-status');
    var filters = root.querySelector('.search-filters'), more = root.querySelector('.search-more');
    var params = new URLSearchParams(location.search), selected = {}, shown = 0, current = null, serial = 0;
    var expanded = {};
    ['product', 'kind', 'label', 'audience'].forEach(k => { selected[k] = params.getAll(k); });
    input.value = params.get('q') || '';

    function state() {
      var p = new URLSearchParams();
      if (input.value) p.set('q', input.value);
      Object.keys(selected).forEach(k => { selected[k].forEach(v => { p.append(k, v); }); });
      var qs = p.toString();
      history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
    }

    function drawFilters(facets) {
      var boxes = facets.filter(f => f.values.length).map(f => {
        var set = el('fieldset', 'search-facet');
        set.append(el('legend', null, f.name));
        var values = f.values.filter(v => v.count || v.selected);
        if (!expanded[f.key] && values.length > 8) {
          values = values.slice().sort((a, b) => b.count - a.count);
          values = values.filter((v, i) => i < 8 || v.selected);
        }
        values.forEach(v => {
          var label = el('label'), box = el('input');
          box.type = 'checkbox';
          box.name = f.key;
          box.value = v.key;
          box.checked = v.selected;
          label.append(box, ' ' + v.name + ' ', el('span', 'search-count', '(' + v.count + ')'));
          set.append(label);
        });
        var all = f.values.filter(v => v.count || v.selected).length;
        if (all > values.length || expanded[f.key]) {
          var toggle = el('button', 'search-toggle', expanded[f.key] ? 'Fewer' : 'All ' + all);
          toggle.type = 'button';
          toggle.dataset.facet = f.key;
          set.append(toggle);
        }
        return set;
      });
      var focused = document.activeElement && filters.contains(document.activeElement) ? document.activeElement : null;
      var key = focused && (focused.name + '=' + focused.value + (focused.dataset.facet || ''));
      filters.replaceChildren.apply(filters, boxes);
      if (key) {
        var again = Array.from(filters.querySelectorAll('input,button')).find(b => b.name + '=' + b.value + (b.dataset.facet || '') === key);
        if (again) again.focus();
      }
    }

    async function page() {
      var mine = serial, slice = current.ids.slice(shown, shown + 10);
      var docs = await Promise.all(slice.map(id => index.doc(id)));
      if (mine !== serial) return;
      var match = current.match;
      docs.forEach((doc, i) => {
        var d = describe(doc, current.hits.get(slice[i]) || { section: 0 }, match);
        var li = el('li', 'search-result'), a = el('a');
        a.href = d.url;
        highlight(a, doc.t, match);
        li.append(a, el('span', 'search-meta', meta(doc, d.heading)));
        if (d.excerpt) { var p = el('p', 'search-excerpt'); highlight(p, d.excerpt, match); li.append(p); }
        results.append(li);
      });
      shown += slice.length;
      more.hidden = shown >= current.ids.length;
    }

    async function run() {
      var mine = ++serial, query = input.value.trim();
      state();
      try {
        var filtering = Object.keys(selected).some(k => selected[k].length);
        var ranked = query ? await index.rank(input.value) : null;
        var hits = new Map();
        if (ranked) ranked.results.forEach(r => { hits.set(r.id, r); });
        var filtered = await index.filter(ranked ? ranked.results.map(r => r.id) : null, selected);
        if (mine !== serial) return;
        drawFilters(filtered.facets);
        results.replaceChildren();
        shown = 0;
        current = { ids: ranked || filtering ? filtered.ids : [], hits: hits, match: ranked ? matcher(ranked) : () => false };
        status.textContent = !query && !filtering ? 'Type to search, or pick a filter to browse.' :
          current.ids.length + (current.ids.length === 1 ? ' result' : ' results') + (query ? ' for “' + query + '”' : '');
        await page();
      } catch (e) {
        status.textContent = 'Search is unavailable right now.';
        console.warn('search:', e);
      }
    }

    input.addEventListener('input', debounce(run, 80));
    form.addEventListener('submit', e => { e.preventDefault(); run(); });
    filters.addEventListener('change', e => {
      var box = e.target;
      var list = selected[box.name] = selected[box.name].filter(v => v !== box.value);
      if (box.checked) list.push(box.value);
      run();
    });
    filters.addEventListener('click', e => {
      var t = e.target.closest('.search-toggle');
      if (t) { expanded[t.dataset.facet] = !expanded[t.dataset.facet]; run(); }
    });
    more.addEventListener('click', page);
    root.addEventListener('keydown', e => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var links = Array.from(results.querySelectorAll('a')), at = links.indexOf(document.activeElement);
      if (document.activeElement !== input && at < 0) return;
      e.preventDefault();
      if (e.key === 'ArrowDown') (links[at + 1] || links[at] || input).focus();
      else (at > 0 ? links[at - 1] : input).focus();
    });
    run();
  }

  function start() {
    var header = document.querySelector('form.search-box[data-search-index]');
    var root = document.querySelector('.search-page[data-search-index]');
    var base = (root || header || {}).dataset;
    if (!base) return;
    var index = new SearchIndex(base.searchIndex);
    if (header && header.querySelector('[role=listbox]')) headerBox(header, index);
    if (root) searchPage(root, index);
    document.addEventListener('keydown', e => {
      var t = e.target;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      var box = (root || header).querySelector('input[type=search]');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    });
  }

  var api = { SearchIndex: SearchIndex, words: words, oneEdit: oneEdit, describe: describe, matcher: matcher };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof window !== 'undefined') {
    window.InternalSiteSearch = api;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  }
})();
