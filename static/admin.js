// Newsroom conveniences on top of plain forms: a live Markdown preview rendered by the
// public renderer, and autosave of drafts. Without this script every form still works.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var form = document.getElementById('editor');
  if (!form) return;
  var body = form.querySelector('[name="body"]');
  var preview = document.getElementById('preview');
  var tabs = form.querySelector('.tabs');
  var status = document.getElementById('autosave-status');

  function post(url, data, accept) {
    return fetch(url, {
      method: 'POST',
      body: new URLSearchParams(data),
      headers: { 'X-CSRF-Token': csrf, 'Accept': accept },
      credentials: 'same-origin',
    });
  }

  // Preview: Write and Preview tabs over the body.
  var previewTimer = null;
  function renderPreview() {
    var data = new FormData();
    data.append('body', body.value);
    return post('/admin/preview', data, 'text/html').then(function (r) {
      if (!r.ok) throw new Error('preview failed: ' + r.status);
      return r.text();
    }).then(function (html) { preview.innerHTML = html; })
      .catch(function () { preview.textContent = 'The preview could not be made just now.'; });
  }
  function show(tab) {
    var previewing = tab === 'preview';
    tabs.querySelectorAll('[role="tab"]').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.dataset.tab === tab));
    });
    preview.hidden = !previewing;
    body.hidden = previewing;
    if (previewing) renderPreview();
  }
  if (tabs && preview) {
    tabs.hidden = false;
    tabs.addEventListener('click', function (event) {
      var tab = event.target.closest('[role="tab"]');
      if (tab) show(tab.dataset.tab);
    });
    body.addEventListener('input', function () {
      if (preview.hidden) return;
      clearTimeout(previewTimer);
      previewTimer = setTimeout(renderPreview, 400);
    });
  }

  // Autosave: drafts only, every 15 seconds after a change, with the version the form holds
  // so that an autosave can never overwrite someone else's save.
  var dirty = false;
  var saving = false;
  form.addEventListener('input', function () { dirty = true; });
  function autosave() {
    if (!dirty || saving || form.dataset.autosave !== 'on') return;
    var statusField = form.querySelector('[name="status"]');
    if (statusField && statusField.value !== 'draft') return;
    if (!form.querySelector('[name="title"]').value.trim() || !body.value.trim()) return;
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.delete('intent');
    post(form.getAttribute('action'), data, 'application/json').then(function (r) {
      return r.json().then(function (answer) { return { ok: r.ok, answer: answer }; });
    }).then(function (result) {
      if (!result.ok) {
        dirty = true;
        status.textContent = result.answer.message || 'Not autosaved.';
        if (result.answer.message && /changed by someone else/.test(result.answer.message)) {
          form.dataset.autosave = 'off';
          status.textContent += ' Autosave is paused: press Save to see both versions.';
        }
        return;
      }
      var answer = result.answer;
      var version = form.querySelector('[name="version"]');
      if (!version) {
        version = document.createElement('input');
        version.type = 'hidden';
        version.name = 'version';
        form.appendChild(version);
      }
      version.value = answer.version;
      if (form.getAttribute('action') === '/admin/articles') {
        form.setAttribute('action', answer.edit_url);
        history.replaceState(null, '', answer.edit_url);
      }
      status.textContent = 'Draft saved automatically at ' + answer.saved_at + '.';
    }).catch(function () {
      dirty = true;
      status.textContent = 'Not autosaved: the server could not be reached. Your text is still here.';
    }).then(function () { saving = false; });
  }
  setInterval(autosave, 15000);
  window.addEventListener('beforeunload', function (event) {
    if (dirty && !form.dataset.submitting) { event.preventDefault(); event.returnValue = ''; }
  });
  form.addEventListener('submit', function () { form.dataset.submitting = '1'; });
})();
