// The paper's identity, sharing and ads in headless Chromium: an admin uploads a logo in
// the newsroom and it heads every page; the home page and an article at phone and laptop
// widths with the logo, share links and the demo's house ads; copy-link and the in-article
// ad; axe-core, the Nu HTML Checker and schemaorg-jsd on the pages.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const { startDemo, launchBrowser } = require('./server');

const SHOTS = process.env.BRAND_SHOTS || '/tmp/shots-brand';
fs.mkdirSync(SHOTS, { recursive: true });
const SHARED = process.env.NEWSDESK_SHARED || '/work/shared';

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

// A PNG drawn here: a dark blue disc beside a bar, on a clear background (RGBA, 8 bits).
function logoPng(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 4 + 1) + 1 + x * 4;
      const r = height / 2;
      const inDisc = (x - r) ** 2 + (y - r) ** 2 < (r - 4) ** 2;
      const inBar = x > height + 20 && y > height * 0.3 && y < height * 0.7;
      if (inDisc || inBar) raw.set([11, 79, 138, 255], at);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The address of the home page's lead story (attributes carry `/` as `&#x2f;`).
async function leadStory() {
  const home = await fetch(site.base + '/').then((r) => r.text());
  const match = home.match(/class="card card-lead"[\s\S]*?<a href="((?:\/|&#x2f;)article(?:\/|&#x2f;)[^"]+)"/);
  assert.ok(match, 'the home page has a lead story');
  return match[1].replace(/&#x2f;/g, '/');
}

async function scrollThrough(page) {
  // Lazy photos scrolled in before the screenshot.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
}

test('an admin uploads a logo in the newsroom and every page wears it', async () => {
  const { email, password } = demoLogin();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.base + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('button[type=submit]');
  await page.goto(site.base + '/admin/identity');
  const file = path.join(SHOTS, 'new-logo.png');
  fs.writeFileSync(file, logoPng(640, 160));
  await page.setInputFiles('#f-logo', file);
  await page.getByRole('button', { name: 'Upload the logo' }).click();
  await page.waitForURL(/\/admin\/identity\?done=saved/);
  await page.screenshot({ path: path.join(SHOTS, 'admin-identity-1366.png'), fullPage: true });
  const logo = await page.locator('.logo-preview').getAttribute('src');
  // An SVG is refused with the reason, the page filled back in.
  const svg = path.join(SHOTS, 'logo.svg');
  fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>');
  await page.setInputFiles('#f-logo', svg);
  await page.getByRole('button', { name: 'Upload the logo' }).click();
  assert.match(await page.locator('#e-logo').innerText(), /SVG/);
  assert.equal(await page.locator('#f-facebook').inputValue(), 'https://www.facebook.com/newsdesk.example');
  await context.close();

  const reader = await browser.newPage();
  for (const url of ['/', '/section/news']) {
    await reader.goto(site.base + url);
    assert.equal(await reader.locator('.brand img.logo').getAttribute('src'), logo, url);
    assert.equal(await reader.locator('.brand img.logo').getAttribute('alt'), 'Newsdesk');
    assert.ok(await reader.locator('.brand img.logo').evaluate((img) => img.complete && img.naturalWidth > 0));
  }
  const icon = await reader.request.get(site.base + '/favicon.ico');
  assert.equal(icon.headers()['content-type'], 'image/x-icon');
  await reader.close();
});

test('home and an article at 390 and 1366 px: logo, share links, house ads, nothing sideways', async () => {
  const href = await leadStory();
  for (const width of [390, 1366]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: width < 500 ? 2 : 1 });
    const page = await context.newPage();
    await page.goto(site.base + '/', { waitUntil: 'load' });
    await scrollThrough(page);
    assert.ok(await page.locator('.brand img.logo').isVisible());
    await page.screenshot({ path: path.join(SHOTS, `home-${width}.png`), fullPage: true });
    await page.screenshot({ path: path.join(SHOTS, `home-${width}-top.png`) });
    const sidebar = page.locator('.ad-sidebar');
    assert.equal(await sidebar.locator('.ad-label').innerText(), 'ADVERTISEMENT');
    // The demo's sizes: 300 × 250 on wide screens, a 320 × 100 banner on phones.
    const [w, h] = width < 768 ? [320, 100] : [300, 250];
    const box = await sidebar.locator('img').boundingBox();
    assert.ok(box.width <= w + 0.5 && box.width > 200, `the sidebar ad is ${box.width}px wide`);
    assert.ok(Math.abs(box.height - box.width * h / w) < 2, `the reserved shape is kept (${box.width} × ${box.height})`);

    await page.goto(site.base + href, { waitUntil: 'load' });
    await scrollThrough(page);
    await page.screenshot({ path: path.join(SHOTS, `article-${width}.png`), fullPage: true });
    await page.screenshot({ path: path.join(SHOTS, `article-${width}-top.png`) });
    const links = page.locator('.share-top .share-link:visible');
    assert.ok(await links.count() >= 7);
    // Every share link fits the page, and the row is at most three lines tall on a phone.
    const shareBox = await page.locator('.share-top').boundingBox();
    assert.ok(shareBox.x >= 0 && shareBox.x + shareBox.width <= width);
    assert.ok(shareBox.height < 140, `the share links take ${shareBox.height}px`);
    const ad = page.locator('.body .ad-in_article');
    assert.equal(await ad.count(), 1);
    const paragraphsBefore = await ad.evaluate((node) => {
      let n = 0;
      for (let p = node.previousElementSibling; p; p = p.previousElementSibling) if (p.tagName === 'P') n++;
      return n;
    });
    assert.equal(paragraphsBefore, 3);
    for (const url of ['/', href]) {
      await page.goto(site.base + url);
      const overflow = await page.evaluate(() =>
        document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${url} scrolls ${overflow}px sideways at ${width}px`);
    }
    await context.close();
  }
  const narrow = await browser.newContext({ viewport: { width: 320, height: 700 } });
  const small = await narrow.newPage();
  for (const url of ['/', href]) {
    await small.goto(site.base + url);
    const overflow = await small.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${url} scrolls ${overflow}px sideways at 320px`);
  }
  await narrow.close();
});

test('copy-link copies the canonical address, and ad code runs in its reserved box', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
  const page = await context.newPage();
  const href = await leadStory();
  await page.goto(site.base + href);
  const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
  await page.locator('.share-top .share-copy').click();
  await page.locator('.share-top .share-status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), canonical);

  // Ad code in the header: the wide-screen version, its script run under the opened policy.
  const set = await api('PUT', '/ad-slots/header', {
    enabled: true,
    desktop_code: '<div class="network-ad" id="wide-ad">wide</div><script>document.getElementById("wide-ad").textContent = "ran";</script>',
    mobile_code: '<div class="network-ad" id="phone-ad">phone</div>',
    width: 728, height: 90, mobile_width: 320, mobile_height: 50,
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  // A new tab: the one open may keep its copy of the page for ten seconds (max-age=10).
  await context.close();
  const wide = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page2 = await wide.newPage();
  await page2.goto(site.base + href);
  assert.equal(await page2.locator('#wide-ad').innerText(), 'ran');
  assert.equal(await page2.locator('#phone-ad').count(), 0);
  const box = await page2.locator('.ad-header .ad-box').boundingBox();
  assert.ok(box.height >= 90, `the header slot keeps ${box.height}px`);
  await page2.screenshot({ path: path.join(SHOTS, 'article-1366-header-ad.png') });
  await wide.close();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const small = await phone.newPage();
  await small.goto(site.base + href);
  assert.equal(await small.locator('#phone-ad').innerText(), 'phone');
  assert.equal(await small.locator('#wide-ad').count(), 0);
  await small.screenshot({ path: path.join(SHOTS, 'article-390-header-ad.png') });
  await phone.close();
  await api('PUT', '/ad-slots/header', { enabled: false, desktop_code: '', mobile_code: '' });
});

test('the pages pass axe-core, the Nu HTML Checker and schemaorg-jsd', async () => {
  const axeSource = require('axe-core').source;
  const href = await leadStory();
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const failures = [];
  const files = [];
  for (const url of ['/', href, '/section/news']) {
    await page.goto(site.base + url, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
    for (const v of result.violations) {
      failures.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    const file = path.join(SHOTS, `page-${files.length}.html`);
    fs.writeFileSync(file, await (await page.request.get(site.base + url)).text());
    files.push(file);
  }
  await context.close();
  assert.deepEqual(failures, []);
  try {
    execFileSync('java', ['-jar', require('vnu-jar'), '--errors-only', ...files], { stdio: 'pipe' });
  } catch (e) {
    assert.fail(`the Nu HTML Checker found errors:\n${e.stderr}`);
  }
  const out = execFileSync('node', [path.join(SHARED, 'validators', 'jsonld-check.js'), files[0], files[1]], {
    env: { ...process.env, NODE_PATH: path.join(__dirname, 'node_modules') },
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  assert.match(out, /NewsMediaOrganization valid/);
  assert.match(out, /NewsArticle valid/);
  const article = fs.readFileSync(files[1], 'utf8');
  const news = [...article.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    .map((m) => JSON.parse(m[1])).find((b) => b['@type'] === 'NewsArticle');
  assert.equal(news.publisher['@type'], 'NewsMediaOrganization');
  assert.ok(news.publisher.sameAs.includes('https://x.com/newsdesk_example'));
  assert.match(news.publisher.correctionsPolicy, /\/corrections-policy$/);
});
