// The demo's editions in headless Chromium at phone size: the Swahili edition at /sw/ (the
// demo ships English and Swahili, with linked translations) and a site whose own language
// is Arabic. Each page's lang and dir, nothing scrolling sideways at 320 px, the reaction
// widget and comment form in the page's language, the language switcher leading to the
// story's translation, and screenshots of each to look at.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startDemo, launchBrowser } = require('./server');

const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

let site;
let arabic;
let browser;

test.before(async () => {
  site = await startDemo();
  arabic = await startDemo({ NEWSDESK_LANGUAGE: 'ar' });
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.stop();
  if (arabic) await arabic.stop();
});

async function phone(width = 390) {
  const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 2 });
  return { context, page: await context.newPage() };
}

async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// Every lazy photo scrolled into view, so the screenshot shows the page as read.
async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
    window.scrollTo(0, 0);
  });
}

// The page's words as a reader sees them (the scripts' messages block is not shown).
async function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}

const ENGLISH = ["What's Your Reaction?", 'Leave a comment', 'Post comment', 'Most read', 'Search the news'];

test('the Swahili edition: its front page, a story in Swahili words and its way to the English one', async () => {
  const { context, page } = await phone();
  await page.goto(site.base + '/sw/', { waitUntil: 'load' });
  assert.equal(await page.getAttribute('html', 'lang'), 'sw');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  const front = await visibleText(page);
  assert.match(front, /Halmashauri yaidhinisha feri mpya/);
  assert.doesNotMatch(front, /Council approves new ferry link/, 'the English stories stay in their edition');
  for (const words of ENGLISH) assert.ok(!front.includes(words), `English on the Swahili front page: ${words}`);
  await scrollThrough(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'edition-sw-home-390.png'), fullPage: true });

  // The lead story, in Swahili: the reaction widget and comment form in its words.
  await page.locator('a[href^="/sw/article/halmashauri"]').first().click();
  await page.waitForURL(/\/sw\/article\/halmashauri/);
  assert.equal(await page.locator('#reactions-heading').innerText(), 'Unajisikiaje kuhusu habari hii?');
  const labels = await page.locator('.reaction-label').allInnerTexts();
  assert.ok(labels.includes('Napenda'), `reaction labels: ${labels}`);
  assert.ok(!labels.includes('Like'), `reaction labels: ${labels}`);
  assert.equal((await page.locator('#comment-form-heading').innerText()).trim(), 'Toa maoni');
  assert.equal((await page.locator('#comment-form button[type=submit]').innerText()).trim(), 'Tuma maoni');
  const story = await visibleText(page);
  for (const words of ENGLISH) assert.ok(!story.includes(words), `English on the Swahili story: ${words}`);
  // A reaction answers in Swahili too (the script's status line).
  await page.locator('.reaction-buttons button[data-kind=like]').click();
  await assert.doesNotReject(page.waitForFunction(() =>
    document.querySelector('.reaction-buttons button[data-kind=like]').getAttribute('aria-pressed') === 'true'));
  // Posting the comment form empty: the refusal is in Swahili.
  await page.locator('#comment-form button[type=submit]').click();
  await page.waitForFunction(() => {
    const status = document.querySelector('#comment-form [role=status], #comment-form .form-error, #comment-form .field-error');
    return status && status.textContent.trim().length > 0;
  });
  const refused = await page.locator('#comment-form').innerText();
  assert.doesNotMatch(refused, /is required|before posting/, `the refusal is in English: ${refused}`);
  await scrollThrough(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'edition-sw-story-390.png'), fullPage: true });

  // The story says where it is in English, and goes there.
  const english = page.locator('.also-in a[lang=en]');
  assert.equal(await english.innerText(), 'English');
  await english.click();
  await page.waitForURL(/\/article\/council-approves-new-ferry-link/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('link[hreflang=sw]', 'href'),
    site.base + '/sw/article/halmashauri-yaidhinisha-feri-mpya-kati-ya-bandari-ya-zamani-na-mji-mpya');
  await context.close();

  // Nothing scrolls sideways on the smallest phones.
  const small = await phone(320);
  for (const url of ['/sw/', '/sw/article/halmashauri-yaidhinisha-feri-mpya-kati-ya-bandari-ya-zamani-na-mji-mpya', '/sw/section/habari']) {
    await small.page.goto(site.base + url, { waitUntil: 'load' });
    assert.equal(await sideways(small.page), 0, `${url} scrolls sideways at 320 px`);
  }
  await small.context.close();
});

test('an Arabic site: right to left, mirrored, and its reactions and comment form in Arabic', async () => {
  const { context, page } = await phone();
  await page.goto(arabic.base + '/', { waitUntil: 'load' });
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  // Mirrored: the menu button sits at the right, the masthead reads from there.
  const menu = await page.locator('.menu summary').boundingBox();
  const brand = await page.locator('.brand').boundingBox();
  assert.ok(menu.x > brand.x, `the menu (x ${menu.x}) is right of the name (x ${brand.x})`);
  const front = await visibleText(page);
  for (const words of ENGLISH) assert.ok(!front.includes(words), `English on the Arabic front page: ${words}`);
  await scrollThrough(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'edition-ar-home-390.png'), fullPage: true });

  await page.locator('a[href^="/article/council-approves"]').first().click();
  await page.waitForURL(/\/article\/council-approves/);
  assert.equal(await page.locator('#reactions-heading').innerText(), 'ما رأيك؟');
  const labels = await page.locator('.reaction-label').allInnerTexts();
  assert.ok(labels.includes('أعجبني'), `reaction labels: ${labels}`);
  assert.equal((await page.locator('#comment-form-heading').innerText()).trim(), 'اترك تعليقًا');
  assert.equal((await page.locator('#comment-form button[type=submit]').innerText()).trim(), 'انشر التعليق');
  const story = await visibleText(page);
  for (const words of ENGLISH) assert.ok(!story.includes(words), `English on the Arabic story: ${words}`);
  await scrollThrough(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'edition-ar-story-390.png'), fullPage: true });
  await context.close();

  const small = await phone(320);
  for (const url of ['/', '/article/council-approves-new-ferry-link-between-the-old-harbour-and-mji-mpya', '/sw/']) {
    await small.page.goto(arabic.base + url, { waitUntil: 'load' });
    assert.equal(await sideways(small.page), 0, `${url} scrolls sideways at 320 px`);
  }
  await small.context.close();
});

// The newsroom of the Arabic site, as its editor works in it on a phone: right to left,
// its menu, lists and editor in Arabic (the toolbar's words come from the page's messages
// block, the autosave status too), nothing scrolling sideways.
const NEWSROOM_ENGLISH = ['Dashboard', 'Sign out', 'New article', 'Save', 'Headline', 'Formatting', 'Bold', 'Draft saved'];

test('the Arabic newsroom: right to left, its pages, editor toolbar and autosave in Arabic', async () => {
  const { context, page } = await phone();
  const login = arabic.output().match(/Demo login: (\S+) \/ (\S+)/);
  assert.ok(login, 'the demo prints its login');
  await page.goto(arabic.base + '/admin/login');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.fill('#f-email', login[1]);
  await page.fill('#f-password', login[2]);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin\/?$/);
  for (const [url, name] of [['/admin', 'dashboard'], ['/admin/articles', 'articles'], ['/admin/media', 'media']]) {
    await page.goto(arabic.base + url, { waitUntil: 'load' });
    assert.equal(await page.getAttribute('html', 'lang'), 'ar', url);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl', url);
    assert.equal(await sideways(page), 0, `${url} scrolls sideways at 390 px`);
    const words = await visibleText(page);
    for (const english of NEWSROOM_ENGLISH) assert.ok(!words.includes(english), `English on ${url}: ${english}`);
    await page.screenshot({ path: path.join(ARTIFACTS, `newsroom-ar-${name}-390.png`) });
  }

  // A new draft: the toolbar speaks Arabic, and autosave says so in Arabic.
  await page.goto(arabic.base + '/admin/articles/new', { waitUntil: 'load' });
  assert.equal(await page.getAttribute('.md-toolbar', 'aria-label'), 'التنسيق');
  assert.equal(await page.getAttribute('.md-bold', 'title'), 'عريض');
  await page.fill('#f-title', 'مسودة عن الميناء');
  await page.fill('#f-body', 'عاد الصيادون إلى البحر بعد أسبوع من الحظر.');
  const section = await page.locator('#f-section option:not([value=""])').first().getAttribute('value');
  await page.selectOption('#f-section', section);
  await page.waitForFunction(
    () => /حُفظت المسودة تلقائيًا/.test(document.getElementById('autosave-status').textContent),
    null,
    { timeout: 25000 },
  );
  const words = await visibleText(page);
  for (const english of NEWSROOM_ENGLISH) assert.ok(!words.includes(english), `English in the editor: ${english}`);
  assert.equal(await sideways(page), 0, 'the editor scrolls sideways at 390 px');
  await page.screenshot({ path: path.join(ARTIFACTS, 'newsroom-ar-editor-390.png') });
  await context.close();
});
