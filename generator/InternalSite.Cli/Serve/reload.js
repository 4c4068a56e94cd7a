// InternalSite preview: reloads this page when a rebuild changes it, and shows build errors over the page.
// Served only by `internalsite serve`; never part of a built site.
(function () {
  'use strict';
  var endpoint = '/__internalsite/';
  var overlayId = 'internalsite-build-errors';

  function addStylesheet() {
    if (document.querySelector('link[data-internalsite-preview]')) { return; }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = endpoint + 'overlay.css';
    link.setAttribute('data-internalsite-preview', '');
    document.head.appendChild(link);
  }

  function hideOverlay() {
    var existing = document.getElementById(overlayId);
    if (existing) { existing.remove(); }
  }

  function showOverlay(report) {
    hideOverlay();
    addStylesheet();
    var box = document.createElement('section');
    box.id = overlayId;
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-labelledby', overlayId + '-title');
    var title = document.createElement('h2');
    title.id = overlayId + '-title';
    title.textContent = 'Build failed: ' + report.errors.length + ' error(s). The last good version of the site is shown underneath.';
    box.appendChild(title);
    var list = document.createElement('ol');
    report.errors.forEach(function (error) {
      var item = document.createElement('li');
      var where = document.createElement('code');
      where.textContent = error.file + ':' + error.line + ':' + error.column;
      item.appendChild(where);
      item.appendChild(document.createTextNode(' ' + error.message));
      list.appendChild(item);
    });
    box.appendChild(list);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    close.addEventListener('click', hideOverlay);
    box.appendChild(close);
    document.body.appendChild(box);
  }

  function showsThisPage(changed) {
    if (changed.all) { return true; }
    var here = decodeURIComponent(location.pathname);
    return changed.paths.some(function (path) { return path === here; });
  }

  // The page this tab shows goes with the connection, so a rebuild can render it before the rest of the site.
  var events = new EventSource(endpoint + 'events?page=' + encodeURIComponent(location.pathname));
  events.addEventListener('errors', function (e) { showOverlay(JSON.parse(e.data)); });
  events.addEventListener('ok', hideOverlay);
  events.addEventListener('reload', function (e) {
    hideOverlay();
    if (showsThisPage(JSON.parse(e.data))) { location.reload(); }
  });
})();
