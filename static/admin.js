// The newsroom's words for what its scripts show, in the site's language: a JSON data
// block on every newsroom page (admin/base.html), `{name}` where a value goes.
var newsroomSay = (function () {
  'use strict';
  var words = {};
  try {
    var block = document.getElementById('newsroom-messages');
    if (block) words = JSON.parse(block.textContent);
  } catch (e) {
    /* no words: the ids show, which a test would catch */
  }
  return function (id, values) {
    var text = words[id] || id;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(values[name]));
    });
    return text;
  };
})();

// Newsroom conveniences on top of plain forms: a live Markdown preview rendered by the
// public renderer, and autosave of drafts. Without this script every form still works.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  // On a phone the newsroom menu folds behind one button instead of taking three rows.
  var menuToggle = document.querySelector('.menu-toggle');
  if (menuToggle) {
    var menu = document.getElementById(menuToggle.getAttribute('aria-controls'));
    menuToggle.hidden = false;
    menuToggle.addEventListener('click', function () {
      var open = menuToggle.getAttribute('aria-expanded') !== 'true';
      menuToggle.setAttribute('aria-expanded', String(open));
      menu.classList.toggle('open', open);
    });
  }

  // Uploads a photo with a progress bar; answers the library item through `done`.
  function uploadPhoto(file, words, progress, done, fail) {
    var data = new FormData();
    data.append('file', file);
    Object.keys(words).forEach(function (k) { data.append(k, words[k]); });
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/admin/media');
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('Accept', 'application/json');
    progress.hidden = false;
    progress.value = 0;
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    xhr.addEventListener('load', function () {
      progress.hidden = true;
      var answer = {};
      try { answer = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 200 || xhr.status === 201) done(answer);
      else fail(answer.message || newsroomSay('js-upload-refused', { status: xhr.status }));
    });
    xhr.addEventListener('error', function () {
      progress.hidden = true;
      fail(newsroomSay('js-upload-offline'));
    });
    xhr.send(data);
  }

  // The library's upload form: drop a file anywhere on it, see the progress.
  var uploadForm = document.querySelector('.upload-form');
  if (uploadForm) {
    var fileInput = uploadForm.querySelector('input[type=file]');
    var zone = uploadForm.querySelector('.drop-zone');
    ['dragenter', 'dragover'].forEach(function (name) {
      uploadForm.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      uploadForm.addEventListener(name, function () { zone.classList.remove('dragging'); });
    });
    uploadForm.addEventListener('drop', function (event) {
      event.preventDefault();
      if (event.dataTransfer.files.length) fileInput.files = event.dataTransfer.files;
    });
    uploadForm.addEventListener('submit', function (event) {
      if (!fileInput.files.length) return;
      event.preventDefault();
      var words = {};
      ['alt', 'credit', 'caption'].forEach(function (k) { words[k] = uploadForm.querySelector('[name=' + k + ']').value; });
      uploadPhoto(fileInput.files[0], words, uploadForm.querySelector('progress'), function (item) {
        window.location.href = '/admin/media/' + item.id + '?done=uploaded';
      }, function (message) {
        var alert = uploadForm.querySelector('.alert') || document.createElement('p');
        alert.className = 'alert';
        alert.setAttribute('role', 'alert');
        alert.textContent = message;
        uploadForm.insertBefore(alert, uploadForm.firstChild);
      });
    });
  }

  // The photo picker: thumbnails of the library, searched on the server as one types.
  function libraryItem(m) {
    var li = document.createElement('li');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'library-pick';
    button.dataset.url = m.url;
    button.dataset.alt = m.alt || '';
    button.dataset.credit = m.credit || '';
    button.dataset.caption = m.caption || '';
    var img = document.createElement('img');
    img.src = m.variants.length ? m.variants[0].url : m.url;
    img.alt = '';
    img.width = 96;
    img.height = m.width ? Math.round(96 * m.height / m.width) : 72;
    var words = document.createElement('span');
    words.textContent = m.alt || newsroomSay('js-no-alt');
    button.appendChild(img);
    button.appendChild(words);
    li.appendChild(button);
    return li;
  }
  function searchLibrary(input, list) {
    if (!input) return;
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch('/admin/media?q=' + encodeURIComponent(input.value.trim()), {
          headers: { 'Accept': 'application/json' }, credentials: 'same-origin',
        }).then(function (r) { return r.json(); }).then(function (answer) {
          list.textContent = '';
          answer.items.forEach(function (m) { list.appendChild(libraryItem(m)); });
          if (!answer.items.length) {
            var none = document.createElement('li');
            none.className = 'muted';
            none.textContent = newsroomSay('js-no-photo-matches', { query: input.value.trim() });
            list.appendChild(none);
          }
        }).catch(function () { /* the list stays as it was */ });
      }, 250);
    });
  }

  var form = document.getElementById('editor');
  if (!form) return;

  // The lead photo: upload in place or pick from the library; warn while it has no alt text.
  var lead = form.querySelector('.lead-upload');
  var urlField = form.querySelector('[name=lead_image_url]');
  var altField = form.querySelector('[name=lead_image_alt]');
  var altWarning = form.querySelector('.alt-warning');
  function checkAlt() {
    if (altWarning) altWarning.hidden = !(urlField.value.trim() && !altField.value.trim());
  }
  function showThumb(url) {
    var thumb = lead.querySelector('.lead-thumb');
    if (!thumb) {
      thumb = document.createElement('img');
      thumb.className = 'lead-thumb';
      thumb.alt = '';
      lead.insertBefore(thumb, lead.firstChild);
    }
    thumb.src = url;
    thumb.hidden = !url;
  }
  if (lead) {
    lead.hidden = false;
    if (urlField.value.indexOf('/media/') === 0) showThumb(urlField.value);
    var uploadStatus = lead.querySelector('.upload-status');
    lead.querySelector('#lead-file').addEventListener('change', function (event) {
      var file = event.target.files[0];
      if (!file) return;
      uploadStatus.textContent = newsroomSay('js-uploading', { name: file.name });
      var words = {
        alt: altField.value,
        credit: form.querySelector('[name=lead_image_credit]').value,
        caption: form.querySelector('[name=lead_image_caption]').value,
      };
      uploadPhoto(file, words, lead.querySelector('progress'), function (item) {
        urlField.value = item.url;
        if (!altField.value && item.alt) altField.value = item.alt;
        showThumb(item.url);
        uploadStatus.textContent = newsroomSay('js-uploaded', { width: item.width, height: item.height, sizes: item.variants.length / 2 });
        form.dispatchEvent(new Event('input'));
        checkAlt();
      }, function (message) { uploadStatus.textContent = message; });
    });
    var library = lead.querySelector('#lead-library');
    if (library) {
      library.addEventListener('click', function (event) {
        var pick = event.target.closest('.library-pick');
        if (!pick) return;
        urlField.value = pick.dataset.url;
        altField.value = pick.dataset.alt || altField.value;
        form.querySelector('[name=lead_image_credit]').value = pick.dataset.credit || '';
        form.querySelector('[name=lead_image_caption]').value = pick.dataset.caption || '';
        showThumb(pick.dataset.url);
        form.dispatchEvent(new Event('input'));
        checkAlt();
      });
      searchLibrary(lead.querySelector('#library-search'), library);
    }
    urlField.addEventListener('input', checkAlt);
    altField.addEventListener('input', checkAlt);
    checkAlt();
  }
  // The authors picker: type to find a name; chosen bylines always stay in view.
  var authorSearch = form.querySelector('#author-search');
  if (authorSearch) {
    authorSearch.hidden = false;
    var authorChecks = form.querySelectorAll('.author-checks label');
    var filterAuthors = function () {
      var words = authorSearch.value.trim().toLowerCase();
      authorChecks.forEach(function (label) {
        var chosen = label.querySelector('input').checked;
        label.hidden = !chosen && (words === '' ? authorChecks.length > 12 : label.textContent.toLowerCase().indexOf(words) === -1);
      });
    };
    authorSearch.addEventListener('input', filterAuthors);
    form.querySelector('.author-checks').addEventListener('change', filterAuthors);
    filterAuthors();
  }

  var body = form.querySelector('[name="body"]');

  // The writing toolbar: each button puts Markdown around the selection or at the cursor.
  function insert(before, after, placeholder, ownLine, replacement) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var chosen = replacement !== undefined ? replacement : (body.value.slice(start, end) || placeholder);
    var head = body.value.slice(0, start);
    var tail = body.value.slice(end);
    if (ownLine) {
      if (head && !/\n\n$/.test(head)) head += /\n$/.test(head) ? '\n' : '\n\n';
      if (tail && !/^\n\n/.test(tail)) tail = (/^\n/.test(tail) ? '\n' : '\n\n') + tail;
    }
    body.value = head + before + chosen + after + tail;
    body.focus();
    body.selectionStart = head.length + before.length;
    body.selectionEnd = head.length + before.length + chosen.length;
    form.dispatchEvent(new Event('input'));
  }
  function linePrefix(prefix, placeholder) {
    var selected = body.value.slice(body.selectionStart, body.selectionEnd);
    if (selected.indexOf('\n') === -1) {
      insert(prefix, '', placeholder, true);
    } else {
      insert('', '', '', true, selected.split('\n').map(function (l) { return prefix + l; }).join('\n'));
    }
  }
  var tools = {
    bold: function () { insert('**', '**', newsroomSay('js-bold-words')); },
    italic: function () { insert('_', '_', newsroomSay('js-italic-words')); },
    heading: function () { linePrefix('## ', newsroomSay('js-tool-heading')); },
    link: function () {
      var url = window.prompt(newsroomSay('js-link-prompt'), 'https://');
      if (url && /^(https?:\/\/|\/)/.test(url.trim())) insert('[', '](' + url.trim() + ')', newsroomSay('js-link-text'));
    },
    quote: function () { linePrefix('> ', newsroomSay('js-quotation-text')); },
    list: function () { linePrefix('- ', newsroomSay('js-list-item')); },
    embed: function () {
      var url = window.prompt(newsroomSay('js-embed-prompt'), 'https://');
      if (url && /^https:\/\//.test(url.trim())) insert(url.trim(), '', '', true);
    },
    photo: function () { photoPanel.hidden = !photoPanel.hidden; if (!photoPanel.hidden) photoSearch.focus(); },
  };
  var toolbar = document.createElement('div');
  toolbar.className = 'md-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', newsroomSay('js-formatting'));
  toolbar.setAttribute('aria-controls', 'f-body');
  [['bold', newsroomSay('js-tool-bold-key'), newsroomSay('js-tool-bold')],
    ['italic', newsroomSay('js-tool-italic-key'), newsroomSay('js-tool-italic')],
    ['heading', newsroomSay('js-tool-heading-key'), newsroomSay('js-tool-heading')],
    ['link', newsroomSay('js-tool-link'), newsroomSay('js-tool-link')],
    ['quote', '“ ”', newsroomSay('js-tool-quote')],
    ['list', '• ' + newsroomSay('js-tool-list'), newsroomSay('js-tool-list')],
    ['photo', newsroomSay('js-tool-photo-key'), newsroomSay('js-tool-photo')],
    ['embed', newsroomSay('js-tool-embed-key'), newsroomSay('js-tool-embed')]].forEach(function (t) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'md-tool md-' + t[0];
    button.dataset.tool = t[0];
    button.textContent = t[1];
    button.title = t[2];
    button.setAttribute('aria-label', t[2]);
    toolbar.appendChild(button);
  });
  toolbar.addEventListener('click', function (event) {
    var button = event.target.closest('[data-tool]');
    if (button && tools[button.dataset.tool]) tools[button.dataset.tool]();
  });
  // The photo panel: the library's thumbnails, searched; a pick inserts the photo.
  var photoPanel = document.createElement('div');
  photoPanel.className = 'md-photos';
  photoPanel.hidden = true;
  var photoSearch = document.createElement('input');
  photoSearch.type = 'search';
  photoSearch.placeholder = newsroomSay('js-search-library');
  photoSearch.setAttribute('aria-label', newsroomSay('js-search-photos'));
  var photoList = document.createElement('ul');
  photoList.className = 'library-grid';
  photoPanel.appendChild(photoSearch);
  photoPanel.appendChild(photoList);
  searchLibrary(photoSearch, photoList);
  photoSearch.dispatchEvent(new Event('input'));
  photoList.addEventListener('click', function (event) {
    var pick = event.target.closest('.library-pick');
    if (!pick) return;
    var alt = (pick.dataset.alt || '').replace(/[\[\]]/g, '');
    insert('![' + (alt || newsroomSay('js-describe-photo')) + '](' + pick.dataset.url + ')', '', '', true);
    photoPanel.hidden = true;
  });
  if (!body.closest('fieldset[disabled]')) {
    body.parentNode.insertBefore(toolbar, body);
    body.parentNode.insertBefore(photoPanel, body);
  }

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
      .catch(function () { preview.textContent = newsroomSay('js-preview-failed'); });
  }
  function show(tab) {
    var previewing = tab === 'preview';
    tabs.querySelectorAll('[role="tab"]').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.dataset.tab === tab));
    });
    preview.hidden = !previewing;
    body.hidden = previewing;
    toolbar.hidden = previewing;
    photoPanel.hidden = true;
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
      return r.json().then(function (answer) { return { ok: r.ok, code: r.status, answer: answer }; });
    }).then(function (result) {
      if (!result.ok) {
        dirty = true;
        status.textContent = result.answer.message || newsroomSay('js-not-autosaved');
        if (result.code === 403) {
          // A role rule (the story went live, say): trying again cannot help.
          form.dataset.autosave = 'off';
          status.textContent += ' ' + newsroomSay('js-autosave-off');
        } else if (result.answer.conflict) {
          form.dataset.autosave = 'off';
          status.textContent += ' ' + newsroomSay('js-autosave-paused');
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
      status.textContent = newsroomSay('js-autosaved', { time: answer.saved_at });
    }).catch(function () {
      dirty = true;
      status.textContent = newsroomSay('js-autosave-offline');
    }).then(function () { saving = false; });
  }
  setInterval(autosave, 15000);
  window.addEventListener('beforeunload', function (event) {
    if (dirty && !form.dataset.submitting) { event.preventDefault(); event.returnValue = ''; }
  });
  form.addEventListener('submit', function () { form.dataset.submitting = '1'; });
})();

// The front page desk: with JavaScript, top stories can also be dragged into a new order;
// the new order is sent as one plain form post (the Up/Down buttons do the same one step
// at a time, and work without JavaScript).
(function () {
  'use strict';
  var list = document.getElementById('top-slots');
  var form = document.getElementById('order-form');
  if (!list || !form) return;
  var dragged = null;
  Array.prototype.forEach.call(list.querySelectorAll('li[data-article-id]'), function (item) {
    item.setAttribute('draggable', 'true');
    item.addEventListener('dragstart', function (event) {
      dragged = item;
      item.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.dataset.articleId);
    });
    item.addEventListener('dragend', function () {
      item.classList.remove('dragging');
      dragged = null;
    });
  });
  // Moves the dragged story before or after the one under the pointer.
  function moveTo(event) {
    var item = event.target.closest ? event.target.closest('li[data-article-id]') : null;
    if (!item || item === dragged) return;
    var box = item.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? item.nextSibling : item);
  }
  list.addEventListener('dragover', function (event) {
    if (!dragged) return;
    event.preventDefault();
    moveTo(event);
  });
  list.addEventListener('drop', function (event) {
    if (!dragged) return;
    event.preventDefault();
    moveTo(event);
    var ids = Array.prototype.map.call(list.querySelectorAll('li[data-article-id]'), function (li) {
      return li.dataset.articleId;
    });
    form.querySelector('[name="order"]').value = ids.join(',');
    form.submit();
  });
  var hint = document.getElementById('drag-hint');
  if (hint) hint.hidden = false;
})();
