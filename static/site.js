// Every public page: the breaking-news banner appears and goes while the page is open
// (a site-wide event stream), and "12 minutes ago" stays true. Without JavaScript the
// banner shows on the next load.
(function () {
  "use strict";

  function showBanner(banner) {
    var box = document.getElementById("breaking");
    if (!box) return;
    if (!banner) {
      box.hidden = true;
      return;
    }
    var link = box.querySelector(".breaking-link");
    var title = box.querySelector(".breaking-title");
    if (link) link.setAttribute("href", banner.url);
    if (title) title.textContent = banner.title;
    box.hidden = false;
  }

  function follow() {
    if (!window.EventSource) return;
    // An article page's own stream carries the banner too (article.js).
    if (document.querySelector("[data-article-id]")) return;
    var source = new EventSource("/api/v1/live");
    source.addEventListener("site", function (event) {
      try {
        var data = JSON.parse(event.data);
        if ("breaking" in data) showBanner(data.breaking);
      } catch (e) {
        /* a malformed event changes nothing */
      }
    });
  }

  function relative(then, now) {
    var seconds = Math.floor((now - then) / 1000);
    if (seconds < 0 || seconds >= 86400) return null;
    if (seconds < 60) return "just now";
    if (seconds < 3600) {
      var m = Math.floor(seconds / 60);
      return m === 1 ? "1 minute ago" : m + " minutes ago";
    }
    var h = Math.floor(seconds / 3600);
    return h === 1 ? "1 hour ago" : h + " hours ago";
  }

  function refreshTimes() {
    var now = Date.now();
    var times = document.querySelectorAll("time[title][datetime]");
    for (var i = 0; i < times.length; i++) {
      var text = times[i].textContent;
      if (!/ago$|^just now$/.test(text)) continue;
      var then = Date.parse(times[i].getAttribute("datetime"));
      var fresh = isNaN(then) ? null : relative(then, now);
      if (fresh && fresh !== text) times[i].textContent = fresh;
    }
  }

  // One open panel at a time; a click elsewhere closes it.
  document.addEventListener("click", function (event) {
    var open = document.querySelectorAll(".masthead details[open]");
    for (var i = 0; i < open.length; i++) {
      if (!open[i].contains(event.target)) open[i].removeAttribute("open");
    }
  });

  window.newsdeskBanner = showBanner;
  follow();
  setInterval(refreshTimes, 60000);
})();
