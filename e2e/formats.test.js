// Story formats beyond text, in headless Chromium. Galleries: paged by the arrow keys and
// by a swipe, plain links without JavaScript. Reader polls: a vote in place on a phone
// and the same vote arriving live in a second browser; the plain form without JavaScript;
// a closed poll's final results. axe-core, the Nu HTML Checker and the JSON-LD validator
// on the pages; phone screenshots under /tmp/shots-formats/.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startDemo, launchBrowser } = require('./server');

const SHOTS = '/tmp/shots-formats';
fs.mkdirSync(SHOTS, { recursive: true });

let site;
let browser;
let story;
let poll;

async function api(method, url, body) {
  const res = await fetch(site.base + '/api/v1' + url, {
    method,
    headers: { authorization: `Bearer ${site.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

test.before(async () => {
  site = await startDemo();
  browser = await launchBrowser();
  const created = await api('POST', '/articles', {
    title: 'Readers choose the name of the new ferry',
    body: 'The transport board has three names on its shortlist and wants readers to choose.',
    section: 'news',
    authors: ['amina-odhiambo'],
    status: 'published',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  story = created.body;
  const attached = await api('POST', `/articles/${story.id}/polls`, {
    question: 'Which name should the first electric ferry carry?',
    options: ['Bahari Mpya', 'Mji Mpya Star', 'Halima Yusuf, after the councillor who fought for it'],
    results_before_vote: true,
  });
  assert.equal(attached.status, 201, JSON.stringify(attached.body));
  poll = attached.body;
});

test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.stop();
});

// The shared validators sit beside the checkout (or beside its parent, for a worktree).
const SHARED = process.env.NEWSDESK_SHARED
  || [path.join(__dirname, '..', '..', 'shared'), path.join(__dirname, '..', '..', '..', 'shared')]
    .find((dir) => fs.existsSync(path.join(dir, 'validators', 'jsonld-check.js')));

// The demo's gallery story, found through the home page's links.
async function galleryPath() {
  return pathOf(/in pictures/i);
}

test('a gallery pages by the arrow keys and by a swipe, and by plain links without JavaScript', async () => {
  const storyPath = await galleryPath();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await phone.newPage();
  await page.goto(site.base + storyPath);
  const total = Number((await page.locator('.gallery-count').textContent()).split(' of ')[1]);
  assert.ok(total >= 3, `the gallery has ${total} photos`);
  assert.equal(await page.locator('.gallery-count').textContent(), `1 of ${total}`);
  await page.locator('.gallery').screenshot({ path: path.join(SHOTS, 'gallery-first-phone.png') });

  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/\/photo\/2/);
  assert.equal(await page.locator('.gallery-count').textContent(), `2 of ${total}`);
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/\/photo\/3/);
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/\/photo\/2/);

  // A swipe to the left on the photo: the next one.
  const box = await page.locator('.gallery-stage img').boundingBox();
  const y = box.y + box.height / 2;
  await page.evaluate(({ from, to, y }) => {
    const stage = document.querySelector('.gallery-stage');
    const touch = (x) => new Touch({ identifier: 1, target: stage, clientX: x, clientY: y });
    stage.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [touch(from)], touches: [touch(from)], bubbles: true }));
    stage.dispatchEvent(new TouchEvent('touchend', { changedTouches: [touch(to)], touches: [], bubbles: true }));
  }, { from: box.x + box.width * 0.8, to: box.x + box.width * 0.2, y });
  await page.waitForURL(/\/photo\/3/);
  assert.equal(await page.locator('.gallery-count').textContent(), `3 of ${total}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `the gallery page scrolls ${wide}px sideways`);
  await page.screenshot({ path: path.join(SHOTS, 'gallery-photo-3-phone.png') });
  await phone.close();

  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
  const noScript = await plain.newPage();
  await noScript.goto(site.base + storyPath);
  await noScript.locator('a.gallery-next').click();
  await noScript.waitForURL(/\/photo\/2/);
  await noScript.locator('.gallery-strip a').last().click();
  await noScript.waitForURL(new RegExp(`/photo/${total}`));
  assert.equal(await noScript.locator('a.gallery-next').count(), 0, 'no next on the last photo');
  const narrow = await noScript.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(narrow <= 0, `at 320 px the gallery scrolls ${narrow}px sideways`);
  await noScript.screenshot({ path: path.join(SHOTS, 'gallery-last-320-no-js.png') });
  await plain.close();
});

test('the gallery\'s, the list\'s and the video\'s JSON-LD validate with schemaorg-jsd', async () => {
  const { execFileSync } = require('node:child_process');
  const files = [];
  for (const [name, pattern] of [['gallery', /in pictures/i], ['list', /^Five places/], ['video', /^Watch: /]]) {
    const file = path.join(SHOTS, `${name}.html`);
    const res = await fetch(site.base + (await pathOf(pattern)));
    fs.writeFileSync(file, await res.text());
    files.push(file);
  }
  const out = execFileSync('node', [path.join(SHARED, 'validators', 'jsonld-check.js'), ...files], {
    env: { ...process.env, NODE_PATH: path.join(__dirname, 'node_modules') },
    encoding: 'utf8',
  });
  assert.match(out, /ImageGallery valid/);
  assert.match(out, /ItemList valid/);
  assert.match(out, /VideoObject valid/);
  assert.match(out, /NewsArticle valid/);
  assert.doesNotMatch(out, /INVALID/);
});

// A published story found by its title, through the API.
async function pathOf(pattern) {
  const res = await fetch(site.base + '/api/v1/articles?status=published&per_page=100', {
    headers: { authorization: `Bearer ${site.token}` },
  });
  const body = await res.json();
  const story = (body.items || []).find((a) => pattern.test(a.title));
  assert.ok(story, `the demo has a story like ${pattern}`);
  return new URL(story.url).pathname;
}

test('a video site\'s video loads nothing from that site before the click', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  const elsewhere = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== site.base) {
      elsewhere.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(site.base + await pathOf(/^Watch: /), { waitUntil: 'networkidle' });
  const placeholder = page.locator('.lead-video .embed-link');
  assert.ok(await placeholder.isVisible());
  assert.deepEqual(elsewhere, [], 'no request to another site before the click');
  const box = await page.locator('.lead-video').boundingBox();
  assert.ok(box.height > 150, `the video's box is reserved (${box.height}px)`);
  await page.locator('.lead-video').screenshot({ path: path.join(SHOTS, 'video-placeholder-phone.png') });
  await placeholder.click();
  await page.waitForSelector('.lead-video iframe');
  await page.waitForTimeout(300);
  assert.ok(elsewhere.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/')), elsewhere.join('\n'));
  await phone.close();
});

test('the demo\'s uploaded clip plays on a phone, fetched in ranges from this site', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  const ranges = [];
  page.on('response', (res) => {
    if (res.url().includes('/media/video/')) ranges.push(res.status());
  });
  await page.goto(site.base + await pathOf(/^Sixty seconds on the quay/));
  assert.equal(await page.locator('figure.lead-image').count(), 0, 'the video stands in place of a lead photo');
  const video = page.locator('.lead-video video');
  const box = await video.boundingBox();
  assert.ok(box.width <= 390 && box.height > 150, `the player's box is reserved (${box.width}x${box.height})`);
  const duration = await video.evaluate((v) => new Promise((resolve, reject) => {
    if (v.readyState >= 1) return resolve(v.duration);
    v.addEventListener('loadedmetadata', () => resolve(v.duration));
    v.addEventListener('error', () => reject(new Error(`the clip does not load: ${v.error && v.error.code}`)));
    v.load();
  }));
  assert.ok(duration > 3 && duration < 5, `the clip lasts ${duration}s`);
  assert.ok(ranges.length > 0 && ranges.every((s) => s === 200 || s === 206), `video answers: ${ranges}`);
  await video.evaluate((v) => { v.muted = true; v.currentTime = 2; });
  await page.waitForTimeout(500);
  await page.locator('.lead-video').screenshot({ path: path.join(SHOTS, 'video-uploaded-phone.png') });
  await phone.close();
});

test('a numbered list counts down on a phone', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  await page.goto(site.base + await pathOf(/^Five places/));
  const numbers = await page.locator('.numbered-list .list-number').allTextContents();
  assert.deepEqual(numbers, ['5', '4', '3', '2', '1']);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `the list scrolls ${wide}px sideways`);
  await page.locator('.numbered-list').screenshot({ path: path.join(SHOTS, 'list-phone.png') });
  await phone.close();
});

const figure = (page, index) => page.locator('.poll-choice .poll-figure').nth(index);

test('a vote counts in place on a phone and appears live in a second browser', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const other = await browser.newContext();
  const reader = await phone.newPage();
  const watcher = await other.newPage();
  await reader.goto(site.base + story.url.replace(/^https?:\/\/[^/]+/, ''));
  await watcher.goto(reader.url());
  // Results before voting: both pages show the figures once the script has read them.
  await watcher.waitForFunction(() => !document.querySelector('.poll-total').hidden);
  await reader.waitForFunction(() => !document.querySelector('.poll-total').hidden);
  assert.match(await watcher.locator('.poll-total').textContent(), /^0 votes so far/);
  await watcher.waitForTimeout(300); // the watcher's stream is open

  await reader.locator('.poll-choice label').nth(2).click();
  await reader.locator('.poll-vote').click();
  await reader.waitForFunction(() => document.querySelector('.poll-status').textContent.includes('counted'));
  assert.equal(await reader.locator('.poll-vote').textContent(), 'Change my vote');
  assert.ok(await reader.locator('.poll-choice.mine').nth(0).isVisible());
  assert.match(await figure(reader, 2).textContent(), /^100%/);
  assert.equal(reader.url().includes('/polls/'), false, 'no page load happened');

  // The second reader's page follows without a reload, with nothing marked as theirs.
  await watcher.waitForFunction(
    () => document.querySelector('.poll-total').textContent.startsWith('1 vote '), null, { timeout: 3000 });
  assert.match(await figure(watcher, 2).textContent(), /^100% \(1\)/);
  assert.equal(await watcher.locator('.poll-choice.mine').count(), 0);

  // A reader of the second browser votes too; the first sees it.
  await watcher.locator('.poll-choice label').nth(0).click();
  await watcher.locator('.poll-vote').click();
  await reader.waitForFunction(
    () => document.querySelector('.poll-total').textContent.startsWith('2 votes'), null, { timeout: 3000 });
  assert.match(await figure(reader, 0).textContent(), /^50% \(1\)/);

  await reader.locator('.poll').scrollIntoViewIfNeeded();
  await reader.locator('.poll').screenshot({ path: path.join(SHOTS, 'poll-voted-phone.png') });
  await reader.screenshot({ path: path.join(SHOTS, 'poll-story-phone.png') });

  // The reader's vote is still theirs after a reload (the shared page, then their view).
  await reader.reload();
  await reader.waitForFunction(() => document.querySelector('.poll-choice.mine') !== null);
  assert.equal(await reader.locator('.poll-choice.mine .poll-label').textContent(), poll.options[2].label);

  // Withdrawn in place.
  await reader.locator('.poll-withdraw').click();
  await reader.waitForFunction(() => document.querySelector('.poll-status').textContent.includes('withdrawn'));
  assert.equal(await reader.locator('.poll-choice.mine').count(), 0);
  await phone.close();
  await other.close();
});

test('without JavaScript the poll is a form that lands on the poll\'s own page', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.base + story.url.replace(/^https?:\/\/[^/]+/, ''));
  // Nothing chosen: the poll's page says what to do.
  await page.locator('.poll-vote').click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('[role=alert]').textContent(), /Choose one of the answers/);
  await page.locator('.poll-choice label').nth(1).click();
  await page.locator('.poll-vote').click();
  await page.waitForLoadState('load');
  assert.ok(page.url().includes(`/polls/${poll.id}`), page.url());
  assert.match(await page.locator('.poll-thanks').textContent(), /your vote is counted/);
  assert.equal(await page.locator('.poll-choice.mine .poll-label').textContent(), poll.options[1].label);
  await page.screenshot({ path: path.join(SHOTS, 'poll-page-no-js-phone.png'), fullPage: true });
  await context.close();
});

test('a closed poll shows its final results, and nothing scrolls sideways at 320 px', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(site.base + '/search?q=Bahari+Festival');
  const link = page.locator('a', { hasText: 'Ten days of music' }).first();
  await page.goto(site.base + (await link.getAttribute('href')).replace(/^https?:\/\/[^/]+/, ''));
  assert.equal(await page.locator('.poll-final li').count(), 3);
  assert.match(await page.locator('.poll-note').textContent(), /final results/);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `the page scrolls ${wide}px sideways`);
  await page.locator('.poll').scrollIntoViewIfNeeded();
  await page.locator('.poll').screenshot({ path: path.join(SHOTS, 'poll-closed-320.png') });
  await page.goto(site.base + `/polls/${poll.id}`);
  const wideToo = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wideToo <= 0, `the poll page scrolls ${wideToo}px sideways`);
  await context.close();
});

test('the stories with a poll and a gallery, and the poll\'s page, pass axe-core and the Nu HTML Checker', async () => {
  const { execFileSync } = require('node:child_process');
  const axeSource = require('axe-core').source;
  const vnu = require('vnu-jar');
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const failures = [];
  const files = [];
  const storyPath = story.url.replace(/^https?:\/\/[^/]+/, '');
  const pages = [storyPath, `/polls/${poll.id}`, await galleryPath(), `${await galleryPath()}/photo/2`,
    await pathOf(/^Five places/), await pathOf(/^Watch: /)];
  for (const url of pages) {
    await page.goto(site.base + url, { waitUntil: 'load' });
    await page.waitForFunction(() => !document.querySelector('.poll-total') || !document.querySelector('.poll-total').hidden);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    const file = path.join(SHOTS, `formats-${files.length}.html`);
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
