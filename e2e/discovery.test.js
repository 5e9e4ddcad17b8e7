// Discovery checked by tools no one here wrote: feedparser on every feed, xmllint with the
// sitemaps.org schemas, schemaorg-jsd on the JSON-LD.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startDemo } = require('./server');

const ARTIFACTS = path.join(__dirname, 'artifacts', 'discovery');
const SHARED = path.join(__dirname, '..', '..', 'shared');
fs.mkdirSync(ARTIFACTS, { recursive: true });

let site;
test.before(async () => { site = await startDemo(); });
test.after(async () => { if (site) await site.stop(); });

async function save(url, name) {
  const res = await fetch(site.base + url);
  assert.equal(res.status, 200, url);
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, await res.text());
  return file;
}

function run(cmd, args, env) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...env } });
  } catch (error) {
    assert.fail(`${cmd} ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`);
  }
}

// The published stories of the site's own (English) edition; the demo's Swahili edition
// has feeds and sitemaps of its own.
async function published() {
  const res = await fetch(`${site.base}/api/v1/articles?status=published&language=en&per_page=100`, { headers: { Authorization: `Bearer ${site.token}` } });
  const body = await res.json();
  return body.items;
}

test('every feed parses with feedparser and carries the published articles', async () => {
  const articles = await published();
  const first = articles[0];
  const feeds = ['', `/section/${first.section.slug}`, `/tag/${first.tags[0].slug}`, `/author/${first.authors[0].slug}`];
  const files = [];
  for (const base of feeds) {
    const stem = base.replace(/\//g, '_') || 'site';
    files.push(await save(`${base}/feed.xml`, `${stem}.rss.xml`));
    files.push(await save(`${base}/atom.xml`, `${stem}.atom.xml`));
  }
  const out = run('python3', [path.join(__dirname, 'check_feeds.py'), ...files]);
  const results = out.trim().split('\n').map((line) => JSON.parse(line));
  const site_rss = results.find((r) => r.file.endsWith('site.rss.xml'));
  assert.equal(site_rss.version, 'rss20');
  const newest = [...articles].sort((a, b) => b.published_at.localeCompare(a.published_at)).slice(0, 20).map((a) => a.title);
  assert.deepEqual(new Set(site_rss.titles), new Set(newest));
  assert.equal(results.find((r) => r.file.endsWith('site.atom.xml')).version, 'atom10');
  for (const result of results) assert.ok(result.titles.length > 0, `${result.file} has items`);
});

test('sitemaps validate against the sitemaps.org schemas and the news sitemap is complete', async () => {
  const schemas = path.join(SHARED, 'fixtures', 'schemas');
  const index = await save('/sitemap.xml', 'sitemap.xml');
  run('xmllint', ['--noout', '--schema', path.join(schemas, 'siteindex.xsd'), index]);
  // sitemaps.org's schema with XHTML's link element (a story's translations, `hreflang`).
  const withAlternates = path.join(ARTIFACTS, 'sitemap-with-alternates.xsd');
  fs.writeFileSync(withAlternates, `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="${path.join(__dirname, 'schemas', 'xhtml-link.xsd')}"/>
  <xsd:include schemaLocation="${path.join(schemas, 'sitemap.xsd')}"/>
</xsd:schema>
`);
  for (const [prefix, name] of [['', 'pages.xml'], ['', 'articles-1.xml'], ['/sw', 'pages.xml'], ['/sw', 'articles-1.xml']]) {
    const file = await save(`${prefix}/sitemaps/${name}`, `${prefix.replace('/', '') || 'en'}-${name}`);
    run('xmllint', ['--noout', '--schema', withAlternates, file]);
  }
  const sw = fs.readFileSync(path.join(ARTIFACTS, 'sw-articles-1.xml'), 'utf8');
  assert.match(sw, /hreflang="en"/, 'the Swahili sitemap names the English originals');
  run('xmllint', ['--noout', '--schema', path.join(schemas, 'siteindex.xsd'), await save('/sw/sitemap.xml', 'sw-sitemap.xml')]);
  const news = await save('/sitemaps/news.xml', 'news.xml');
  run('xmllint', ['--noout', news]);
  const out = run('python3', [path.join(__dirname, 'check_news_sitemap.py'), news]);
  assert.match(out, /[1-9]\d* news entries checked/);
});

test('JSON-LD on an article and a section validates with schemaorg-jsd', async () => {
  // A standard story: a live blog's page carries LiveBlogPosting (checked in live.test.js).
  const story = (await published()).find((a) => a.format === 'standard');
  const file = await save(new URL(story.url).pathname, 'article.html');
  const section = await save(`/section/${story.section.slug}`, 'section.html');
  const out = run('node', [path.join(SHARED, 'validators', 'jsonld-check.js'), file, section], {
    NODE_PATH: path.join(__dirname, 'node_modules'),
  });
  assert.match(out, /NewsArticle valid/);
  assert.match(out, /BreadcrumbList valid/);
});
