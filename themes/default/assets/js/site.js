// Progressive enhancement for the default theme: colour-scheme toggle, mobile menu, changelog label filter.
// Every page works without this file; it only adds behaviour to markup that is already usable.
(function () {
  'use strict';
  var root = document.documentElement;
  var KEY = 'color-scheme';
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function isDark() {
    var chosen = root.getAttribute('data-theme');
    if (chosen) return chosen === 'dark';
    return !!(darkQuery && darkQuery.matches);
  }

  function setupThemeToggle() {
    var button = document.querySelector('.theme-toggle');
    if (!button) return;
    var sync = function () { button.setAttribute('aria-pressed', String(isDark())); };
    button.hidden = false;
    sync();
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* not remembered, still applied */ }
      sync();
    });
    if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener('change', sync);
  }

  function setupMenu() {
    var button = document.querySelector('.menu-toggle');
    var header = document.querySelector('.site-header');
    if (!button || !header) return;
    button.hidden = false;
    var set = function (open) {
      header.classList.toggle('menu-open', open);
      button.setAttribute('aria-expanded', String(open));
    };
    button.addEventListener('click', function () { set(button.getAttribute('aria-expanded') !== 'true'); });
    // An Escape something else handled (closing the search results) is not also a request to close the menu.
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !e.defaultPrevented && header.classList.contains('menu-open')) { set(false); button.focus(); }
    });
  }

  // The label links lead to label pages without JS; with JS they filter the list in place.
  function setupLabelFilter() {
    var nav = document.querySelector('.label-filter');
    if (!nav || !nav.hasAttribute('data-instant')) return;
    var items = Array.prototype.slice.call(document.querySelectorAll('.release-item'));
    var months = Array.prototype.slice.call(document.querySelectorAll('.month'));
    var status = document.querySelector('.filter-status');
    var links = Array.prototype.slice.call(nav.querySelectorAll('a[data-label]'));
    nav.addEventListener('click', function (e) {
      var link = e.target.closest('a[data-label]');
      if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      var label = link.getAttribute('data-label');
      var shown = 0;
      items.forEach(function (item) {
        var match = !label || (' ' + item.getAttribute('data-labels') + ' ').indexOf(' ' + label + ' ') >= 0;
        item.hidden = !match;
        if (match) shown++;
      });
      months.forEach(function (month) { month.hidden = !month.querySelector('.release-item:not([hidden])'); });
      links.forEach(function (l) { if (l === link) l.setAttribute('aria-current', 'page'); else l.removeAttribute('aria-current'); });
      if (status) status.textContent = shown + (shown === 1 ? ' release' : ' releases') + (label ? ' labelled ' + label : '');
    });
  }

  setupThemeToggle();
  setupMenu();
  setupLabelFilter();
})();
