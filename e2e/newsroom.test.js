// The newsroom in a real browser: first-run setup, signing in, writing an article with a
// live preview, scheduling it and seeing it go live; autosave; screenshots of the editor
// and the dashboard at laptop and phone widths; axe-core on the newsroom's pages.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startEmpty, launchBrowser } = require('./server');

const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const LAPTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const EMAIL = 'editor-in-chief@example.com';
const PASSWORD = 'a very long passphrase';

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

async function signIn(page) {
  await page.goto(site.base + '/admin');
  assert.match(page.url(), /\/admin\/login/);
  await page.fill('#f-email', EMAIL);
  await page.fill('#f-password', PASSWORD);
  await page.click('button[type=submit].primary');
  await page.waitForURL(site.base + '/admin');
}

// The site's time zone is UTC by default; the editor's field takes its local time.
function utcLocal(date) {
  return date.toISOString().slice(0, 19);
}

test('set up the site, sign in, write with a preview, schedule it and see it go live', async () => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();

  // First run: the one-time link printed by `newsdesk serve`.
  await page.goto(site.setupUrl);
  await page.fill('#f-name', 'Wanjiru Editor');
  await page.fill('#f-email', EMAIL);
  await page.fill('#f-password', PASSWORD);
  await page.fill('#f-password_again', PASSWORD);
  await page.click('button[type=submit].primary');
  await page.waitForURL(site.base + '/admin');

  // A section and an author under the admin's own name, which the editor then preselects.
  await page.goto(site.base + '/admin/sections');
  await page.fill('#f-name', 'City');
  await page.click('button[type=submit].primary');
  await page.waitForSelector('.notice');
  await page.goto(site.base + '/admin/authors');
  await page.fill('#f-name', 'Wanjiru Editor');
  await page.fill('#f-bio', 'Editor in chief.');
  await page.click('button[type=submit].primary');
  await page.waitForSelector('.notice');

  // Sign out and back in, as on any other day.
  await page.click('.bar-me button');
  await page.waitForURL(/\/admin\/login/);
  await signIn(page);

  await page.click('text=Write an article');
  await page.waitForURL(site.base + '/admin/articles/new');
  await page.fill('#f-title', 'Harbour ferry returns after repairs');
  await page.fill('#f-standfirst', 'The morning crossing runs again from Monday.');
  await page.fill('#f-body', 'The ferry is **back**.\n\n## Timetable\n\n> "We missed it," said one commuter.\n\nTickets go on sale today.');
  await page.click('[role=tab][data-tab=preview]');
  await page.waitForSelector('#preview h2, #preview h3');
  const preview = await page.locator('#preview').innerHTML();
  assert.match(preview, /<strong>back<\/strong>/);
  assert.match(preview, /<blockquote>/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'admin-editor-laptop.png'), fullPage: true });
  await page.click('[role=tab][data-tab=write]');

  await page.selectOption('#f-section', 'city');
  assert.equal(await page.locator('input[name=authors][value=wanjiru-editor]').isChecked(), true);
  await page.fill('#f-tags', 'Transport, Harbour');
  await page.selectOption('#f-status', 'scheduled');
  const at = new Date(Date.now() + 4000);
  await page.locator('#f-publish_at').evaluate((el, value) => { el.value = value; }, utcLocal(at));
  await page.click('.editor-actions button.primary');
  await page.waitForURL(/\/admin\/articles\/\d+\?done=created/);
  assert.equal((await page.locator('.page-head .badge').textContent()).trim(), 'scheduled');

  const url = site.base + '/article/harbour-ferry-returns-after-repairs';
  assert.equal((await fetch(url)).status, 404, 'not public before its time');
  let live = false;
  for (let i = 0; i < 100 && !live; i += 1) {
    live = (await fetch(url)).status === 200;
    if (!live) await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(live, 'public after its time');
  await page.goto(site.base + '/');
  assert.equal(await page.locator('text=Harbour ferry returns after repairs').count() > 0, true, 'on the home page');
  await page.goto(url);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Harbour ferry returns after repairs');
  await page.screenshot({ path: path.join(ARTIFACTS, 'admin-published-article.png') });
  await page.goto(site.base + '/admin');
  await page.screenshot({ path: path.join(ARTIFACTS, 'admin-dashboard-laptop.png'), fullPage: true });
  await context.close();
});

test('drafts save themselves while you type', async () => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  await signIn(page);
  await page.goto(site.base + '/admin/articles/new');
  await page.fill('#f-title', 'Draft that saves itself');
  await page.fill('#f-body', 'Half a thought.');
  await page.selectOption('#f-section', 'city');
  await page.waitForFunction(() => /saved automatically/.test(document.getElementById('autosave-status').textContent), null, { timeout: 25000 });
  assert.match(page.url(), /\/admin\/articles\/\d+$/, 'the address becomes the draft\'s own');
  const version = await page.locator('input[name=version]').inputValue();
  await page.fill('#f-body', 'Half a thought, finished.');
  await page.click('.editor-actions button.primary');
  await page.waitForURL(/done=saved/);
  assert.equal(await page.locator('#f-body').inputValue(), 'Half a thought, finished.');
  assert.ok(Number(await page.locator('input[name=version]').inputValue()) > Number(version));
  await context.close();
});

test('upload a photo in the editor, publish, and see it at the right size with its credit', async () => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  await signIn(page);
  // A real JPEG to upload: a snapshot of a page, as a phone photo stands in for.
  const shot = await page.screenshot({ type: 'jpeg', quality: 85 });
  const photo = path.join(ARTIFACTS, 'upload-photo.jpg');
  fs.writeFileSync(photo, shot);

  await page.goto(site.base + '/admin/articles/new');
  await page.fill('#f-title', 'New ferry terminal opens');
  await page.fill('#f-body', 'The terminal opened this morning.');
  await page.selectOption('#f-section', 'city');
  await page.fill('#f-lead_image_alt', 'Passengers boarding at the new terminal');
  await page.fill('#f-lead_image_credit', 'Wire Service');
  await page.fill('#f-lead_image_caption', 'The first crossing from the new terminal.');
  await page.setInputFiles('#lead-file', photo);
  await page.waitForFunction(() => /Uploaded/.test(document.querySelector('.upload-status').textContent), null, { timeout: 30000 }).catch(async (e) => { throw new Error('upload status: ' + await page.locator('.upload-status').textContent()); });
  assert.match(await page.inputValue('#f-lead_image_url'), /^\/media\/[0-9a-f]{32}-1280\.jpg$/);
  assert.equal(await page.locator('.lead-thumb').isVisible(), true);
  await page.selectOption('#f-status', 'published');
  await page.click('.editor-actions button.primary');
  await page.waitForURL(/done=created/);

  await page.goto(site.base + '/admin/media');
  assert.equal(await page.locator('.media-grid img').count(), 1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'admin-media-laptop.png'), fullPage: true });

  const url = site.base + '/article/new-ferry-terminal-opens';
  for (const [label, viewport, width] of [['laptop', LAPTOP, 1024], ['phone', PHONE, 640]]) {
    const reader = await browser.newContext({ viewport });
    const view = await reader.newPage();
    await view.goto(url);
    const img = view.locator('.lead-image img');
    await img.evaluate((el) => el.decode());
    const chosen = await img.evaluate((el) => el.currentSrc);
    assert.match(chosen, new RegExp(`-${width}\\.webp$`), `${label} gets the ${width}px WebP (${chosen})`);
    assert.equal((await view.locator('.lead-image .credit').textContent()).trim(), 'Photo: Wire Service.');
    assert.equal((await view.locator('.lead-image .caption').textContent()).trim(), 'The first crossing from the new terminal.');
    assert.equal(await img.getAttribute('alt'), 'Passengers boarding at the new terminal');
    await view.screenshot({ path: path.join(ARTIFACTS, `article-photo-${label}.png`) });
    await reader.close();
  }
  await context.close();
});

test('the dashboard and the editor work on a phone', async () => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'admin-dashboard-phone.png'), fullPage: true });
  await page.goto(site.base + '/admin/articles');
  await page.click('text=Harbour ferry returns after repairs');
  await page.waitForSelector('#f-body');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width + 1, `no sideways scrolling (page is ${width}px wide)`);
  const body = await page.locator('#f-body').boundingBox();
  assert.ok(body.width > PHONE.width * 0.8, 'the body field uses the width of the phone');
  await page.screenshot({ path: path.join(ARTIFACTS, 'admin-editor-phone.png'), fullPage: true });
  await context.close();
});

test('the sign-in page, dashboard and editor have no axe-core (WCAG 2 A/AA) violations', async () => {
  const axeSource = require('axe-core').source;
  const context = await browser.newContext({ bypassCSP: true, viewport: LAPTOP });
  const page = await context.newPage();
  const failures = [];
  const audit = async (label) => {
    await page.addScriptTag({ content: axeSource });
    // eslint-disable-next-line no-undef
    const result = await page.evaluate(async () => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
    for (const v of result.violations) {
      failures.push(`${label}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
  };
  await page.goto(site.base + '/admin/login');
  await audit('login');
  await signIn(page);
  await audit('dashboard');
  for (const address of ['/admin/articles', '/admin/articles/new', '/admin/comments', '/admin/people', '/admin/settings', '/admin/tags']) {
    await page.goto(site.base + address);
    await audit(address);
  }
  await context.close();
  assert.deepEqual(failures, []);
});

test('the newsroom pages pass the Nu HTML Checker with no errors', async () => {
  const vnu = require('vnu-jar');
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto(site.base + '/admin/login');
  const files = [];
  const save = async (name) => {
    // The markup as the server sent it, not as scripts changed it.
    const response = await page.request.get(page.url());
    const file = path.join(ARTIFACTS, `admin-${name}.html`);
    fs.writeFileSync(file, await response.text());
    files.push(file);
  };
  await save('login');
  await signIn(page);
  const articles = await page.request.get(site.base + '/api/v1/articles', { headers: { Accept: 'application/json' } });
  const firstId = (await articles.json()).items[0].id;
  for (const [name, address] of [
    ['dashboard', '/admin'], ['articles', '/admin/articles'], ['new', '/admin/articles/new'],
    ['edit', `/admin/articles/${firstId}`], ['revisions', `/admin/articles/${firstId}/revisions`],
    ['comments', '/admin/comments'], ['sections', '/admin/sections'], ['tags', '/admin/tags'],
    ['people', '/admin/people'], ['settings', '/admin/settings'], ['audit', '/admin/audit'],
    ['media', '/admin/media'],
  ]) {
    await page.goto(site.base + address);
    await save(name);
  }
  await context.close();
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', ...files], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`Nu HTML Checker found errors:\n${error.stderr}${error.stdout}`);
  }
});
