// Ghost's official Content API client (@tryghost/content-api, from npm) against the demo,
// used the way a Ghost front-end uses it: what it asserts is what front-ends rely on.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const GhostContentAPI = require('@tryghost/content-api');
const { startDemo, launchBrowser } = require('./server');

const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

let site;
let api;
let key;

test.before(async () => {
  site = await startDemo();
  const res = await fetch(`${site.base}/api/v1/integrations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${site.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'e2e front-end' }),
  });
  assert.equal(res.status, 201);
  ({ content_api_key: key } = await res.json());
  api = new GhostContentAPI({ url: site.base, key, version: 'v5.0' });
});
test.after(async () => { if (site) await site.stop(); });

const ID = /^[0-9a-f]{24}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

test('posts with tags and authors, page by page, as a front page lists them', async () => {
  const first = await api.posts.browse({ limit: 3, include: 'tags,authors' });
  assert.equal(first.length, 3);
  const { pagination } = first.meta;
  assert.equal(pagination.page, 1);
  assert.equal(pagination.limit, 3);
  assert.ok(pagination.total > 3, 'the demo has more than a page');
  assert.equal(pagination.pages, Math.ceil(pagination.total / 3));
  assert.equal(pagination.next, 2);
  assert.equal(pagination.prev, null);
  for (const post of first) {
    assert.match(post.id, ID);
    assert.match(post.published_at, TIME);
    assert.ok(post.html.startsWith('<'), 'html by default');
    assert.ok(post.url.startsWith(`${site.base}/`), post.url);
    assert.equal(typeof post.reading_time, 'number');
    assert.ok(post.excerpt.length > 0);
    assert.ok(post.tags.length >= 1);
    assert.deepEqual(post.primary_tag, post.tags[0], 'the section leads the tags');
    // Agency copy runs under the agency's name, with no author profile.
    if (post.authors.length === 0) {
      assert.equal(post.primary_author, null, `${post.slug}: no profile, no primary author`);
      continue;
    }
    assert.deepEqual(post.primary_author, post.authors[0]);
    assert.ok(post.primary_author.url.includes('/author/'));
  }
  // Newest first, and the next page carries on where this one stopped.
  const times = first.map((p) => Date.parse(p.published_at));
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  const second = await api.posts.browse({ limit: 3, page: 2 });
  assert.equal(second.meta.pagination.prev, 1);
  assert.ok(Date.parse(second[0].published_at) <= times[2]);
  assert.ok(!first.some((p) => second.some((q) => q.id === p.id)), 'pages do not overlap');

  const all = await api.posts.browse({ limit: 'all', fields: 'id' });
  assert.equal(all.length, pagination.total);
  assert.equal(all.meta.pagination.limit, 'all');
});

test('one post by slug and by id, as an article page reads it', async () => {
  const [listed] = await api.posts.browse({ limit: 1 });
  const bySlug = await api.posts.read({ slug: listed.slug }, { include: 'tags,authors' });
  assert.equal(bySlug.id, listed.id);
  assert.equal(bySlug.title, listed.title);
  assert.ok(Array.isArray(bySlug.tags));
  const byId = await api.posts.read({ id: listed.id });
  assert.equal(byId.slug, listed.slug);
  assert.equal(byId.html, listed.html);
  await assert.rejects(api.posts.read({ slug: 'no-such-story' }), (error) => {
    assert.equal(error.name, 'NotFoundError');
    assert.equal(error.response.status, 404);
    return true;
  });
});

test('tags and authors with their post counts, and a tag page filtered by tag', async () => {
  const tags = await api.tags.browse({ limit: 'all', include: 'count.posts' });
  assert.ok(tags.length > 5);
  for (const tag of tags) {
    assert.match(tag.id, ID);
    assert.equal(typeof tag.count.posts, 'number');
    assert.equal(tag.visibility, 'public');
  }
  const busiest = [...tags].sort((a, b) => b.count.posts - a.count.posts)[0];
  assert.ok(busiest.count.posts >= 2, `${busiest.slug} has stories`);

  // A tag page: the tag by slug, then its stories by an NQL filter.
  const tag = await api.tags.read({ slug: busiest.slug }, { include: 'count.posts' });
  assert.equal(tag.id, busiest.id);
  const posts = await api.posts.browse({ filter: `tag:${tag.slug}`, include: 'tags', limit: 'all' });
  assert.equal(posts.length, tag.count.posts);
  for (const post of posts) {
    assert.ok(post.tags.some((t) => t.slug === tag.slug), `${post.slug} carries ${tag.slug}`);
  }
  const others = await api.posts.browse({ filter: `tag:-${tag.slug}`, limit: 'all', fields: 'id' });
  const total = (await api.posts.browse({ limit: 1 })).meta.pagination.total;
  assert.equal(others.length + posts.length, total);

  const authors = await api.authors.browse({ include: 'count.posts', limit: 'all' });
  assert.ok(authors.length >= 2);
  const counted = authors.reduce((sum, a) => sum + a.count.posts, 0);
  assert.ok(counted >= total, 'every story has a byline');
  const author = await api.authors.read({ slug: authors[0].slug });
  assert.equal(author.name, authors[0].name);
  const byAuthor = await api.posts.browse({ filter: `authors:${author.slug}`, limit: 'all', fields: 'id' });
  assert.equal(byAuthor.length, authors[0].count.posts);
});

test('settings, as a layout reads them for its header and navigation', async () => {
  const settings = await api.settings.browse();
  assert.equal(typeof settings.title, 'string');
  assert.equal(settings.url, `${site.base}/`);
  assert.equal(settings.navigation[0].label, 'Home');
  assert.ok(settings.navigation.length > 1, 'the sections follow');
  assert.ok(settings.lang);
  assert.equal(settings.logo, null);
});

test('fields and formats narrow what comes back', async () => {
  const slim = await api.posts.browse({ fields: 'title,slug,url', limit: 2 });
  for (const post of slim) assert.deepEqual(Object.keys(post).sort(), ['slug', 'title', 'url']);
  const [plain] = await api.posts.browse({ formats: 'plaintext', limit: 1 });
  assert.equal(plain.html, undefined);
  assert.ok(plain.plaintext.length > 0);
  assert.ok(!plain.plaintext.includes('<'));
  const [both] = await api.posts.browse({ formats: 'html,plaintext', limit: 1 });
  assert.ok(both.html && both.plaintext);
});

test('a bad filter and an unknown key are refused the way Ghost refuses them', async () => {
  await assert.rejects(api.posts.browse({ filter: 'tag:[news' }), (error) => {
    assert.equal(error.name, 'BadRequestError');
    assert.match(error.message, /filter/);
    return true;
  });
  const stranger = new GhostContentAPI({ url: site.base, key: '0123456789abcdef0123456789', version: 'v5.0' });
  await assert.rejects(stranger.posts.browse(), (error) => {
    assert.equal(error.name, 'UnauthorizedError');
    return true;
  });
});

test('a client pinned to Ghost 3 calls /ghost/api/v3/content/ and gets the same', async () => {
  const old = new GhostContentAPI({ url: site.base, key, version: 'v3.0' });
  const [a] = await old.posts.browse({ limit: 1, include: 'tags' });
  const [b] = await api.posts.browse({ limit: 1, include: 'tags' });
  assert.deepEqual(a, b);
});

test('an admin makes a key in the newsroom, at phone and laptop widths, and a client reads with it', async () => {
  const [, email, password] = site.output().match(/Demo login: (\S+) \/ (\S+)/);
  const browser = await launchBrowser();
  const failures = [];
  const files = [];
  try {
    for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]]) {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${site.base}/admin/login`);
      await page.fill('#f-email', email);
      await page.fill('#f-password', password);
      await page.click('button[type=submit].primary');
      await page.waitForURL(`${site.base}/admin`);
      // On a phone the newsroom menu is folded behind its button.
      if (await page.locator('.menu-toggle').isVisible()) await page.click('.menu-toggle');
      await page.click('a[href="/admin/integrations"]');
      await page.fill('#f-name', `Astro site (${name})`);
      await page.click('button[type=submit].primary');
      const made = await page.inputValue('#new-key');
      assert.match(made, /^[0-9a-f]{26}$/);
      await page.screenshot({ path: path.join(ARTIFACTS, `admin-integrations-${name}.png`), fullPage: true });
      const reader = new GhostContentAPI({ url: site.base, key: made, version: 'v5.0' });
      assert.ok((await reader.settings.browse()).title);
      // axe on the page as shown (with the new key), the Nu checker on the served list.
      await page.addScriptTag({ content: require('axe-core').source });
      // eslint-disable-next-line no-undef
      const result = await page.evaluate(async () => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
      for (const v of result.violations) failures.push(`${name}: ${v.id}: ${v.help}`);
      const file = path.join(ARTIFACTS, `admin-integrations-${name}.html`);
      fs.writeFileSync(file, await page.content());
      files.push(file);
      const listed = await page.request.get(`${site.base}/admin/integrations`);
      const listFile = path.join(ARTIFACTS, `admin-integrations-list-${name}.html`);
      fs.writeFileSync(listFile, await listed.text());
      files.push(listFile);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  assert.deepEqual(failures, []);
  try {
    execFileSync('java', ['-jar', require('vnu-jar'), '--errors-only', ...files], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`Nu HTML Checker found errors:\n${error.stderr}${error.stdout}`);
  }
});
