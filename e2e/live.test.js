// Live blogs in headless Chromium, with two browsers at phone size: an editor posting from
// the composer, a reader with the blog open. The reader gets the entry within 2 seconds
// without reloading, behind a "new updates" button; edits and deletions show in place.
// Also: the page without JavaScript, nothing scrolling sideways at 320 px, axe-core, the
// Nu HTML Checker and the LiveBlogPosting JSON-LD (schemaorg-jsd).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startDemo, launchBrowser } = require('./server');

const SHOTS = '/tmp/shots-live';
// The validators shared beside the checkout (`NEWSDESK_SHARED` names them elsewhere).
const SHARED = process.env.NEWSDESK_SHARED || path.join(__dirname, '..', '..', 'shared');
fs.mkdirSync(SHOTS, { recursive: true });
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let site;
let browser;
let blog;

test.before(async () => {
  site = await startDemo();
  browser = await launchBrowser();
  const list = await api('GET', '/articles?status=published&per_page=100');
  blog = list.body.items.find((a) => a.format === 'live');
  assert.ok(blog, 'the demo has a live blog');
});

test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.stop();
});

async function api(method, url, body) {
  const res = await fetch(site.base + '/api/v1' + url, {
    method,
    headers: { authorization: `Bearer ${site.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function demoLogin() {
  const match = site.output().match(/Demo login: (\S+) \/ (\S+)/);
  assert.ok(match, `no demo login printed:\n${site.output()}`);
  return { email: match[1], password: match[2] };
}

async function signIn(context) {
  const { email, password } = demoLogin();
  const page = await context.newPage();
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin\/?$/);
  return page;
}

const blogPath = () => new URL(blog.url).pathname;

// Opens the blog for a reader and waits until its live stream is connected.
async function openAsReader(context) {
  const page = await context.newPage();
  const stream = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${blog.id}/live`));
  await page.goto(site.base + blogPath(), { waitUntil: 'load' });
  await stream;
  await page.waitForTimeout(300);
  return page;
}

test('a reader gets an entry posted from a phone within 2 seconds, behind the new-updates button', async () => {
  const readerContext = await browser.newContext(PHONE);
  const editorContext = await browser.newContext(PHONE);
  const reader = await openAsReader(readerContext);
  await reader.screenshot({ path: path.join(SHOTS, 'reader-390-before.png') });
  await reader.screenshot({ path: path.join(SHOTS, 'reader-390-full.png'), fullPage: true });
  const firstBefore = await reader.locator('.live-entries .live-entry').first().getAttribute('data-entry-id');
  await reader.evaluate(() => window.scrollTo(0, 600));
  const scrolled = await reader.evaluate(() => window.scrollY);

  const editor = await signIn(editorContext);
  await editor.goto(`${site.base}/admin/articles/${blog.id}/live`);
  await editor.screenshot({ path: path.join(SHOTS, 'composer-390.png') });
  await editor.screenshot({ path: path.join(SHOTS, 'composer-390-full.png'), fullPage: true });
  // Big enough to tap with a thumb.
  const post = editor.getByRole('button', { name: 'Post update' });
  const box = await post.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 300, `the post button is ${box.width}x${box.height}`);
  await editor.fill('#entry-body', 'The returning officer is at the podium: **results in five minutes**.');
  await editor.fill('#entry-title', 'Results imminent');
  await editor.check('input[name=key_event]');
  const sent = Date.now();
  await post.click();
  await editor.waitForURL(/done=posted/);

  const button = reader.locator('.live-new-button');
  await button.waitFor({ state: 'visible', timeout: 2000 });
  const arrived = Date.now() - sent;
  assert.ok(arrived <= 2000, `the entry took ${arrived} ms`);
  assert.equal(await button.innerText(), '1 new update');
  // What the reader was reading has not moved.
  assert.equal(await reader.locator('.live-entries .live-entry').first().getAttribute('data-entry-id'), firstBefore);
  assert.equal(await reader.evaluate(() => window.scrollY), scrolled);
  await reader.screenshot({ path: path.join(SHOTS, 'reader-390-new-update.png') });

  await button.click();
  const first = reader.locator('.live-entries .live-entry').first();
  assert.match(await first.innerText(), /Results imminent/);
  assert.match(await first.innerText(), /results in five minutes/);
  assert.equal(await reader.locator('.live-new-button').count(), 0);
  await reader.screenshot({ path: path.join(SHOTS, 'reader-390-shown.png') });

  // Two more wait together; an edit shows in place; a deletion removes the entry.
  const newest = Number(await first.getAttribute('data-entry-id'));
  await api('POST', `/articles/${blog.id}/entries`, { body: 'Turnout was 61 per cent.' });
  await api('POST', `/articles/${blog.id}/entries`, { body: 'Cheers from the east stand.' });
  await reader.locator('.live-new-button', { hasText: '2 new updates' }).waitFor({ timeout: 2000 });
  const edited = await api('PATCH', `/articles/${blog.id}/entries/${newest}`, { body: 'The returning officer has **declared**.' });
  assert.equal(edited.status, 200);
  await reader.locator(`#entry-${newest}`, { hasText: 'has declared' }).waitFor({ timeout: 2000 });
  const removed = await api('DELETE', `/articles/${blog.id}/entries/${newest}`);
  assert.equal(removed.status, 204);
  await reader.locator(`#entry-${newest}`).waitFor({ state: 'detached', timeout: 2000 });
  await reader.locator('.live-new-button').click();
  assert.match(await reader.locator('.live-entries .live-entry').first().innerText(), /east stand/);
  await reader.screenshot({ path: path.join(SHOTS, 'reader-390-after-edits.png'), fullPage: true });
  await readerContext.close();
  await editorContext.close();
});

test('without JavaScript the page says when it was last updated and a reload shows the rest', async () => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.base + blogPath());
  assert.match(await page.locator('.live-updated').innerText(), /^Last updated /);
  const before = await page.locator('.live-entries .live-entry').count();
  assert.ok(before > 0);
  const posted = await api('POST', `/articles/${blog.id}/entries`, { body: 'Posted while the reader had no script.' });
  assert.equal(posted.status, 201);
  await page.reload();
  assert.match(await page.locator('.live-entries .live-entry').first().innerText(), /no script/);
  await page.screenshot({ path: path.join(SHOTS, 'reader-390-no-js.png') });
  await context.close();
});

test('nothing scrolls sideways at 320 px, and the pages pass axe-core, the Nu HTML Checker and schemaorg-jsd', async () => {
  const narrow = await browser.newContext({ viewport: { width: 320, height: 700 } });
  await signIn(narrow);
  const page = await narrow.newPage();
  for (const url of [blogPath(), `${blogPath()}?page=2`, `/admin/articles/${blog.id}/live`]) {
    const res = await page.goto(site.base + url);
    assert.equal(res.status(), 200, url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${url} scrolls sideways at 320px`);
  }
  await page.goto(site.base + blogPath());
  await page.screenshot({ path: path.join(SHOTS, 'reader-320.png') });
  await narrow.close();

  const axeSource = require('axe-core').source;
  const context = await browser.newContext({ bypassCSP: true });
  const audit = await signIn(context);
  const failures = [];
  const files = [];
  for (const url of [blogPath(), `${blogPath()}?page=2`, `/admin/articles/${blog.id}/live`]) {
    await audit.goto(site.base + url, { waitUntil: 'load' });
    await audit.addScriptTag({ content: axeSource });
    const result = await audit.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    const file = path.join(SHOTS, `page-${files.length}.html`);
    fs.writeFileSync(file, await (await audit.request.get(site.base + url)).text());
    files.push(file);
  }
  await context.close();
  assert.deepEqual(failures, []);
  const vnu = require('vnu-jar');
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', ...files], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`Nu HTML Checker found errors:\n${error.stderr}${error.stdout}`);
  }
  let out;
  try {
    out = execFileSync('node', [path.join(SHARED, 'validators', 'jsonld-check.js'), files[0]], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, NODE_PATH: path.join(__dirname, 'node_modules') },
    });
  } catch (error) {
    assert.fail(`jsonld-check failed:\n${error.stdout}${error.stderr}`);
  }
  assert.match(out, /LiveBlogPosting valid/);
  const html = fs.readFileSync(files[0], 'utf8');
  const posting = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    .map((m) => JSON.parse(m[1]))
    .find((b) => b['@type'] === 'LiveBlogPosting');
  assert.ok(posting.coverageStartTime);
  assert.ok(posting.liveBlogUpdate.length > 0);
  for (const update of posting.liveBlogUpdate) {
    assert.equal(update['@type'], 'BlogPosting');
    assert.ok(update.headline && update.datePublished && update.articleBody, JSON.stringify(update));
  }
});

test('a reader with the blog open sees the desk end it and reopen it, without reloading', async () => {
  const reader = await browser.newContext(PHONE);
  const page = await reader.newPage();
  await page.goto(site.base + new URL(blog.url).pathname);
  assert.equal(await page.locator('.live-heading .live-badge').count(), 1, 'live to begin with');
  await page.waitForTimeout(500); // the live stream is open
  const ended = await api('PATCH', `/articles/${blog.id}/live-blog`, { ended: true });
  assert.equal(ended.status, 200, JSON.stringify(ended.body));
  await page.waitForSelector('.live-ended', { timeout: 2000 });
  assert.match(await page.locator('.live-ended').textContent(), /This live blog has ended\. Closed /);
  assert.equal(await page.locator('.live-heading .live-badge').count(), 0, 'the Live badge went');
  await page.locator('.live-blog').screenshot({ path: path.join(SHOTS, 'live-ended-phone.png') });
  const reopened = await api('PATCH', `/articles/${blog.id}/live-blog`, { ended: false });
  assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
  await page.waitForSelector('.live-heading .live-badge', { timeout: 2000 });
  assert.equal(await page.locator('.live-ended').count(), 0, 'the closing line went');
  await reader.close();
});
