// The site's own pages, the contact form and the menus in headless Chromium, on the demo:
// an admin adds a link to the footer menu and moves it up; a reader sends a message through
// the contact page and an admin reads it; the footer sits at the bottom of a short page;
// nothing scrolls sideways at 320px; screenshots at 390 and 1366px; axe-core and the Nu
// HTML Checker on the new pages.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startDemo, launchBrowser } = require('./server');

const SHOTS = process.env.SHOTS_DIR || '/tmp/shots-site';
fs.mkdirSync(SHOTS, { recursive: true });

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

async function signIn(page) {
  const { email, password } = demoLogin();
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin\/?$/);
}

async function footerLabels(page) {
  return page.locator('.footer-menu a').allInnerTexts();
}

test('an admin adds a link to the footer menu and moves it up; readers see it at once', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page);
  await page.goto(site.base + '/admin/menus');
  const footer = page.locator('section#footer');
  const before = await footer.locator('li.menu-entry').count();
  assert.equal(before, 4, 'the demo footer links its four pages');
  const add = footer.locator('fieldset.new-entry');
  await add.locator('select').selectOption('link');
  await add.locator('input[name^=label-]').fill('Tips');
  await add.locator('input[name^=url-]').fill('/contact');
  await page.screenshot({ path: path.join(SHOTS, 'admin-menus-390.png'), fullPage: true });
  await footer.locator('button.primary').last().click();
  await page.waitForURL(/done=saved/);
  await page.goto(site.base + '/');
  assert.deepEqual(await footerLabels(page), ['About us', 'Contact us', 'Privacy', 'Corrections policy', 'Tips']);

  // Moved up one place with its arrow button.
  await page.goto(site.base + '/admin/menus');
  await page.locator('section#footer li.menu-entry').last().getByRole('button', { name: /Move entry 5 up/ }).click();
  await page.waitForURL(/done=saved/);
  await page.goto(site.base + '/privacy');
  assert.deepEqual(await footerLabels(page), ['About us', 'Contact us', 'Privacy', 'Tips', 'Corrections policy']);

  // A javascript: link is refused with a message, and what was typed stays.
  await page.goto(site.base + '/admin/menus');
  const again = page.locator('section#footer fieldset.new-entry');
  await again.locator('select').selectOption('link');
  await again.locator('input[name^=label-]').fill('Win a prize');
  await again.locator('input[name^=url-]').fill('javascript:alert(document.cookie)');
  await page.locator('section#footer button.primary').last().click();
  const error = page.locator('section#footer .error');
  await error.first().waitFor();
  assert.match(await error.first().innerText(), /javascript: addresses are refused/);
  await page.screenshot({ path: path.join(SHOTS, 'admin-menus-refused-390.png'), fullPage: true });
  await page.goto(site.base + '/');
  assert.ok(!(await footerLabels(page)).includes('Win a prize'));
  await context.close();
});

test('a reader sends a message through the contact page and an admin reads it', async () => {
  const reader = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await reader.newPage();
  await page.goto(site.base + '/contact');
  assert.equal(await page.locator('h1').innerText(), 'Contact us');
  // Sent at once it would look like a bot's: people take a few seconds.
  await page.fill('#contact-name', 'Grace Wanjiru');
  await page.fill('#contact-email', 'grace.reader@example.net');
  // First without a message: the form comes back filled in, with the problem named.
  await page.waitForTimeout(3200);
  await page.click('.contact-form button[type=submit]');
  await page.locator('#contact-message-error').waitFor();
  assert.equal(await page.inputValue('#contact-name'), 'Grace Wanjiru');
  await page.screenshot({ path: path.join(SHOTS, 'contact-refused-390.png'), fullPage: true });
  await page.fill('#contact-message', 'The ferry fare in Tuesday\'s story is wrong: it is 50 shillings.');
  await page.waitForTimeout(3200);
  await page.click('.contact-form button[type=submit]');
  await page.locator('.form-sent').waitFor();
  assert.match(await page.locator('.form-sent').innerText(), /Thank you/);
  assert.ok(!(await page.content()).includes('grace.reader@example.net'), 'the address is never shown back');
  await page.screenshot({ path: path.join(SHOTS, 'contact-sent-390.png'), fullPage: true });
  await reader.close();

  const admin = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const desk = await admin.newPage();
  await signIn(desk);
  await desk.goto(site.base + '/admin/messages');
  await desk.getByRole('link', { name: 'Grace Wanjiru' }).click();
  assert.match(await desk.locator('.message-text').innerText(), /50 shillings/);
  assert.match(await desk.locator('.card').first().innerText(), /grace\.reader@example\.net/);
  await desk.screenshot({ path: path.join(SHOTS, 'admin-message-1366.png'), fullPage: true });
  await admin.close();
});

test('pages and the footer at phone and desktop sizes: the footer ends a short page, nothing scrolls sideways', async () => {
  for (const [width, height] of [[390, 844], [1366, 900]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    for (const slug of ['about', 'contact', 'privacy', 'corrections-policy']) {
      await page.goto(`${site.base}/${slug}`);
      await page.screenshot({ path: path.join(SHOTS, `${slug}-${width}.png`), fullPage: true });
    }
    await page.goto(site.base + '/privacy');
    await page.locator('footer.site-footer').screenshot({ path: path.join(SHOTS, `footer-${width}.png`) });
    // A short page in a tall window: the footer reaches the bottom, with nothing below it.
    await page.setViewportSize({ width, height: 2400 });
    await page.goto(site.base + '/privacy');
    const { footerBottom, windowHeight, pageHeight } = await page.evaluate(() => ({
      footerBottom: document.querySelector('footer.site-footer').getBoundingClientRect().bottom,
      windowHeight: window.innerHeight,
      pageHeight: document.documentElement.scrollHeight,
    }));
    assert.ok(pageHeight <= windowHeight, `the privacy page is ${pageHeight}px tall at ${width}px`);
    assert.ok(Math.abs(footerBottom - windowHeight) <= 1, `at ${width}px the footer ends at ${footerBottom}, the window at ${windowHeight}`);
    const copyright = await page.locator('.copyright').innerText();
    assert.match(copyright, /^© \d{4} \S/);
    await page.screenshot({ path: path.join(SHOTS, `short-page-${width}.png`) });
    await context.close();
  }
  const narrow = await browser.newContext({ viewport: { width: 320, height: 700 } });
  const small = await narrow.newPage();
  await signIn(small);
  for (const url of ['/about', '/contact', '/privacy', '/admin/pages', '/admin/pages/1', '/admin/menus', '/admin/messages']) {
    await small.goto(site.base + url);
    const overflow = await small.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px at 320px`);
  }
  await small.goto(site.base + '/admin/pages/2');
  await small.screenshot({ path: path.join(SHOTS, 'admin-page-editor-320.png'), fullPage: true });
  await narrow.close();
});

test('the pages, the contact form and the newsroom pages pass axe-core and the Nu HTML Checker', async () => {
  const { execFileSync } = require('node:child_process');
  const axeSource = require('axe-core').source;
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page);
  const failures = [];
  const files = [];
  const urls = ['/about', '/contact', '/contact?sent=1', '/privacy', '/admin/pages', '/admin/pages/new',
    '/admin/pages/2', '/admin/pages/2/revisions', '/admin/menus', '/admin/messages'];
  const first = await (await fetch(site.base + '/api/v1/menus', { headers: { authorization: `Bearer ${site.token}` } })).json();
  assert.ok(first.items.length === 2);
  for (const url of urls) {
    await page.goto(site.base + url, { waitUntil: 'load' });
    if (!url.startsWith('/admin')) await page.locator('.menu summary').click();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    const file = path.join(SHOTS, `page-${files.length}.html`);
    const res = await page.request.get(site.base + url);
    fs.writeFileSync(file, await res.text());
    files.push(file);
  }
  await context.close();
  assert.deepEqual(failures, []);
  let vnu;
  try { vnu = require('vnu-jar'); } catch (_) { return; }
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', ...files], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`Nu HTML Checker found errors:\n${error.stderr}${error.stdout}`);
  }
});
