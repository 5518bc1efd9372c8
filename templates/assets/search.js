// The archive's search page: a thin UI over Pagefind's JS API (pagefind.js in the search bundle).
// The address holds the whole search (?q=words&country=Iraq&topic=…&year=2025&sort=newest), so a
// search can be shared or bookmarked, and Back and Forward step through the searches made.
// Filter values list only those that have results, most results first. Plain script, no
// network besides the archive's own files; from disk (file://) it says search needs HTTP.
(function () {
  'use strict';
  var app = document.getElementById('search-app');
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var sortSelect = document.getElementById('search-sort');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var details = document.getElementById('search-filters');
  var groups = document.getElementById('search-filter-groups');
  var filterCount = document.getElementById('search-filter-count');
  var FILTERS = [['country', 'Country'], ['topic', 'Topic'], ['year', 'Year']];
  var SORTS = { newest: { date: 'desc' }, oldest: { date: 'asc' } };
  var PAGE = 10;

  function unavailable() {
    document.querySelector('.search-unavailable').hidden = false;
    form.hidden = true;
  }
  if (location.protocol === 'file:') return unavailable();

  // The state of a search, read from and written to the address.
  function fromUrl() {
    var p = new URLSearchParams(location.search);
    var state = { q: (p.get('q') || '').trim(), sort: SORTS[p.get('sort')] ? p.get('sort') : '', filters: {} };
    FILTERS.forEach(function (f) { state.filters[f[0]] = p.getAll(f[0]).filter(Boolean); });
    return state;
  }
  function toQuery(state) {
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    FILTERS.forEach(function (f) { state.filters[f[0]].forEach(function (v) { p.append(f[0], v); }); });
    if (state.sort) p.set('sort', state.sort);
    var s = p.toString();
    return s ? '?' + s : '';
  }
  function fromForm() {
    var state = { q: input.value.trim(), sort: sortSelect.value, filters: {} };
    FILTERS.forEach(function (f) {
      state.filters[f[0]] = Array.prototype.map.call(groups.querySelectorAll('input[name="' + f[0] + '"]:checked'), function (c) { return c.value; });
    });
    return state;
  }
  function active(state) {
    return FILTERS.reduce(function (n, f) { return n + state.filters[f[0]].length; }, 0);
  }

  var pagefind = null;
  var totals = null;
  var current = null;
  var shown = 0;
  var run = 0;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Pagefind's excerpt marks the matched words with <mark>: copy only its text and its marks, so
  // nothing from an article can become markup. DOMParser's document runs no script.
  function excerptNode(html) {
    var p = el('p', { class: 'excerpt' });
    var doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    doc.body.childNodes.forEach(function (n) {
      if (n.nodeType === 1 && n.nodeName === 'MARK') p.appendChild(el('mark', {}, n.textContent));
      else p.appendChild(document.createTextNode(n.textContent));
    });
    return p;
  }

  function resultItem(data) {
    var li = el('li', { class: 'search-result' });
    var h = el('h2', { dir: 'auto' });
    var a = el('a', { href: data.url }, data.meta.title || data.url);
    h.appendChild(a);
    li.appendChild(h);
    var meta = el('p', { class: 'meta' });
    if (data.meta.date) meta.appendChild(el('time', { datetime: data.meta.date }, data.meta.dateLabel || data.meta.date));
    else meta.appendChild(el('span', {}, 'Undated'));
    if (data.meta.countries) meta.appendChild(el('span', { class: 'result-countries' }, ' · ' + data.meta.countries));
    li.appendChild(meta);
    if (data.meta.first) li.appendChild(el('p', { class: 'result-first', dir: 'auto' }, data.meta.first));
    if (data.excerpt) li.appendChild(excerptNode(data.excerpt));
    return li;
  }

  // The values of each filter that have results, most results first (a ticked value stays listed).
  function drawFilters(state, counts) {
    groups.textContent = '';
    FILTERS.forEach(function (f) {
      var name = f[0];
      var values = counts[name] || {};
      var chosen = state.filters[name];
      var keys = Object.keys(values).filter(function (v) { return values[v] > 0 || chosen.indexOf(v) >= 0; });
      chosen.forEach(function (v) { if (keys.indexOf(v) < 0) keys.push(v); });
      if (keys.length === 0) return;
      keys.sort(function (x, y) { return (values[y] || 0) - (values[x] || 0) || (x < y ? -1 : x > y ? 1 : 0); });
      var set = el('fieldset', { class: 'filter-group' });
      set.appendChild(el('legend', {}, f[1]));
      var ul = el('ul', {});
      keys.forEach(function (v) {
        var li = el('li', {});
        var label = el('label', {});
        var box = el('input', { type: 'checkbox', name: name, value: v });
        box.checked = chosen.indexOf(v) >= 0;
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + v + ' '));
        label.appendChild(el('span', { class: 'count' }, '(' + (values[v] || 0) + ')'));
        li.appendChild(label);
        ul.appendChild(li);
      });
      set.appendChild(ul);
      groups.appendChild(set);
    });
    var n = active(state);
    filterCount.textContent = n ? ' (' + n + ' chosen)' : '';
  }

  function showMore() {
    var mine = run;
    var batch = current.results.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= current.results.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (mine !== run) return;
      datas.forEach(function (d) { list.appendChild(resultItem(d)); });
    });
  }

  // Runs the search the state describes and draws its results and filters.
  function search(state) {
    var mine = ++run;
    input.value = state.q;
    sortSelect.value = state.sort;
    var filters = {};
    // Ticked values narrow the results together (every one must match), so the count beside a
    // value is always the number of results ticking it gives.
    FILTERS.forEach(function (f) { if (state.filters[f[0]].length) filters[f[0]] = state.filters[f[0]]; });
    if (!state.q && active(state) === 0) {
      list.textContent = '';
      more.hidden = true;
      status.textContent = 'Type words to search for, or choose a filter.';
      drawFilters(state, totals);
      return Promise.resolve();
    }
    status.textContent = 'Searching…';
    var q = state.q || null;
    // One search without an order gives the results, the filter counts and how many results
    // each bundle holds; a sorted search is then made of one search per bundle (see inOrder).
    // Only the bundles holding every word are searched (see bundlesWithWords).
    return bundlesWithWords(q).then(function (held) {
      if (held && held.length === 0) return { results: [], filters: {} };
      if (held) filters.part = { any: held };
      return pagefind.search(q, { filters: filters });
    }).then(function (all) {
      if (mine !== run) return;
      var years = (all.filters && all.filters.year) || {};
      var parts = (all.filters && all.filters.part) || {};
      return (state.sort ? inOrder(q, state.sort, filters, parts) : Promise.resolve(all.results)).then(function (results) {
        if (mine !== run) return;
        current = { results: results };
        shown = 0;
        list.textContent = '';
        var n = results.length;
        var undated = years.Undated || 0;
        var what = state.q ? ' for “' + state.q + '”' : '';
        var order = state.sort === 'newest' ? ', newest first' : state.sort === 'oldest' ? ', oldest first' : '';
        var tail = state.sort && undated > 0 && undated < n ? ' (' + undated + ' undated at the end)' : '';
        status.textContent = n === 0 ? 'No results' + what + '.' : n + (n === 1 ? ' result' : ' results') + what + order + tail + '.';
        drawFilters(state, all.filters || {});
        return showMore();
      });
    });
  }

  // The bundles that hold every word of the query (null: no words, or one bundle). A bundle
  // with no word starting with a query word matches the longest word it has that begins it
  // instead ("a" for "accountability"), so a bundle without the word would answer with
  // unrelated articles. The words bundle holds each bundle's words as one record, with the
  // bundle's name as its filter `bundle`: asked first, it names the bundles to search, each
  // of which answers to its name in the filter `part` (given when it is merged, see below).
  function bundlesWithWords(q) {
    if (!q || !totals.bundle) return Promise.resolve(null);
    return pagefind.search(q, { filters: { bundle: { any: Object.keys(totals.bundle) } } }).then(function (r) {
      var found = (r.filters && r.filters.bundle) || {};
      return Object.keys(found).filter(function (b) { return found[b] > 0; });
    });
  }

  // The results in date order. Each search bundle holds a run of dates (a year, or some months
  // of one), or undated articles, and Pagefind sorts within each bundle only: a merged search
  // interleaves the bundles by score. So each dated bundle with results is searched alone (its
  // `part` filter reaches one bundle), sorted, and the bundles are put in order (their names
  // sort as their dates). Pagefind's sort leaves out records without the sort key, so the
  // undated ones are searched unsorted and put last: sorting hides nothing.
  function inOrder(q, sort, filters, parts) {
    var held = Object.keys(parts).filter(function (p) { return parts[p] > 0; });
    var undated = held.filter(function (p) { return p.indexOf('undated') === 0; });
    var dated = held.filter(function (p) { return p.indexOf('undated') !== 0; }).sort();
    if (sort === 'newest') dated.reverse();
    var searches = dated.map(function (p) {
      return pagefind.search(q, { filters: Object.assign({}, filters, { part: [p] }), sort: SORTS[sort] });
    });
    if (undated.length > 0) searches.push(pagefind.search(q, { filters: Object.assign({}, filters, { part: { any: undated } }) }));
    return Promise.all(searches).then(function (found) {
      return found.reduce(function (all, r) { return all.concat(r.results); }, []);
    });
  }

  function go(push) {
    var state = fromForm();
    var query = toQuery(state);
    if (query !== location.search) history[push ? 'pushState' : 'replaceState'](null, '', query || location.pathname);
    return search(state);
  }

  var typing = null;
  function start() {
    app.hidden = false;
    // Filters open beside the results on a wide screen; collapsed under them on a phone.
    details.open = window.matchMedia('(min-width: 56rem)').matches;
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(typing); go(true); });
    input.addEventListener('input', function () {
      clearTimeout(typing);
      // Typing replaces the current entry: Back leads to the search before, not to every keystroke.
      typing = setTimeout(function () { go(false); }, 250);
    });
    sortSelect.addEventListener('change', function () { go(true); });
    groups.addEventListener('change', function () { go(true); });
    more.addEventListener('click', function () { showMore(); });
    // On a phone the filters wait under the results: the link beside the count opens them.
    document.querySelector('.to-filters').addEventListener('click', function () { details.open = true; });
    window.addEventListener('popstate', function () { search(fromUrl()); });
    return search(fromUrl());
  }

  // The form shows the address's search at once, before the index has loaded.
  (function (state) { input.value = state.q; sortSelect.value = state.sort; })(fromUrl());

  var bundle = new URL(app.getAttribute('data-bundle'), location.href).href;
  var merge = JSON.parse(app.getAttribute('data-merge') || '[]');
  // The newest year's bundle loads Pagefind (one script, one WebAssembly module); the other
  // bundles are merged into it, so a query fetches only their index chunks. Options given to
  // options() reach the first bundle only: each merged one gets them too.
  // Each bundle answers to its name (the last part of its folder: 2025, 2025-07, undated-3) in
  // the filter `part`, which Pagefind adds to every record of a bundle it merges (mergeFilter).
  var settings = { excerptLength: 24 };
  function partOf(b) { return { part: b.replace(/\/+$/, '').split('/').pop() }; }
  import(bundle + 'pagefind.js')
    .then(function (pf) {
      pagefind = pf;
      return pf.options(Object.assign({ mergeFilter: partOf(bundle) }, settings));
    })
    .then(function () {
      return Promise.all(merge.map(function (b) { return pagefind.mergeIndex(new URL(b, location.href).href, Object.assign({ mergeFilter: partOf(b) }, settings)); }));
    })
    .then(function () { return pagefind.filters(); })
    .then(function (all) { totals = all; return start(); })
    .catch(function (error) {
      console.error(error);
      unavailable();
    });
})();
