// The newsroom's numbers in a real browser: the demo's weeks of history on the dashboard
// and a story's page, screenshots at desktop and phone widths (look at them), the live
// counter moving without a reload, axe-core and the Nu HTML Checker on both pages.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startDemo, launchBrowser } = require('./server');

const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });
const SIZES = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
// Reads count only from browsers that say they are one (headless ones are left out).
const READER = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';

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
  assert.ok(match, 'the demo prints its login');
  return { email: match[1], password: match[2] };
}

async function signedIn(viewport, options = {}) {
  const { email, password } = demoLogin();
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(site.base + '/admin');
  return { context, page };
}

async function storyId(title) {
  const res = await fetch(`${site.base}/api/v1/articles?q=${encodeURIComponent(title)}`, {
    headers: { authorization: `Bearer ${site.token}` },
  });
  const body = await res.json();
  return body.items[0].id;
}

// A figure as the page writes it (grouped: "1,983"), as a number.
function figure(text) {
  return Number(text.replace(/[^0-9]/g, ''));
}

test('the dashboard and a story page show the demo history, at desktop and phone sizes', async () => {
  const id = await storyId('Kilele Stars sign two academy graduates');
  for (const [name, viewport] of Object.entries(SIZES)) {
    const { context, page } = await signedIn(viewport);
    await page.goto(site.base + '/admin/stats');
    assert.equal(await page.locator('h1').textContent(), 'Numbers');
    // Weeks of history: the 30-day chart has bars well before this week.
    const days = await page.locator('#days-title ~ figure svg rect.bar').count();
    assert.equal(days, 30);
    const busyDays = await page.$$eval('#days-title ~ figure table.figures tbody tr td:nth-child(2)',
      (cells) => cells.filter((c) => Number(c.textContent.replace(/[^0-9]/g, '')) > 0).length);
    assert.ok(busyDays >= 20, `reads on ${busyDays} of 30 days`);
    assert.ok(figure(await page.locator('#right-now-reads').textContent()) > 0, 'readers right now');
    assert.ok(await page.locator('.source-search').count() === 1, 'search is a source');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the dashboard scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: path.join(ARTIFACTS, `stats-dashboard-${name}.png`), fullPage: true });

    await page.goto(`${site.base}/admin/articles/${id}/stats`);
    assert.ok(figure(await page.locator('#story-reads').textContent()) > 0);
    assert.ok(figure(await page.locator('#story-reactions').textContent()) > 0);
    const storyOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(storyOverflow <= 0, `the story page scrolls sideways by ${storyOverflow} px`);
    await page.screenshot({ path: path.join(ARTIFACTS, `stats-story-${name}.png`), fullPage: true });
    await context.close();
  }
});

test('the live counter moves when a reader opens a story, without a reload', async () => {
  // A story of its own: the demo's seeded "right now" reads leave the five-minute window
  // minute by minute, so the site's total may fall while this test runs. A new story has
  // no seeded reads, and its row on the card must reach exactly the reads made here.
  const title = 'Night ferry timetable changes from Monday';
  const created = await fetch(`${site.base}/api/v1/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      body: 'The last crossing leaves half an hour later from Monday, the ferry service said.',
      section: 'news',
      authors: ['amina-odhiambo'],
      status: 'published',
    }),
  });
  const answer = await created.text();
  assert.equal(created.status, 201, answer);
  const { slug } = JSON.parse(answer);
  const { context, page } = await signedIn(SIZES.desktop);
  await page.goto(site.base + '/admin/stats');
  assert.equal(await page.locator('#right-now-list li', { hasText: title }).count(), 0,
    'nobody has read the new story yet');
  // Ten readers on phones open it.
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${site.base}/article/${slug}`, { headers: { 'user-agent': READER } });
    assert.equal(res.status, 200);
  }
  // Reads are written every 5 s and the counter sends every 5 s.
  await page.waitForFunction((wanted) => [...document.querySelectorAll('#right-now-list li')]
    .some((li) => li.querySelector('a')?.textContent === wanted
      && Number(li.querySelector('.count')?.textContent) === 10), title, { timeout: 20000 });
  assert.ok(figure(await page.locator('#right-now-reads').textContent()) >= 10, 'the total counts them');
  assert.ok(await page.locator('[data-live-stats][data-updated]').count() === 1, 'updated in place');
  await context.close();
});

test('the numbers pages pass axe-core and the Nu HTML Checker', async () => {
  const axeSource = require('axe-core').source;
  const vnu = require('vnu-jar');
  const id = await storyId('Kilele Stars sign two academy graduates');
  const { context, page } = await signedIn(SIZES.phone, { bypassCSP: true });
  const failures = [];
  const files = [];
  for (const url of ['/admin/stats', `/admin/articles/${id}/stats`, '/admin/articles?sort=reads']) {
    await page.goto(site.base + url, { waitUntil: 'load' });
    // Open the figures tables, as a reader of the charts would.
    for (const summary of await page.locator('details summary').all()) await summary.click();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    const file = path.join(ARTIFACTS, `stats-${files.length}.html`);
    fs.writeFileSync(file, await page.content());
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
