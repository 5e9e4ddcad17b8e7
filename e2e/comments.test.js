// Comments in a real browser: posting with and without JavaScript, the moderation message,
// approval through the API, and nested replies.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { startDemo, launchBrowser } = require('./server');

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

async function articleUrl(n) {
  const page = await browser.newPage();
  await page.goto(site.base + '/');
  const href = await page.locator('.card-title a, .row-title a').nth(n).getAttribute('href');
  await page.close();
  return site.base + href;
}

async function approve(id) {
  const res = await fetch(`${site.base}/api/v1/comments/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${site.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'approved' }),
  });
  assert.equal(res.status, 200, await res.text());
}

// The form refuses posts sooner than a person could write one (3 s by default).
const humanPause = (page) => page.waitForTimeout(3200);

test('with JavaScript: post, wait for moderation, get approved, reply in place', async () => {
  const url = await articleUrl(3);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(url);
  assert.equal((await page.locator('.story-head .comment-count-value').textContent()).trim(), '0');
  await page.fill('#comment-name', 'Achieng');
  await page.fill('#comment-email', 'achieng@example.com');
  await page.fill('#comment-body', 'Good news for commuters.\nWhen do tickets go on sale?');
  await humanPause(page);
  await page.click('#comment-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('.comment-status').textContent.includes('awaiting moderation'));
  const held = page.locator('li.comment.awaiting');
  assert.equal(await held.count(), 1);
  assert.equal((await held.locator('.comment-awaiting').textContent()).trim(), 'Your comment is awaiting moderation.');
  assert.equal(page.url(), url, 'posted in place');
  const id = (await held.getAttribute('id')).replace('comment-', '');

  await approve(id);
  await page.reload();
  const shown = page.locator(`#comment-${id}`);
  assert.equal(await shown.locator('.comment-awaiting').count(), 0);
  assert.match(await shown.locator('.comment-text').innerHTML(), /Good news for commuters\.<br>When do tickets go on sale\?/);
  assert.equal((await page.locator('.story-head .comment-count-value').textContent()).trim(), '1');

  // Reply in place: the form moves under the comment; the known email is approved at once.
  await shown.locator('.comment-reply').click();
  assert.match(await page.locator('#comment-form-heading').textContent(), /Reply to Achieng/);
  await page.fill('#comment-name', 'Achieng');
  await page.fill('#comment-email', 'achieng@example.com');
  await page.fill('#comment-body', 'Answering myself: next month.');
  await humanPause(page);
  await page.click('#comment-form button[type=submit]');
  await page.waitForFunction((parent) =>
    document.querySelector(`#comment-${parent} > .comment-replies > .comment`) !== null, id);
  assert.match(await page.locator(`#comment-${id} .comment-replies .comment-text`).textContent(), /next month/);
  await page.waitForFunction(() => document.querySelector('.story-head .comment-count-value').textContent.trim() === '2');
  await page.locator('#comments').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'comments-phone.png'), fullPage: false });
  await context.close();
});

test('without JavaScript: post, see the message, fix an error without losing words, reply nested', async () => {
  const url = await articleUrl(4);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  // A mistake first: no name. The form comes back filled in, the error by the field.
  await page.fill('#comment-body', 'Words I do not want to type twice.');
  await humanPause(page);
  await page.click('#comment-form button[type=submit]');
  await page.waitForLoadState('load');
  assert.match(await page.locator('#comment-name-error').textContent(), /your name is required/);
  assert.equal(await page.locator('#comment-body').inputValue(), 'Words I do not want to type twice.');

  await page.fill('#comment-name', 'Baraka');
  await humanPause(page);
  await page.click('#comment-form button[type=submit]');
  await page.waitForLoadState('load');
  const fragment = new URL(page.url()).hash;
  assert.match(fragment, /^#comment-\d+$/);
  assert.equal((await page.locator(`${fragment} .comment-awaiting`).textContent()).trim(), 'Your comment is awaiting moderation.');
  const id = fragment.replace('#comment-', '');

  await approve(id);
  await page.goto(url);
  assert.equal((await page.locator('.story-head .comment-count-value').textContent()).trim(), '1');
  await page.locator(`#comment-${id} .comment-reply`).click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('#comment-form-heading').textContent(), /Reply to Baraka/);
  await page.fill('#comment-name', 'Neema');
  await page.fill('#comment-body', 'A reply without script.');
  await humanPause(page);
  await page.click('#comment-form button[type=submit]');
  await page.waitForLoadState('load');
  const reply = new URL(page.url()).hash;
  assert.equal(await page.locator(`#comment-${id} .comment-replies ${reply}`).count(), 1, 'the reply nests under its parent');
  await context.close();
});
