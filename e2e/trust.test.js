// Trust on the record, in headless Chromium on the demo site: a story with a correction,
// an update and a dateline at phone size; agency copy under the agency's byline; the public
// corrections page; an editor adding a note from the newsroom; axe-core, the Nu HTML Checker
// and schema.org checks on what readers see.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startDemo, launchBrowser } = require('./server');

const SHOTS = process.env.SHOTS_DIR || '/tmp/shots-trust';
fs.mkdirSync(SHOTS, { recursive: true });
// The shared validators sit beside the checkout (or one level further out for a worktree).
const VALIDATORS = process.env.VALIDATORS_DIR || [
  path.join(__dirname, '..', '..', 'shared', 'validators'),
  path.join(__dirname, '..', '..', '..', 'shared', 'validators'),
].find((dir) => fs.existsSync(path.join(dir, 'jsonld-check.js')));

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

async function story(pattern, query = '') {
  const list = await api('GET', `/articles?status=published&per_page=100${query}`);
  const found = list.body.items.find((a) => pattern.test(a.title));
  assert.ok(found, `no demo story matches ${pattern}`);
  return { ...found, path: new URL(found.url).pathname };
}

async function signIn(context) {
  const { email, password } = demoLogin();
  const page = await context.newPage();
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin/);
  return page;
}

test('a corrected story at phone size: the correction on top, the update, the dateline', async () => {
  const ferry = await story(/ferry link/);
  assert.equal(ferry.dateline, 'Port Amani');
  assert.deepEqual(ferry.corrections.map((n) => n.kind), ['correction', 'update']);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  await page.goto(site.base + ferry.path, { waitUntil: 'load' });
  const correction = page.locator('.story-corrections');
  assert.ok(await correction.isVisible());
  assert.match(await correction.innerText(), /Correction.*31 to 9/s);
  assert.match(await page.locator('.story-updates').innerText(), /Update.*consultation on the quay/s);
  assert.equal(await page.locator('.body p .dateline').first().innerText(), 'PORT AMANI —');
  assert.match(await page.locator('.story-head .updated').innerText(), /Updated/);
  // The correction sits between the headline block and the photo, in the first screen.
  const box = await correction.boundingBox();
  assert.ok(box.y < 844, `the correction starts ${box.y}px down`);
  await page.screenshot({ path: path.join(SHOTS, 'corrected-story-390-top.png') });
  await page.screenshot({ path: path.join(SHOTS, 'corrected-story-390.png'), fullPage: true });
  // The byline and the dateline opening the story, then the updates after it, as a reader scrolls.
  await page.evaluate(() => document.querySelector('.byline').scrollIntoView());
  await page.screenshot({ path: path.join(SHOTS, 'corrected-story-390-dateline.png') });
  await page.evaluate(() => document.querySelector('.story-updates').scrollIntoView());
  await page.screenshot({ path: path.join(SHOTS, 'corrected-story-390-updates.png') });
  await page.goto(site.base + '/corrections');
  await page.screenshot({ path: path.join(SHOTS, 'corrections-390.png'), fullPage: true });
  assert.match(await page.locator('.correction-entry').first().innerText(), /ferry link/);
  const wire = await story(/Fishing boats return/, '&source=agency');
  await page.goto(site.base + wire.path);
  assert.equal(await page.locator('.story .byline').innerText(), 'By PNN');
  assert.match(await page.locator('.provenance').innerText(), /This story is from PNN\./);
  await page.screenshot({ path: path.join(SHOTS, 'agency-story-390-top.png') });
  await page.evaluate(() => document.querySelector('.byline').scrollIntoView());
  await page.screenshot({ path: path.join(SHOTS, 'agency-story-390-byline.png') });
  await phone.close();

  const narrow = await browser.newContext({ viewport: { width: 320, height: 700 } });
  const small = await narrow.newPage();
  for (const url of [ferry.path, wire.path, '/corrections']) {
    await small.goto(site.base + url);
    const overflow = await small.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${url} scrolls ${overflow}px sideways at 320px`);
  }
  await narrow.close();
});

test('an editor adds a clarification from the newsroom and readers see it', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 1200 } });
  const page = await signIn(context);
  const rain = await story(/Heavy rain/);
  await page.goto(`${site.base}/admin/articles/${rain.id}`);
  await page.selectOption('#f-kind', 'clarification');
  await page.fill('#f-text', 'The warning covers the coast road as well as the river.');
  await page.click('form.add-correction button[type=submit]');
  await page.waitForURL(/done=corrected/);
  await page.screenshot({ path: path.join(SHOTS, 'editor-corrections-1366.png'), fullPage: true });
  const reader = await browser.newPage();
  await reader.goto(site.base + rain.path);
  assert.match(await reader.locator('.story-corrections').innerText(), /Clarification.*coast road/s);
  await reader.goto(site.base + '/corrections');
  assert.match(await reader.locator('.correction-entry').first().innerText(), /Heavy rain/);
  await reader.close();
  await context.close();
});

test('what readers and editors see passes axe-core, the Nu HTML Checker and schema.org', async () => {
  const axeSource = require('axe-core').source;
  const vnu = require('vnu-jar');
  const ferry = await story(/ferry link/);
  const wire = await story(/Fishing boats return/, '&source=agency');
  const context = await browser.newContext({ bypassCSP: true });
  const page = await signIn(context);
  const failures = [];
  const files = [];
  const pages = [ferry.path, wire.path, '/corrections', `/admin/articles/${ferry.id}`, '/admin/articles?source=agency'];
  for (const url of pages) {
    await page.goto(site.base + url, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    const file = path.join(SHOTS, `trust-${files.length}.html`);
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
  const out = execFileSync('node', [path.join(VALIDATORS, 'jsonld-check.js'), files[0], files[1]], {
    env: { ...process.env, NODE_PATH: path.join(__dirname, 'node_modules') },
  }).toString();
  assert.match(out, /NewsArticle valid/);
  assert.doesNotMatch(out, /INVALID/);
});
