// Reactions in place: the buttons post without leaving the page, and the counts follow
// other readers live. Without this script the same buttons are a plain form post.
(() => {
  'use strict';
  const widget = document.querySelector('.reactions[data-article-id]');
  if (!widget || !window.fetch) return;
  const id = widget.dataset.articleId;
  const api = `/api/v1/articles/${id}/reactions`;
  const form = widget.querySelector('form');
  const status = widget.querySelector('.reaction-status');
  const buttons = Array.from(widget.querySelectorAll('button[data-kind]'));

  function show(state) {
    for (const button of buttons) {
      const kind = button.dataset.kind;
      if (state.counts && kind in state.counts) {
        button.querySelector('.reaction-count').textContent = state.counts[kind];
      }
      if ('mine' in state) button.setAttribute('aria-pressed', String(state.mine === kind));
    }
  }

  form.addEventListener('submit', async (event) => {
    const button = event.submitter;
    if (!button || !button.dataset.kind) return;
    event.preventDefault();
    const takeBack = button.getAttribute('aria-pressed') === 'true';
    const request = takeBack
      ? { method: 'DELETE' }
      : { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: button.dataset.kind }) };
    try {
      const response = await fetch(api, { ...request, credentials: 'same-origin', headers: { Accept: 'application/json', ...(request.headers || {}) } });
      const body = await response.json();
      if (response.ok) {
        show(body);
        status.textContent = '';
      } else {
        status.textContent = body.detail || 'Your reaction could not be saved. Please try again.';
      }
    } catch (_) {
      status.textContent = 'Your reaction could not be saved. Check your connection and try again.';
    }
  });

  if ('EventSource' in window) {
    const live = new EventSource(`/api/v1/articles/${id}/live`);
    live.addEventListener('update', (event) => {
      try {
        const update = JSON.parse(event.data);
        if (update.reactions) show({ counts: update.reactions });
      } catch (_) { /* a malformed update changes nothing */ }
    });
  }
})();
