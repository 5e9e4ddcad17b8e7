// Every public page: the breaking-news banner appears and goes while the page is open
// (a site-wide event stream), and "12 minutes ago" stays true. Without JavaScript the
// banner shows on the next load.
(function () {
  "use strict";

  // The banner for this page's edition: the site tells each edition's, by the language
  // its pages carry, once the site has more than one.
  function showBanner(banner, editions) {
    var lang = document.documentElement.lang;
    if (editions && Object.prototype.hasOwnProperty.call(editions, lang)) banner = editions[lang];
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
        if ("breaking" in data) showBanner(data.breaking, data.editions);
      } catch (e) {
        /* a malformed event changes nothing */
      }
    });
  }

  // The words for "12 minutes ago" in the page's language, from the JSON block a page
  // carries (partials/reader_messages.html): a form per plural category, "{count}" where
  // the number goes. A page without the block leaves its times as they were served.
  var language = document.documentElement.lang || "en";
  var words = {};
  try {
    var block = document.getElementById("reader-messages");
    if (block) words = JSON.parse(block.textContent);
  } catch (e) {
    /* no words: times stay as served */
  }

  function localNumber(n) {
    try { return n.toLocaleString(language); } catch (e) { return String(n); }
  }

  function counted(id, count) {
    var forms = words[id] || {};
    var category = "other";
    try { category = new Intl.PluralRules(language).select(count); } catch (e) { /* other */ }
    var text = forms[category] || forms.other;
    return text ? text.replace("{count}", localNumber(count)) : null;
  }

  function relative(then, now) {
    var seconds = Math.floor((now - then) / 1000);
    if (seconds < 0 || seconds >= 86400) return null;
    if (seconds < 60) return words["time-just-now"] || null;
    if (seconds < 3600) return counted("time-minutes-ago", Math.floor(seconds / 60));
    return counted("time-hours-ago", Math.floor(seconds / 3600));
  }

  // Whether a time reads as one of these ("just now", any count of minutes or hours ago),
  // rather than a date, which stays.
  function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  var relativeShape = (function () {
    var shapes = [];
    if (words["time-just-now"]) shapes.push(escaped(words["time-just-now"]));
    ["time-minutes-ago", "time-hours-ago"].forEach(function (id) {
      var forms = words[id] || {};
      Object.keys(forms).forEach(function (category) {
        shapes.push(escaped(forms[category]).replace(escaped("{count}"), "[\\d\\u0660-\\u0669\\u06f0-\\u06f9.,\\u066c\\s]+"));
      });
    });
    return shapes.length ? new RegExp("^(?:" + shapes.join("|") + ")$") : null;
  })();

  function refreshTimes() {
    if (!relativeShape) return;
    var now = Date.now();
    var times = document.querySelectorAll("time[title][datetime]");
    for (var i = 0; i < times.length; i++) {
      var text = times[i].textContent;
      if (!relativeShape.test(text)) continue;
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

  // Sharing: "Copy link" copies the story's address, and the phone's own share sheet is
  // offered where the browser has one. Without JavaScript both are plain links.
  function share() {
    var copies = document.querySelectorAll("a[data-copy]");
    for (var i = 0; i < copies.length; i++) {
      copies[i].addEventListener("click", function (event) {
        var link = event.currentTarget;
        var status = link.closest(".share").querySelector(".share-status");
        if (!navigator.clipboard) return;
        event.preventDefault();
        navigator.clipboard.writeText(link.getAttribute("data-copy")).then(
          function () { if (status) status.textContent = status.getAttribute("data-copied"); },
          function () { if (status) status.textContent = status.getAttribute("data-not-copied"); }
        );
      });
    }
    if (!navigator.share) return;
    var natives = document.querySelectorAll(".share-native");
    for (var j = 0; j < natives.length; j++) {
      natives[j].hidden = false;
      natives[j].querySelector("button").addEventListener("click", function (event) {
        var button = event.currentTarget;
        navigator.share({
          title: button.getAttribute("data-share-title"),
          url: button.getAttribute("data-share-url")
        }).catch(function () { /* the reader closed the sheet */ });
      });
    }
  }

  // Ad code arrives in templates: the wide-screen or phone version is put in its reserved
  // box, and its scripts are made anew so that they run.
  function ads() {
    var wide = window.matchMedia && window.matchMedia("(min-width: 48rem)").matches;
    var boxes = document.querySelectorAll(".ad-code");
    for (var i = 0; i < boxes.length; i++) {
      var desktop = boxes[i].querySelector('template[data-ad-code="desktop"]');
      var mobile = boxes[i].querySelector('template[data-ad-code="mobile"]');
      var chosen = wide ? (desktop || mobile) : (mobile || desktop);
      if (!chosen) continue;
      var content = chosen.content.cloneNode(true);
      var scripts = content.querySelectorAll("script");
      for (var k = 0; k < scripts.length; k++) {
        var fresh = document.createElement("script");
        for (var a = 0; a < scripts[k].attributes.length; a++) {
          fresh.setAttribute(scripts[k].attributes[a].name, scripts[k].attributes[a].value);
        }
        fresh.text = scripts[k].text;
        scripts[k].parentNode.replaceChild(fresh, scripts[k]);
      }
      boxes[i].appendChild(content);
    }
  }

  window.newsdeskBanner = showBanner;
  share();
  ads();
  follow();
  setInterval(refreshTimes, 60000);
})();
