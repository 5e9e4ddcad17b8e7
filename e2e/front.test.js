// The front page run by editors, in headless Chromium: an editor places a story through
// /admin/front and it leads the home page; breaking news set through the API appears on a
// reader's open page within 5 seconds; the phone layout's header, height and overflow;
// screenshots of the home page and an article at phone and desktop sizes.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startDemo, launchBrowser } = require('./server');

const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

let site;
let browser;

test.before(async () => {
  site = await startDemo();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.stop();
});

function demoLogin() {
  const match = site.output().match(/Demo login: (\S+) \/ (\S+)/);
  assert.ok(match, `no demo login printed:\n${site.output()}`);
  return { email: match[1], password: match[2] };
}

async function api(method, url, body) {
  const res = await fetch(site.base + '/api/v1' + url, {
    method,
    headers: { authorization: `Bearer ${site.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

test('the phone layout: a compact header, a short home page and nothing scrolling sideways', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  await page.goto(site.base + '/', { waitUntil: 'load' });
  const header = await page.locator('header.masthead').boundingBox();
  assert.ok(header.height <= 64, `the phone header is ${header.height}px tall`);
  // The section menu never wraps: on a phone it is a panel behind the menu button.
  await page.locator('.menu summary').click();
  assert.ok(await page.locator('.menu-panel').isVisible());
  await page.locator('.menu summary').click();
  // Lazy photos scrolled in, then measured.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: path.join(ARTIFACTS, 'front-home-390.png'), fullPage: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'front-home-390-top.png') });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 3000, `the demo home page is ${height}px tall at 390px`);
  // The lead photo loads first; the others wait until they are near.
  const lead = page.locator('.card-lead img').first();
  assert.equal(await lead.getAttribute('fetchpriority'), 'high');
  assert.equal(await lead.getAttribute('loading'), null);
  assert.equal(await page.locator('.row img').first().getAttribute('loading'), 'lazy');
  const article = await page.locator('.card-lead .card-title a').getAttribute('href');
  await page.goto(site.base + article);
  await page.screenshot({ path: path.join(ARTIFACTS, 'front-article-390.png'), fullPage: true });
  await phone.close();

  const narrow = await browser.newContext({ viewport: { width: 320, height: 700 } });
  const small = await narrow.newPage();
  for (const url of ['/', article, '/section/news', '/search?q=harbour', '/no-such-page']) {
    await small.goto(site.base + url);
    const overflow = await small.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${url} scrolls ${overflow}px sideways at 320px`);
  }
  await narrow.close();

  const desktop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const wide = await desktop.newPage();
  await wide.goto(site.base + '/');
  await wide.screenshot({ path: path.join(ARTIFACTS, 'front-home-1366.png'), fullPage: true });
  await wide.goto(site.base + article);
  await wide.screenshot({ path: path.join(ARTIFACTS, 'front-article-1366.png'), fullPage: true });
  await desktop.close();
});

test('an editor places a story through /admin/front and it leads the home page', async () => {
  const { email, password } = demoLogin();
  // Tall enough that dragging needs no scrolling.
  const context = await browser.newContext({ viewport: { width: 1366, height: 1600 } });
  const page = await context.newPage();
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('button[type=submit]');
  await page.goto(site.base + '/admin/front?q=library');
  const candidate = page.locator('.candidates li').filter({ hasText: 'The city library at 100' });
  await candidate.getByRole('button', { name: 'Lead', exact: true }).click();
  await page.waitForURL(/\/admin\/front\?done=saved/);
  assert.match(await page.locator('[data-slot=lead]').innerText(), /The city library at 100/);

  // A newer story does not push it down.
  const newer = await api('POST', '/articles', {
    title: 'A newer story about the harbour',
    body: 'Published after the lead was placed.',
    section: 'news',
    authors: ['amina-odhiambo'],
    status: 'published',
  });
  assert.equal(newer.status, 201);
  const reader = await browser.newPage();
  await reader.goto(site.base + '/');
  assert.match(await reader.locator('.card-lead .card-title').innerText(), /The city library at 100/);

  // With JavaScript, up and down reorder the top stories in place of dragging.
  await page.goto(site.base + '/admin/front');
  const second = await page.locator('#top-slots li').nth(1).getAttribute('data-article-id');
  await page.locator('#top-slots li').nth(1).getByRole('button', { name: /^Up/ }).click();
  await page.waitForURL(/done=saved/);
  assert.equal(await page.locator('#top-slots li').first().getAttribute('data-article-id'), second);
  // Or dragged: the last top story dragged above the first.
  const items = page.locator('#top-slots li');
  const last = await items.last().getAttribute('data-article-id');
  const saved = page.waitForNavigation();
  await items.last().dragTo(items.first(), { targetPosition: { x: 10, y: 2 } });
  await saved;
  assert.equal(await page.locator('#top-slots li').first().getAttribute('data-article-id'), last);
  await reader.close();
  await context.close();
});

test('breaking news set through the API shows on an open page within 5 seconds', async () => {
  const reader = await browser.newPage();
  await api('DELETE', `/articles/${(await api('GET', '/breaking')).body?.article_id || 1}/breaking`);
  await reader.goto(site.base + '/section/business');
  assert.ok(await reader.locator('#breaking').isHidden(), 'no banner before it is set');
  // Wait until the page follows the site's stream.
  await reader.waitForTimeout(500);
  const list = await api('GET', '/articles?status=published');
  const story = list.body.items.find((a) => /marathon/i.test(a.title));
  const set = await api('PUT', `/articles/${story.id}/breaking`, {
    until: new Date(Date.now() + 3600 * 1000).toISOString(),
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  await reader.locator('#breaking').waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await reader.locator('#breaking').innerText(), /marathon/i);
  await api('DELETE', `/articles/${story.id}/breaking`);
  await reader.locator('#breaking').waitFor({ state: 'hidden', timeout: 5000 });

  // An article page hears it on the article's own live stream.
  await reader.goto(story.url.replace(/^https?:\/\/[^/]+/, site.base));
  assert.ok(await reader.locator('#breaking').isHidden());
  await reader.waitForTimeout(500);
  await api('PUT', `/articles/${story.id}/breaking`, {});
  await reader.locator('#breaking').waitFor({ state: 'visible', timeout: 5000 });
  await api('DELETE', `/articles/${story.id}/breaking`);
  await reader.locator('#breaking').waitFor({ state: 'hidden', timeout: 5000 });
  await reader.close();
});

test('the new pages pass axe-core and the Nu HTML Checker', async () => {
  const { execFileSync } = require('node:child_process');
  const axeSource = require('axe-core').source;
  const vnu = require('vnu-jar');
  const { email, password } = demoLogin();
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('button[type=submit]');
  const failures = [];
  const files = [];
  for (const url of ['/', '/section/news/counties', '/search?q=harbour', '/no-such-page', '/admin/front', '/admin/sections/2']) {
    await page.goto(site.base + url, { waitUntil: 'load' });
    // The banner and a menu panel open, as readers use them.
    if (!url.startsWith('/admin')) await page.locator('.menu summary').click();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    const file = path.join(ARTIFACTS, `front-${files.length}.html`);
    const res = await page.request.get(site.base + url);
    fs.writeFileSync(file, await res.text());
    files.push(file);
  }
  await context.close();
  assert.deepEqual(failures, []);
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', ...files], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`Nu HTML Checker found errors:\n${error.stderr}${error.stdout}`);
  }
});
