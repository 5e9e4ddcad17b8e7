// The newsroom's daily flow in a real browser: a contributor writes with the toolbar and an
// embed and submits for review; the editor finds it in the queue, opens the public-theme
// preview and publishes; the reader's page shows the embed as a placeholder and, checked
// by request interception, asks no other site for anything until the reader clicks.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startEmpty, launchBrowser } = require('./server');

const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const EDITOR = { name: 'Wanjiru Editor', email: 'editor@example.com', password: 'a very long passphrase' };
const WRITER = { name: 'Otieno Writer', email: 'writer@example.com', password: 'another long passphrase' };
const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const TITLE = 'Ferry timetable changes from Monday';

let site;
let browser;

test.before(async () => {
  site = await startEmpty();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.stop();
});

async function signIn(page, who) {
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', who.email);
  await page.fill('#f-password', who.password);
  await page.click('button[type=submit].primary');
  await page.waitForURL(site.base + '/admin');
}

function sameSite(url) {
  return url.startsWith(site.base) || url.startsWith('data:') || url.startsWith('about:');
}

test('a contributor submits, an editor previews and publishes, readers load nothing from the provider before a click', async () => {
  // The editor sets up the site, a section and a contributor.
  const desk = await browser.newContext({ viewport: DESKTOP });
  const editor = await desk.newPage();
  await editor.goto(site.setupUrl);
  await editor.fill('#f-name', EDITOR.name);
  await editor.fill('#f-email', EDITOR.email);
  await editor.fill('#f-password', EDITOR.password);
  await editor.fill('#f-password_again', EDITOR.password);
  await editor.click('button[type=submit].primary');
  await editor.waitForURL(site.base + '/admin');
  await editor.goto(site.base + '/admin/sections');
  await editor.fill('#f-name', 'City');
  await editor.click('button[type=submit].primary');
  await editor.waitForSelector('.notice');
  await editor.goto(site.base + '/admin/people');
  await editor.fill('#f-name', WRITER.name);
  await editor.fill('#f-email', WRITER.email);
  await editor.selectOption('#f-role', 'contributor');
  await editor.fill('#f-password', WRITER.password);
  await editor.click('form[action="/admin/people"] button.primary');
  await editor.waitForSelector('.notice');

  // The contributor writes with the toolbar and an embed, then submits for review.
  const writing = await browser.newContext({ viewport: DESKTOP });
  const writer = await writing.newPage();
  await signIn(writer, WRITER);
  await writer.click('text=Write an article');
  await writer.waitForURL(site.base + '/admin/articles/new');
  assert.equal(await writer.locator(`input[name=authors][value=otieno-writer]`).isChecked(), true, 'their own byline');
  await writer.fill('#f-title', TITLE);
  await writer.fill('#f-body', 'Boats leave at 4.30am.');
  await writer.locator('#f-body').evaluate((el) => { el.selectionStart = 15; el.selectionEnd = 21; });
  await writer.click('.md-toolbar [data-tool=bold]');
  assert.equal(await writer.inputValue('#f-body'), 'Boats leave at **4.30am**.');
  await writer.locator('#f-body').evaluate((el) => { el.selectionStart = el.selectionEnd = el.value.length; });
  await writer.click('.md-toolbar [data-tool=heading]');
  await writer.keyboard.type('What changes');
  writer.once('dialog', (dialog) => dialog.accept(VIDEO));
  await writer.click('.md-toolbar [data-tool=embed]');
  const body = await writer.inputValue('#f-body');
  assert.match(body, /\n\n## What changes\n\n/);
  assert.ok(body.includes(`\n\n${VIDEO}`), body);
  await writer.selectOption('#f-section', 'city');
  await writer.screenshot({ path: path.join(ARTIFACTS, 'flow-writer-toolbar-desktop.png'), fullPage: true });
  await writer.click('button[name=intent][value=review]');
  await writer.waitForURL(/done=submitted/);
  assert.match(await writer.locator('.notice').first().textContent(), /Submitted for review/);
  assert.match(await writer.locator('.notice.review').textContent(), /Waiting for review/);

  // The editor sees it waiting, opens the public-theme preview, and publishes it.
  await editor.goto(site.base + '/admin');
  const queue = editor.locator('.review-queue');
  assert.match(await queue.textContent(), new RegExp(TITLE));
  assert.match(await queue.textContent(), /sent by Otieno Writer/);
  await editor.screenshot({ path: path.join(ARTIFACTS, 'flow-editor-queue-desktop.png'), fullPage: true });
  await queue.locator(`text=${TITLE}`).click();
  await editor.waitForURL(/\/admin\/articles\/\d+$/);
  const editUrl = editor.url();
  const previewHref = await editor.locator('a[href$="/preview"]').getAttribute('href');
  await editor.goto(site.base + previewHref);
  assert.match(await editor.locator('.preview-banner').textContent(), /draft; readers cannot see it/);
  assert.equal((await editor.locator('h1.headline').textContent()).trim(), TITLE);
  assert.equal(await editor.locator('figure.embed-youtube').count(), 1);
  await editor.screenshot({ path: path.join(ARTIFACTS, 'flow-preview-desktop.png'), fullPage: true });
  await editor.goto(editUrl);
  await editor.selectOption('#f-status', 'published');
  await editor.click('.editor-actions button.primary');
  await editor.waitForURL(/done=saved/);
  assert.equal((await editor.locator('.page-head .badge').textContent()).trim(), 'published');
  const publicUrl = await editor.locator('.page-head a', { hasText: 'View on the site' }).getAttribute('href');

  // The article with its embed, and the preview, are clean for axe-core and the Nu HTML Checker.
  const axeSource = require('axe-core').source;
  const audit = await browser.newContext({ bypassCSP: true, viewport: DESKTOP });
  const failures = [];
  for (const url of [publicUrl]) {
    const page = await audit.newPage();
    await page.goto(site.base + url, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    await page.close();
  }
  await audit.close();
  assert.deepEqual(failures, []);
  const file = path.join(ARTIFACTS, 'flow-article-with-embed.html');
  fs.writeFileSync(file, await (await fetch(site.base + publicUrl)).text());
  try {
    execFileSync('java', ['-jar', require('vnu-jar'), '--errors-only', file], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`Nu HTML Checker found errors:\n${error.stderr}${error.stdout}`);
  }

  // A reader, phone and desktop: the placeholder, and no request to another site.
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const reading = await browser.newContext({ viewport, isMobile: label === 'phone' });
    const elsewhere = [];
    await reading.route('**/*', (route) => {
      const url = route.request().url();
      if (sameSite(url)) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const reader = await reading.newPage();
    await reader.goto(site.base + publicUrl);
    await reader.waitForLoadState('networkidle');
    const placeholder = reader.locator('figure.embed-youtube');
    assert.equal(await placeholder.isVisible(), true);
    assert.equal(await reader.locator('iframe').count(), 0, 'no frame before the click');
    assert.deepEqual(elsewhere, [], `${label}: no request to another site before the click`);
    const width = await reader.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width + 1, `${label}: no sideways scrolling (${width}px)`);
    await placeholder.scrollIntoViewIfNeeded();
    await reader.screenshot({ path: path.join(ARTIFACTS, `flow-article-${label}.png`), fullPage: true });

    // The click asks for the provider's frame, and only then.
    await placeholder.locator('.embed-link').click();
    await reader.waitForSelector('iframe.embed-frame');
    await reader.waitForTimeout(300);
    assert.ok(elsewhere.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')), `${label}: ${elsewhere}`);
    await reading.close();
  }

  // The newsroom on a phone: the menu folds behind one button.
  const phoneDesk = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const phone = await phoneDesk.newPage();
  await signIn(phone, EDITOR);
  assert.equal(await phone.locator('#newsroom-menu').isVisible(), false, 'folded');
  await phone.screenshot({ path: path.join(ARTIFACTS, 'flow-dashboard-phone.png'), fullPage: true });
  await phone.click('.menu-toggle');
  assert.equal(await phone.locator('#newsroom-menu').isVisible(), true, 'open after a tap');
  await phone.screenshot({ path: path.join(ARTIFACTS, 'flow-menu-open-phone.png') });
  await phone.goto(editUrl);
  await phone.screenshot({ path: path.join(ARTIFACTS, 'flow-editor-phone.png'), fullPage: true });
  await phone.goto(site.base + '/admin/settings');
  const settingsWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(settingsWidth <= PHONE.width + 1, `settings: no sideways scrolling (${settingsWidth}px)`);
  await phone.screenshot({ path: path.join(ARTIFACTS, 'flow-settings-phone.png'), fullPage: true });
  await editor.goto(site.base + '/admin/settings');
  await editor.screenshot({ path: path.join(ARTIFACTS, 'flow-settings-desktop.png'), fullPage: true });
  await editor.goto(site.base + '/admin/articles');
  await editor.screenshot({ path: path.join(ARTIFACTS, 'flow-articles-bulk-desktop.png') });
  await phoneDesk.close();
  await writing.close();
  await desk.close();
});
