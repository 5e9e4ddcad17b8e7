// The demo site as a reader sees it: headless Chromium, axe-core and the Nu HTML Checker.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
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

// The four kinds of page the validators check, found by following the demo's own links.
async function demoPages() {
  const page = await browser.newPage();
  await page.goto(site.base + '/');
  const article = await page.locator('.card-title a').first().getAttribute('href');
  const section = await page.locator('nav.sections a').nth(1).getAttribute('href');
  await page.goto(site.base + article);
  const author = await page.locator('.byline a').first().getAttribute('href');
  await page.close();
  return { home: '/', article, section, author };
}

test('a reader opens the front page, follows a story and sees its headline, byline and date', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(site.base + '/');
  await page.screenshot({ path: path.join(ARTIFACTS, 'home-phone.png'), fullPage: false });
  const link = page.locator('.card-title a').first();
  const title = (await link.textContent()).trim();
  await link.click();
  await page.waitForLoadState('load');
  const headline = page.locator('h1.headline');
  await assert.doesNotReject(headline.waitFor({ state: 'visible' }));
  assert.equal((await headline.textContent()).trim(), title);
  const byline = page.locator('.byline');
  assert.ok(await byline.isVisible(), 'byline visible');
  assert.match((await byline.textContent()).trim(), /^By \S/);
  const date = page.locator('time.published');
  assert.ok(await date.isVisible(), 'date visible');
  assert.match((await date.textContent()).trim(), /^[A-Z][a-z]{2} \d{1,2}, \d{4} - \d{2}:\d{2}$/);
  const credit = page.locator('figure.lead-image .credit');
  assert.equal((await credit.textContent()).trim(), 'Photo: Courtesy.');
  // Nothing sticks out sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'article-phone.png'), fullPage: true });
  await context.close();

  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desktop.goto(site.base + '/');
  await desktop.screenshot({ path: path.join(ARTIFACTS, 'home-desktop.png') });
  await desktop.close();
});

test('pages read without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { article } = await demoPages();
  await page.goto(site.base + article);
  assert.ok(await page.locator('h1.headline').isVisible());
  assert.ok((await page.locator('.body p').count()) > 0);
  await context.close();
});

test('the demo home, an article, a section and an author page have no axe-core (WCAG 2 A/AA) violations', async () => {
  const axeSource = require('axe-core').source;
  const pages = await demoPages();
  const failures = [];
  // Our Content-Security-Policy forbids inline scripts, axe's included; the audit may bypass it.
  const context = await browser.newContext({ bypassCSP: true });
  for (const [kind, url] of Object.entries(pages)) {
    const page = await context.newPage();
    await page.goto(site.base + url, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${kind} ${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    await page.close();
  }
  await context.close();
  assert.deepEqual(failures, []);
});

test('the same pages pass the Nu HTML Checker with no errors', async () => {
  const vnu = require('vnu-jar');
  const pages = await demoPages();
  const files = [];
  for (const [kind, url] of Object.entries(pages)) {
    const res = await fetch(site.base + url);
    assert.equal(res.status, 200, `${kind} ${url}`);
    const file = path.join(ARTIFACTS, `${kind}.html`);
    fs.writeFileSync(file, await res.text());
    files.push(file);
  }
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', ...files], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`Nu HTML Checker found errors:\n${error.stderr}${error.stdout}`);
  }
});
