// The dashboard's "Right now" card, kept current over the live counter's event stream.
// Without this script the card shows the figures as they were when the page was made.
(function () {
  'use strict';
  var card = document.querySelector('[data-live-stats]');
  if (!card || !window.EventSource) return;
  var total = document.getElementById('right-now-reads');
  var list = document.getElementById('right-now-list');
  var source = new EventSource(card.getAttribute('data-live-stats'));
  // A count in the newsroom's language (its digits and grouping), as the page was served.
  function localNumber(n) {
    try { return n.toLocaleString(document.documentElement.lang || 'en'); } catch (e) { return String(n); }
  }
  source.addEventListener('right-now', function (event) {
    var figures;
    try { figures = JSON.parse(event.data); } catch (e) { return; }
    total.textContent = localNumber(figures.reads);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!figures.stories.length) {
      var none = document.createElement('li');
      none.className = 'muted';
      none.textContent = list.getAttribute('data-nobody') || '';
      list.appendChild(none);
    }
    figures.stories.forEach(function (story) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = story.stats_url;
      link.textContent = story.title;
      var count = document.createElement('span');
      count.className = 'count';
      count.textContent = localNumber(story.reads);
      item.appendChild(link);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(count);
      list.appendChild(item);
    });
    card.setAttribute('data-updated', String(Date.now()));
  });
})();
