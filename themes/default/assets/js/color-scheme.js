// Runs in <head> before the first paint (not deferred), so a remembered colour scheme never flashes.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var saved = localStorage.getItem('color-scheme');
    if (saved === 'dark' || saved === 'light') root.setAttribute('data-theme', saved);
  } catch (e) { /* storage blocked: follow the system */ }
})();
