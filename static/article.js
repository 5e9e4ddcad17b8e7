// The article page in place: reactions and comments post without leaving the page, and
// counts follow other readers live. Without this script both are plain form posts.
(() => {
  'use strict';
  if (!window.fetch) return;

  const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json' };

  // The words this script shows, in the page's language: a JSON block the page carries
  // (`partials/reader_messages.html`). `{name}` marks a value; a count's message has a form
  // for each plural category, the category chosen by the browser.
  const language = document.documentElement.lang || 'en';
  const words = (() => {
    const block = document.getElementById('reader-messages');
    try { return block ? JSON.parse(block.textContent) : {}; } catch (_) { return {}; }
  })();
  function say(id, values = {}) {
    const text = typeof words[id] === 'string' ? words[id] : id;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }
  function localNumber(n) {
    try { return n.toLocaleString(language); } catch (_) { return String(n); }
  }
  function sayCount(id, count) {
    const forms = words[id] && typeof words[id] === 'object' ? words[id] : {};
    let category = 'other';
    try { category = new Intl.PluralRules(language).select(count); } catch (_) { /* 'other' */ }
    const text = forms[category] || forms.other || id;
    return text.replace('{count}', localNumber(count));
  }
  // A refusal for sending too often, with the wait the server asked for.
  function slowDown(response) {
    const seconds = Number(response.headers.get('Retry-After')) || 1;
    return sayCount('reader-wait', seconds);
  }

  // Embeds: nothing is loaded from the provider until the reader asks for it by clicking.
  for (const embed of document.querySelectorAll('.embed[data-embed-frame]')) {
    const link = embed.querySelector('.embed-link');
    if (!link) continue;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const frame = document.createElement('iframe');
      frame.src = embed.dataset.embedFrame;
      frame.title = embed.dataset.embedTitle || say('embed-title');
      frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
      frame.allowFullscreen = true;
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.className = 'embed-frame';
      link.replaceWith(frame);
      embed.classList.add('embed-loaded');
      frame.focus();
    });
  }

  // Galleries: the arrow keys and a swipe on the photo go to the previous or next photo,
  // as the links under it do without this script.
  const gallery = document.querySelector('[data-gallery]');
  if (gallery) {
    const go = (which) => {
      const link = gallery.querySelector(which === 'next' ? 'a.gallery-next' : 'a.gallery-prev');
      if (link) window.location.assign(link.href);
    };
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === 'ArrowRight') go('next');
      if (event.key === 'ArrowLeft') go('prev');
    });
    const stage = gallery.querySelector('.gallery-stage');
    let start = null;
    stage.addEventListener('touchstart', (event) => {
      const touch = event.changedTouches[0];
      start = { x: touch.clientX, y: touch.clientY };
    }, { passive: true });
    stage.addEventListener('touchend', (event) => {
      if (!start) return;
      const touch = event.changedTouches[0];
      const dx = touch.clientX - start.x;
      const dy = touch.clientY - start.y;
      start = null;
      // A deliberate sideways swipe, not a scroll.
      if (Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(dy)) go(dx < 0 ? 'next' : 'prev');
    });
    // The strip shows the current photo's thumbnail (it scrolls sideways, not the page).
    const strip = gallery.querySelector('.gallery-strip');
    const current = strip && strip.querySelector('[aria-current="true"]');
    if (current) strip.scrollLeft = current.parentNode.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2;
  }

  // What's Your Reaction?
  const widget = document.querySelector('.reactions[data-article-id]');
  const reactionButtons = widget ? Array.from(widget.querySelectorAll('button[data-kind]')) : [];

  function showReactions(state) {
    for (const button of reactionButtons) {
      const kind = button.dataset.kind;
      if (state.counts && kind in state.counts) {
        button.querySelector('.reaction-count').textContent = state.counts[kind];
      }
      if ('mine' in state) button.setAttribute('aria-pressed', String(state.mine === kind));
    }
  }

  if (widget) {
    const api = `/api/v1/articles/${widget.dataset.articleId}/reactions`;
    const status = widget.querySelector('.reaction-status');
    widget.querySelector('form').addEventListener('submit', async (event) => {
      const button = event.submitter;
      if (!button || !button.dataset.kind) return;
      event.preventDefault();
      const takeBack = button.getAttribute('aria-pressed') === 'true';
      const request = takeBack
        ? { method: 'DELETE', headers: { Accept: 'application/json' } }
        : { method: 'PUT', headers: jsonHeaders, body: JSON.stringify({ kind: button.dataset.kind }) };
      try {
        const response = await fetch(api, { ...request, credentials: 'same-origin' });
        if (response.ok) {
          showReactions(await response.json());
          status.textContent = '';
        } else {
          // The API explains itself to developers, in English; the reader is told here.
          status.textContent = response.status === 429 ? slowDown(response) : say('reaction-not-saved');
        }
      } catch (_) {
        status.textContent = say('reaction-offline');
      }
    });
  }

  // Reader polls: votes in place, the reader's own vote, and totals that follow other
  // readers' votes. A closed poll's final results are in the page already.
  const polls = new Map();

  function showPoll(entry, view) {
    entry.view = view;
    const shown = view.results_shown;
    for (const choice of entry.box.querySelectorAll('.poll-choice[data-option-id]')) {
      const option = view.options.find((o) => String(o.id) === choice.dataset.optionId);
      if (!option) continue;
      const mine = view.mine === option.id;
      choice.classList.toggle('mine', mine);
      if (mine) choice.querySelector('input').checked = true;
      const figure = choice.querySelector('.poll-figure');
      const bar = choice.querySelector('.poll-bar');
      figure.hidden = !shown;
      bar.hidden = !shown;
      if (shown) {
        figure.firstChild.textContent = `${say('percent', { n: localNumber(option.percent) })} `;
        figure.querySelector('.poll-votes').textContent = `(${localNumber(option.votes)})`;
        bar.value = option.percent;
      }
    }
    const total = entry.box.querySelector('.poll-total');
    if (total) {
      total.hidden = !shown;
      if (shown) total.textContent = `${sayCount('poll-so-far', view.total)} `;
    }
    entry.box.querySelector('.poll-vote').textContent = say(view.mine == null ? 'poll-vote' : 'poll-change-vote');
    entry.box.querySelector('.poll-withdraw').hidden = view.mine == null;
    if (view.closed) {
      entry.form.querySelector('fieldset').disabled = true;
      entry.form.querySelector('.poll-actions').hidden = true;
    }
  }

  async function loadPoll(entry) {
    try {
      const response = await fetch(entry.api, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) showPoll(entry, await response.json());
    } catch (_) { /* the form still works */ }
  }

  // A live update: the totals when everyone may see them, or only word that the poll changed.
  function livePoll(id, update) {
    const entry = polls.get(id);
    if (!entry || !entry.view) return;
    if (update.closed && !entry.view.closed) {
      loadPoll(entry);
    } else if (Array.isArray(update.options) && entry.view.results_shown) {
      const total = update.total;
      const options = entry.view.options.map((o) => {
        const fresh = update.options.find((u) => u.id === o.id);
        const votes = fresh ? fresh.votes : o.votes;
        return { ...o, votes, percent: total ? Math.round((votes * 100) / total) : 0 };
      });
      showPoll(entry, { ...entry.view, total, options });
    } else if (entry.view.results_shown) {
      loadPoll(entry);
    }
  }

  for (const box of document.querySelectorAll('.poll[data-poll-id]')) {
    const pollForm = box.querySelector('.poll-form');
    if (!pollForm) continue;
    const entry = { box, form: pollForm, api: `/api/v1/polls/${box.dataset.pollId}`, view: null };
    polls.set(box.dataset.pollId, entry);
    loadPoll(entry);
    const status = box.querySelector('.poll-status');
    pollForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const withdraw = Boolean(event.submitter && event.submitter.name === 'withdraw');
      const chosen = pollForm.querySelector('input[name="option"]:checked');
      if (!withdraw && !chosen) {
        status.textContent = say('poll-choose');
        return;
      }
      const request = withdraw
        ? { method: 'DELETE', headers: { Accept: 'application/json' } }
        : { method: 'PUT', headers: jsonHeaders, body: JSON.stringify({ option: Number(chosen.value) }) };
      try {
        const response = await fetch(`${entry.api}/vote`, { ...request, credentials: 'same-origin' });
        if (response.ok) {
          showPoll(entry, await response.json());
          if (withdraw) pollForm.querySelectorAll('input[name="option"]').forEach((input) => { input.checked = false; });
          status.textContent = say(withdraw ? 'poll-vote-withdrawn' : 'poll-vote-counted');
        } else if (response.status === 409) {
          loadPoll(entry);
          status.textContent = say('poll-has-closed');
        } else if (response.status === 422) {
          status.textContent = say('poll-no-such-answer');
        } else {
          status.textContent = response.status === 429 ? slowDown(response) : say('poll-not-saved');
        }
      } catch (_) {
        status.textContent = say('poll-offline');
      }
    });
  }

  // Comments
  const comments = document.querySelector('.comments[data-article-id]');
  const form = document.getElementById('comment-form');

  // Counts and their word in the page's language.
  function showCommentCount(count) {
    const shown = localNumber(count);
    document.querySelectorAll('.comment-count-value').forEach((el) => { el.textContent = shown; });
    const word = sayCount('comments-word', count);
    document.querySelectorAll('.comment-count-word').forEach((el) => { el.textContent = word; });
  }

  if (comments && form) {
    const api = `/api/v1/articles/${comments.dataset.articleId}/comments`;
    const status = form.querySelector('.comment-status');
    const heading = form.querySelector('#comment-form-heading');
    const parentField = form.querySelector('input[name="parent_id"]');
    const home = form.parentNode;
    const homeNext = form.nextSibling;

    function clearErrors() {
      form.querySelectorAll('.field-error.from-script, .form-errors').forEach((el) => el.remove());
      form.querySelectorAll('[aria-invalid]').forEach((el) => {
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
        el.closest('.field').classList.remove('invalid');
      });
    }

    function showError(fieldName, message) {
      const input = form.querySelector(`[name="${fieldName}"]`);
      const field = input && input.closest('.field');
      if (!field) {
        status.textContent = message;
        return;
      }
      const note = document.createElement('p');
      note.className = 'field-error from-script';
      note.id = `${input.id}-error`;
      note.textContent = message;
      field.appendChild(note);
      field.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', note.id);
    }

    // What is wrong with a field, in the page's words: the API names the field (its own
    // message is English, for developers); an empty field was left out, a filled one is
    // too long or not an address.
    function fieldProblem(field, data) {
      const value = String(data.get(field) || '').trim();
      switch (field) {
        case 'author_name': return say(value ? 'comment-name-shorten' : 'comment-name-missing');
        case 'author_email': return say('comment-email-invalid', { email: value });
        case 'body': return say(value ? 'comment-body-shorten' : 'comment-body-missing');
        default: return say('comment-parent-gone');
      }
    }

    function replyTo(id, name) {
      const target = document.querySelector(`#comment-${id} > .comment-body-wrap`);
      if (!target) return;
      parentField.value = id;
      // The name in its own isolated run, wherever the language puts it in the sentence.
      const [before, after = ''] = say('reply-to').split('{name}');
      const who = document.createElement('bdi');
      who.textContent = name;
      heading.replaceChildren(before, who, after);
      let cancel = form.querySelector('.cancel-reply-js');
      if (!cancel) {
        cancel = document.createElement('button');
        cancel.type = 'button';
        cancel.className = 'cancel-reply-js';
        cancel.textContent = say('cancel-reply');
        cancel.addEventListener('click', () => {
          parentField.value = '';
          heading.textContent = say('leave-comment');
          cancel.remove();
          home.insertBefore(form, homeNext);
        });
        heading.after(cancel);
      }
      target.after(form);
      form.querySelector('textarea').focus();
    }

    comments.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-reply-to]');
      if (!link) return;
      event.preventDefault();
      replyTo(link.dataset.replyTo, link.dataset.replyName);
    });

    function insertComment(result) {
      const item = document.createElement('li');
      item.className = result.status === 'approved' ? 'comment' : 'comment awaiting';
      item.id = `comment-${result.comment.id}`;
      const box = document.createElement('article');
      box.className = 'comment-body-wrap';
      const head = document.createElement('header');
      head.className = 'comment-head';
      const author = document.createElement('bdi');
      author.className = 'comment-author';
      author.textContent = result.comment.author_name;
      const time = document.createElement('a');
      time.className = 'comment-time';
      time.href = `#comment-${result.comment.id}`;
      const stamp = document.createElement('time');
      stamp.dateTime = result.comment.created_at;
      stamp.textContent = result.comment.created_display;
      time.appendChild(stamp);
      head.append(author, ' ', time);
      box.appendChild(head);
      if (result.status !== 'approved') {
        const waiting = document.createElement('p');
        waiting.className = 'comment-awaiting';
        waiting.textContent = say('comment-awaiting');
        box.appendChild(waiting);
      }
      const text = document.createElement('div');
      text.className = 'comment-text';
      text.dir = 'auto';
      // Rendered by the server from escaped plain text.
      text.innerHTML = result.comment.body_html;
      box.appendChild(text);
      item.appendChild(box);
      let list;
      const parent = result.comment.parent_id && document.getElementById(`comment-${result.comment.parent_id}`);
      if (parent) {
        list = parent.querySelector(':scope > .comment-replies');
        if (!list) {
          list = document.createElement('ol');
          list.className = 'comment-replies';
          parent.appendChild(list);
        }
      } else {
        list = comments.querySelector(':scope > .comment-list');
        if (!list) {
          list = document.createElement('ol');
          list.className = 'comment-list';
          const empty = comments.querySelector('.no-comments');
          if (empty) empty.replaceWith(list); else comments.querySelector('h2').after(list);
        }
      }
      list.appendChild(item);
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors();
      status.textContent = say('comment-posting');
      const data = new FormData(form);
      const parent = data.get('parent_id');
      const payload = {
        author_name: data.get('author_name'),
        author_email: data.get('author_email'),
        body: data.get('body'),
        parent_id: parent ? Number(parent) : null,
        form_token: data.get('form_token'),
        website: data.get('website'),
      };
      try {
        const response = await fetch(api, { method: 'POST', headers: jsonHeaders, credentials: 'same-origin', body: JSON.stringify(payload) });
        const body = await response.json();
        if (response.status === 201) {
          insertComment(body);
          form.querySelector('textarea').value = '';
          status.textContent = say(body.status === 'approved' ? 'comment-published' : 'comment-awaiting');
        } else if (body.errors) {
          status.textContent = say('comment-not-posted');
          for (const error of body.errors) showError(error.field, fieldProblem(error.field, data));
        } else if (response.status === 403) {
          status.textContent = say('comments-closed');
        } else {
          status.textContent = response.status === 429 ? slowDown(response) : say('comment-not-sent');
        }
      } catch (_) {
        status.textContent = say('comment-offline');
      }
    });
  }

  // A live blog: edits and deletions show in place; new entries wait behind a button, so
  // the text the reader is reading does not move.
  const blog = document.querySelector('.live-blog[data-article-id]');
  let onEntry = null;
  let onCoverage = null;
  let catchUp = null;
  if (blog) {
    const list = blog.querySelector('.live-entries');
    const newBox = blog.querySelector('.live-new');
    const newestFirst = blog.dataset.order !== 'oldest_first';
    const page = Number(blog.dataset.page || 1);
    const pages = Number(blog.dataset.pages || 1);
    // Only the page where new entries belong takes them: the first when newest come first.
    const takesNew = newestFirst ? page === 1 : page === pages;
    const waiting = new Map();
    let lastSeen = 0;
    for (const entry of blog.querySelectorAll('.live-entry[data-entry-id]')) {
      lastSeen = Math.max(lastSeen, Number(entry.dataset.entryId));
    }

    const element = (html) => {
      const holder = document.createElement('template');
      holder.innerHTML = html.trim();
      return holder.content.firstElementChild;
    };

    let button = null;
    const showWaiting = () => {
      if (waiting.size === 0) {
        if (button) button.remove();
        button = null;
        return;
      }
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'live-new-button';
        button.addEventListener('click', () => {
          const empty = list.querySelector('.live-empty');
          if (empty) empty.remove();
          let first = null;
          for (const html of waiting.values()) {
            const entry = element(html);
            if (newestFirst) list.prepend(entry); else list.append(entry);
            entry.classList.add('live-entry-new');
            first = newestFirst ? entry : (first || entry);
          }
          waiting.clear();
          showWaiting();
          if (first) {
            first.setAttribute('tabindex', '-1');
            first.focus({ preventScroll: true });
            first.scrollIntoView({ block: 'start', behavior: 'smooth' });
          }
        });
        newBox.append(button);
      }
      const n = waiting.size;
      button.textContent = sayCount('live-new-updates', n);
    };

    const showUpdated = (updated) => {
      const time = blog.querySelector('.live-updated time');
      if (!updated || !time) return;
      time.dateTime = updated.iso;
      time.title = updated.full;
      time.textContent = updated.display;
    };

    const showPinned = (update) => {
      let box = blog.querySelector('.live-pinned');
      const shown = box && box.querySelector(`[data-entry-id="${update.id}"]`);
      if (update.action !== 'deleted' && update.pinned && page === 1) {
        const copy = element(update.html);
        copy.removeAttribute('id');
        if (!box) {
          box = document.createElement('div');
          box.className = 'live-pinned';
          box.setAttribute('aria-label', say('live-pinned-update'));
          newBox.before(box);
        }
        box.replaceChildren(copy);
      } else if (shown) {
        box.remove();
      }
    };

    onEntry = (update) => {
      const id = String(update.id);
      showUpdated(update.last_updated);
      showPinned(update);
      const shown = document.getElementById(`entry-${id}`);
      if (update.action === 'deleted') {
        if (shown) shown.remove();
        waiting.delete(id);
        showWaiting();
        return;
      }
      lastSeen = Math.max(lastSeen, Number(id));
      if (shown) {
        shown.replaceWith(element(update.html));
      } else if (waiting.has(id) || (update.action === 'new' && takesNew)) {
        waiting.set(id, update.html);
        showWaiting();
      }
    };

    // Ended or reopened by the desk: the Live badge and the closing line follow.
    onCoverage = (update) => {
      const heading = blog.querySelector('.live-heading');
      let badge = heading.querySelector('.live-badge');
      let ended = blog.querySelector('.live-ended');
      const reload = blog.querySelector('.live-reload');
      if (update.live) {
        if (!badge) {
          badge = document.createElement('span');
          badge.className = 'live-badge';
          badge.textContent = say('live');
          heading.prepend(badge, ' ');
        }
        if (ended) ended.remove();
        if (reload) reload.hidden = false;
        return;
      }
      if (badge) {
        if (badge.nextSibling && badge.nextSibling.nodeType === Node.TEXT_NODE) badge.nextSibling.remove();
        badge.remove();
      }
      if (reload) reload.hidden = true;
      if (!ended) {
        ended = document.createElement('p');
        ended.className = 'live-ended';
        heading.after(ended);
      }
      ended.replaceChildren(`${say('live-ended')} `);
      if (update.ended) {
        const meta = document.createElement('span');
        meta.className = 'meta';
        const time = document.createElement('time');
        time.dateTime = update.ended.iso;
        time.title = update.ended.full;
        time.textContent = update.ended.display;
        meta.append(`${say('live-closed')} `, time, '.');
        ended.append(meta);
      }
    };

    // After a lost connection, what was posted meanwhile joins the waiting entries.
    catchUp = async () => {
      try {
        const response = await fetch(`/api/v1/articles/${blog.dataset.articleId}/entries?after=${lastSeen}&limit=100`, { headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const body = await response.json();
        for (const item of body.items.reverse()) {
          onEntry({ action: 'new', id: item.id, html: item.html, pinned: item.pinned });
        }
      } catch (_) { /* the next event or a reload brings it */ }
    };
  }

  // Live counts, polls' totals and a live blog's entries while the page is open.
  const firstPoll = polls.size ? polls.values().next().value.box : null;
  const source = widget || comments || blog || firstPoll;
  const articleId = source ? source.dataset.articleId : null;
  if (articleId && 'EventSource' in window) {
    const live = new EventSource(`/api/v1/articles/${articleId}/live`);
    let lost = false;
    live.addEventListener('error', () => { lost = true; });
    live.addEventListener('open', () => {
      if (lost && catchUp) catchUp();
      lost = false;
    });
    live.addEventListener('entry', (event) => {
      if (!onEntry) return;
      try {
        onEntry(JSON.parse(event.data));
      } catch (_) { /* a malformed event changes nothing */ }
    });
    live.addEventListener('coverage', (event) => {
      if (!onCoverage) return;
      try {
        onCoverage(JSON.parse(event.data));
      } catch (_) { /* a malformed event changes nothing */ }
    });
    live.addEventListener('update', (event) => {
      try {
        const update = JSON.parse(event.data);
        if (update.reactions) showReactions({ counts: update.reactions });
        if (typeof update.comments === 'number') showCommentCount(update.comments);
        if (update.polls) Object.entries(update.polls).forEach(([id, poll]) => livePoll(id, poll));
      } catch (_) { /* a malformed update changes nothing */ }
    });
    // The breaking-news banner, which this stream carries for the whole site (site.js).
    live.addEventListener('site', (event) => {
      try {
        const update = JSON.parse(event.data);
        if ('breaking' in update && window.newsdeskBanner) window.newsdeskBanner(update.breaking, update.editions);
      } catch (_) { /* a malformed update changes nothing */ }
    });
  }
})();
