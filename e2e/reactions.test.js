// "What's Your Reaction?" in a real browser: in place with JavaScript, live across
// readers, and as a plain form post without it.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { startDemo, launchBrowser } = require('./server');

let site;
let browser;
let articleUrl;

test.before(async () => {
  site = await startDemo();
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(site.base + '/');
  articleUrl = site.base + (await page.locator('.card-title a, .row-title a').nth(2).getAttribute('href'));
  await page.close();
});

test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.stop();
});

const count = (page, kind) => page.locator(`button[data-kind="${kind}"] .reaction-count`);
const button = (page, kind) => page.locator(`button[data-kind="${kind}"]`);

test('with JavaScript a reader reacts in place, and another reader sees it arrive live', async () => {
  const first = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const second = await browser.newContext();
  const reader = await first.newPage();
  const watcher = await second.newPage();
  await reader.goto(articleUrl);
  await watcher.goto(articleUrl);
  const loveBefore = Number(await count(reader, 'love').textContent());
  const angryBefore = Number(await count(reader, 'angry').textContent());
  // The watcher's live stream is open before the first reader reacts.
  await watcher.waitForFunction(() => document.readyState === 'complete');
  await watcher.waitForTimeout(300);

  await button(reader, 'love').click();
  await assert.doesNotReject(reader.waitForFunction(
    (n) => document.querySelector('button[data-kind="love"] .reaction-count').textContent === String(n), loveBefore + 1));
  assert.equal(await button(reader, 'love').getAttribute('aria-pressed'), 'true');
  assert.equal(reader.url(), articleUrl, 'no page load happened');

  // The second reader's page updates without a reload.
  await assert.doesNotReject(watcher.waitForFunction(
    (n) => document.querySelector('button[data-kind="love"] .reaction-count').textContent === String(n),
    loveBefore + 1, { timeout: 3000 }));
  assert.equal(await button(watcher, 'love').getAttribute('aria-pressed'), 'false', 'not the watcher\'s own reaction');

  await button(reader, 'angry').click();
  await reader.waitForFunction(
    (n) => document.querySelector('button[data-kind="angry"] .reaction-count').textContent === String(n), angryBefore + 1);
  assert.equal(await count(reader, 'love').textContent(), String(loveBefore));
  assert.equal(await button(reader, 'angry').getAttribute('aria-pressed'), 'true');
  assert.equal(await button(reader, 'love').getAttribute('aria-pressed'), 'false');
  await watcher.waitForFunction(
    (n) => document.querySelector('button[data-kind="angry"] .reaction-count').textContent === String(n),
    angryBefore + 1, { timeout: 3000 });

  await reader.locator('#reactions').scrollIntoViewIfNeeded();
  await reader.screenshot({ path: path.join(__dirname, 'artifacts', 'reactions-phone.png') });

  // After a reload the reader's own reaction is still marked.
  await reader.reload();
  assert.equal(await button(reader, 'angry').getAttribute('aria-pressed'), 'true');
  await first.close();
  await second.close();
});

test('without JavaScript the buttons are a form post that comes back with true counts', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(articleUrl);
  const before = Number(await count(page, 'wow').textContent());
  await button(page, 'wow').click();
  await page.waitForLoadState('load');
  assert.ok(page.url().endsWith('#reactions'), page.url());
  assert.equal(await count(page, 'wow').textContent(), String(before + 1));
  assert.equal(await button(page, 'wow').getAttribute('aria-pressed'), 'true');
  await button(page, 'wow').click();
  await page.waitForLoadState('load');
  assert.equal(await count(page, 'wow').textContent(), String(before));
  assert.equal(await button(page, 'wow').getAttribute('aria-pressed'), 'false');
  await context.close();
});
