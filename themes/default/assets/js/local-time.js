// Shows office-hours times in the reader's own time zone, beside the session's own (server-rendered) time.
(function () {
  "use strict";
  var times = document.querySelectorAll("time.session-time[datetime]");
  if (!times.length || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var day = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  var end = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  times.forEach(function (el) {
    if (el.dataset.localDone) return;
    var start = new Date(el.getAttribute("datetime"));
    var finish = new Date(el.dataset.end || el.getAttribute("datetime"));
    if (isNaN(start.getTime())) return;
    var span = document.createElement("span");
    span.className = "local-time";
    span.textContent = "Your time: " + day.format(start) + "–" + end.format(finish) + (zone ? " (" + zone + ")" : "");
    var anchor = el.closest(".session-when") || el;
    anchor.appendChild(span);
    el.dataset.localDone = "1";
  });
})();
